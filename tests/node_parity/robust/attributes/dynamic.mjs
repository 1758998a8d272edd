// import() of JSON honours the `type` attribute as Node 20 does, from source
// and from a snapshot (V8 10.2 hides `with` from the host: the loader reads
// the call). Each call is literal: options from a variable cannot be read.
const report = (label) => [
  (m) => console.log(label, 'ok', JSON.stringify(m.default)),
  (e) => console.log(label, e.name, e.code, e.message.replace(/file:\/\/\S*\//, 'DIR/')),
];

export async function main() {
  // Node checks attributes when it first loads a module for a type.
  await import('./other.json', { with: { type: 'json', other: 'x' } }).then(...report('first extra key'));
  await import('./data.json', { with: { type: 'json' } }).then(...report('with json'));
  await import('./data.json').then(...report('no options'));
  await import('./data.json', {}).then(...report('empty options'));
  await import('./data.json', { with: {} }).then(...report('empty with'));
  await import('./data.json', { with: { type: 'css' } }).then(...report('type css'));
  await import('./plain.mjs', { with: { type: 'json' } }).then(...report('js as json'));
  await import('./data.json', { with: { type: 'json', other: 'x' } }).then(...report('extra key'));
  await import('./data.json', { with: { type: 1 } }).then(...report('type number'));
  await import('./data.json', { with: 1 }).then(...report('with number'));
  await import('node:fs', { with: { type: 'json' } }).then((m) => console.log('builtin', typeof m.default),
                                                           ...report('builtin').slice(1));
  await import(
    './data.json', // a comment
    { "with": { "type": "json" }, },
  ).then(...report('spread over lines'));
  await import('./plain.mjs').then(...report('js without'));
  const specifier = './data.json';
  await import(specifier).then(...report('variable specifier'));
  await import(`./data.json`, { with: { type: 'json' } }).then(...report('template specifier'));
}
