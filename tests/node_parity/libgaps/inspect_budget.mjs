// util.inspect's output budget: past 2 ** 27 characters at one indentation
// level Node stops expanding ([Object]), so a 1000-node circular chain at
// depth Infinity (Node's test-util-inspect-long-running) ends, with Node's text.
import crypto from 'node:crypto';
import util from 'node:util';

function chain(length) {
  let last = {};
  const obj = last;
  for (let i = 0; i < length; i++) {
    last.next = { circular: obj, last, obj: { a: 1, b: 2, c: true } };
    last = last.next;
    obj[i] = last;
  }
  return obj;
}

function summary(label, text) {
  const digest = crypto.createHash('sha256').update(text).digest('hex');
  const collapsed = text.split('[Object]').length - 1;
  console.log(label, text.length, digest, 'collapsed', collapsed);
  console.log(text.slice(0, 300));
  console.log(text.slice(-200));
}

export function main() {
  // Under the budget: all of it expanded.
  summary('small', util.inspect(chain(40), { depth: Infinity }));
  // Over it: expanded until the budget ran out, then [Object].
  summary('long', util.inspect(chain(1000), { depth: Infinity }));
  // null depth is Infinity too; a fresh call has a fresh budget.
  summary('again', util.inspect(chain(1000), { depth: null }));
  // Deep but narrow values never reach the budget.
  let deep = {};
  for (let i = 0; i < 300; i++) deep = { i, deep };
  summary('deep', util.inspect(deep, { depth: Infinity, breakLength: Infinity }));
}
