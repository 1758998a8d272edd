// A 600-module ES graph: lodash-es's index imports every function as its own
// module; the program uses a few of them.
import * as _ from 'lodash-es';

const rows = _.range(0, 1000).map((i) => ({ id: i, group: i % 7, name: _.camelCase(`item number ${i}`) }));
const grouped = _.groupBy(rows, 'group');

export function main(args) {
  // JSON, so that every runtime's console prints the same text.
  console.log(JSON.stringify(_.chunk([1, 2, 3, 4, 5], 2)));
  console.log(JSON.stringify(_.sortBy(grouped[3].slice(0, 3), 'name').map((row) => row.name)));
  console.log(_.template('hello <%= user %>!')({ user: args[0] ?? 'world' }));
  console.log(_.sum(_.uniq(rows.map((row) => row.group))), _.isEqual({ a: [1] }, { a: [1] }));
}
