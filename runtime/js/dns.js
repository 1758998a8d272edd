// The dns extension's bootstrap: `dns` and `dns/promises` are registered here
// and compiled on first require (dns_lookup.js).
(function (natives, internals) {
  'use strict';
  let dns;
  const load = () => (dns ??= natives.loadScript('dns_lookup.js')(natives, internals));
  internals.defineBuiltin('dns', load);
  internals.defineBuiltin('dns/promises', () => load().promises);
})
