// What esbuild bundles into one CommonJS file for `node --build-snapshot`, whose
// entry can only require built-ins: all of lodash-es, as app.mjs imports it.
export * from 'lodash-es';
