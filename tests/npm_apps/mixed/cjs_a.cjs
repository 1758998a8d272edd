exports.fromA = 'a-value';
exports.loading = true;
const b = require('./cjs_b.cjs');
exports.b = b;
exports.seenB = b.name;
exports.loading = false;
