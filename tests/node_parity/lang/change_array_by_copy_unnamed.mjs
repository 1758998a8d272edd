// The change-array-by-copy and well-formed-string methods reached only through
// computed names, so a snapshot build's scan for their names finds none and
// the restored program loads core-js at its first call (language.js): their
// properties before and after that call, and their results, must be Node's.
const join = (...parts) => parts.join('');
const names = {
  reversed: join('to', 'Reversed'), sorted: join('to', 'Sorted'), spliced: join('to', 'Spliced'),
  at: join('wi', 'th'), wellFormed: join('is', 'Well', 'Formed'), toWell: join('to', 'Well', 'Formed'),
};
const TA = Object.getPrototypeOf(Uint8Array.prototype);

function describe(object, key) {
  const d = Object.getOwnPropertyDescriptor(object, key);
  const f = d.value;
  return [key, typeof f, f.name, f.length, d.enumerable, d.writable, d.configurable,
    Object.keys(object).includes(key), String(f)].join(' ');
}

const before = new Map();
export function main() {
  const targets = [[Array.prototype, [names.reversed, names.sorted, names.spliced, names.at]],
    [TA, [names.reversed, names.sorted, names.at]], [String.prototype, [names.wellFormed, names.toWell]]];
  for (const [object, keys] of targets) {
    for (const key of keys) {
      before.set(key + object.constructor.name, object[key]);
      console.log('before', describe(object, key));
    }
  }
  const list = [3, 1, 2];
  console.log(list[names.sorted]().join(), list[names.reversed]().join(),
    list[names.spliced](1, 1, 9).join(), list[names.at](0, 7).join(), list.join());
  const bytes = new Uint8Array([5, 4, 6]);
  console.log(String(bytes[names.sorted]()), String(bytes[names.reversed]()),
    String(bytes[names.at](2, 1)), String(bytes));
  console.log('ab\uD800'[names.wellFormed](), JSON.stringify('ab\uD800'[names.toWell]()));
  try { list[names.at](10, 1); } catch (e) { console.log(e.constructor.name, e.message); }
  try { list[names.sorted](1); } catch (e) { console.log(e.constructor.name, e.message); }
  for (const [object, keys] of targets) {
    for (const key of keys) {
      console.log('after', describe(object, key),
        object[key] === before.get(key + object.constructor.name));
    }
  }
  const unscopables = Array.prototype[Symbol.unscopables];
  console.log([names.reversed, names.sorted, names.spliced, names.at].map((k) => unscopables[k]).join());
}
