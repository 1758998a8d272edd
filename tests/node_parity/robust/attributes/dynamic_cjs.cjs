// import() from CommonJS, several calls in one statement, and calls whose
// options the loader cannot read (they are not checked: see README).
exports.run = async () => {
  const [withType, without] = await Promise.allSettled([
    import('./data.json', { with: { type: 'json' } }),
    import('./other.json'),
  ]);
  console.log('all', withType.status, without.status, without.reason?.code);
  await import('./data.json').then(() => console.log('cjs no type ok'),
                                   (e) => console.log('cjs no type', e.code));
  await import('./data.json', { with: { type: 'json' } }).then((m) => console.log('cjs typed', m.default.a));
};
