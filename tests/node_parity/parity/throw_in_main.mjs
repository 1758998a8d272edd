// main() throws a value that is no error: a number, or an object.
export function main(args) {
  if (args[0] === 'object') throw { nested: { deep: true } };
  throw 7;
}
