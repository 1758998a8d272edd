// assert.ok quotes its call's source, non-ASCII identifiers and all.
import assert from 'node:assert';

const ässört = assert;
const 名前 = { ok: assert.ok };

function show(fn) {
  try { fn(); console.log('passed'); } catch (e) { console.log(JSON.stringify(e.message)); }
}

export function main() {
  show(() => { ässört.ok(''); });
  show(() => ässört(0));
  show(() => 名前.ok(null, undefined));
  show(() => { const ñ = false; assert.ok(ñ); });
  show(() => ässört.ok(typeof 'é' === 'number'));
}
