// Code for `-e`: Node's eval makes each builtin module a global, loaded on
// first use (a getter, not enumerable) and replaced by an assignment.
const before = Object.getOwnPropertyDescriptor(globalThis, 'path');
console.log(typeof before.get, before.set.name, before.enumerable, before.configurable);
console.log(path === require('path'), typeof util.inspect, typeof events);
const after = Object.getOwnPropertyDescriptor(globalThis, 'path');
console.log('loaded', typeof after.get, after.enumerable);
path = 'mine';
console.log(path, Object.getOwnPropertyDescriptor(globalThis, 'path').value);
console.log(Object.keys(globalThis).includes('fs'), 'os' in globalThis);
console.log(typeof module, module.id, typeof require, __filename, process.argv.slice(1));
