// What esbuild bundles into one CommonJS file for `node --build-snapshot`, whose
// entry can only require built-ins: prettier's standalone build and the two
// plugins app.mjs uses.
export * as prettier from 'prettier/standalone';
export * as babel from 'prettier/plugins/babel';
export * as estree from 'prettier/plugins/estree';
