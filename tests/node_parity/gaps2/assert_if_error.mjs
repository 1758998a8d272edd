// assert.ifError: its messages, and which of the original's stack lines it keeps.
import assert from 'node:assert';

function show(label, value) {
  try {
    assert.ifError(value);
    console.log(label, 'passed');
  } catch (e) {
    const lines = e.stack.split('\n');
    console.log(label, JSON.stringify([e.name, e.code, e.message, e.operator, e.generatedMessage]),
      JSON.stringify(lines[0]), lines.includes('Yes!'), lines.includes('    at made (here.js:1:1)'));
  }
}

export function main() {
  show('null', null);
  show('undefined', undefined);
  const weird = new Error();
  weird.stack = 'Error: containing weird stack\nYes!\nI am part of a stack.';
  show('weird stack', weird);
  const framed = new Error('framed');
  framed.stack = 'Error: framed\nYes!\n    at made (here.js:1:1)';
  show('framed stack', framed);
  show('empty message', new TypeError());
  show('message', new RangeError('bad'));
  show('string', 'text');
  show('number', 0);
  show('false', false);
  show('object', { message: 'not an error' });
  const noStack = new Error('no stack');
  noStack.stack = undefined;
  show('no stack', noStack);
}
