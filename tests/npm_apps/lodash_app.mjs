// A large ES module graph: lodash-es's index pulls in 600+ modules.
import * as _ from 'lodash-es';
import { camelCase, groupBy } from 'lodash-es';

const table = _.range(0, 1000).map((i) => ({ id: i, group: i % 7, name: camelCase(`item number ${i}`) }));
const grouped = groupBy(table, 'group');

export function main(args) {
  console.log(Object.keys(_).length > 300, _.chunk([1, 2, 3, 4, 5], 2));
  console.log(_.sortBy(grouped[3].slice(0, 5), 'name').map((row) => row.name));
  const greet = _.template('hello <%= user %>!');
  console.log(greet({ user: args[0] ?? 'world' }));
  console.log(_.sum(_.uniq(table.map((row) => row.group))), _.VERSION);
  console.log(_.debounce, _.isEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }));
}
