// assert.fail's forms and messages, and DEP0094 (event and stderr, once), in a
// child of the same executable: argv0 "node" so Node's hint names the same
// command, the pid masked.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const child = `
const assert = require('assert');
process.on('warning', (w) => console.log('warning', w.name, w.code, w.message));
const forms = [[], [undefined], ['custom'], ['first', 'second'], ['first', 'second', undefined],
  ['a', 'b', undefined, 'op'], ['a', 'b', undefined, undefined], [1, 2, 'msg'], [1, 2, 'msg', '>'],
  [{ a: 1 }, [2], undefined, '=='], [1n, null, undefined, '<'], [new TypeError('own')],
  ['x', 'y', new RangeError('thrown')], [null, undefined]];
for (const args of forms) {
  try {
    assert.fail(...args);
  } catch (e) {
    console.log(JSON.stringify([e.name, e.code, e.message, e.operator, e.generatedMessage]),
      String(e.actual), String(e.expected));
  }
}
function foo() { assert.fail('first', 'second', 'message', '!==', foo); }
try { foo(); } catch (e) { console.log('foo frame', /^\\s*at\\sfoo\\b/m.test(e.stack)); }
try { assert.strict.fail('s', 't'); } catch (e) { console.log('strict', e.message); }
`;

export function main() {
  const script = join(mkdtempSync(join(tmpdir(), 'assert-fail-')), 'fail.cjs');
  writeFileSync(script, child);
  for (const flags of [[], ['--no-deprecation']]) {
    const run = spawnSync(process.execPath, [...flags, script], { argv0: 'node', encoding: 'utf8' });
    console.log('flags', flags.join() || '(none)', 'status', run.status);
    console.log(run.stdout.trimEnd());
    console.log(run.stderr.replace(/\(node:\d+\)/g, '(node:PID)').trimEnd());
  }
}
