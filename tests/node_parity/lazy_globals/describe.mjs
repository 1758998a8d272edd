// Shared by the fixtures: a global's property descriptor as one line.
export const names = [
  'Buffer', 'AbortController', 'AbortSignal', 'DOMException', 'TextDecoder', 'TextEncoder',
  'atob', 'btoa', 'crypto', 'performance', 'process', 'Blob', 'File', 'EventTarget', 'Event',
  'structuredClone',
];

function fn(f) {
  if (f === undefined) return 'undefined';
  return `fn(name=${JSON.stringify(f.name)} length=${f.length} prototype=${'prototype' in f})`;
}

export function describe(name) {
  const d = Object.getOwnPropertyDescriptor(globalThis, name);
  if (d === undefined) return `${name}: absent`;
  const kind = 'value' in d ? `value=${typeof d.value} writable=${d.writable}`
                            : `get=${fn(d.get)} set=${fn(d.set)}`;
  return `${name}: ${kind} enumerable=${d.enumerable} configurable=${d.configurable}`;
}

export function describeAll(label) {
  console.log(`-- ${label}`);
  for (const name of names) console.log(describe(name));
}
