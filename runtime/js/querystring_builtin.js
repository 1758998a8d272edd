// Registers `querystring`, whose code (querystring.js) is compiled on first require.
(function (natives, internals) {
  'use strict';
  internals.defineBuiltin('querystring', () => natives.loadScript('querystring.js')(natives, internals));
})
