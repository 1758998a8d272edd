// An app with a real npm dependency: lodash-es, 600 ES modules, all loaded and
// evaluated at build time; the word index below is built then too.
import * as _ from 'lodash-es';
import lodash from 'lodash-es';  // the default export carries VERSION

const text = `The quick brown fox jumps over the lazy dog. The dog sleeps;
the fox runs over the hill and the quick dog follows the fox.`;
const words = _.words(text.toLowerCase());
const counts = _.countBy(words);
const top = _.take(_.orderBy(_.toPairs(counts), [1, 0], ['desc', 'asc']), 3);

export function main(args) {
  const name = _.startCase(args[0] ?? 'world');
  console.log(`hello, ${name}! lodash ${lodash.VERSION}, ${_.size(_)} exports`);
  console.log(top.map(([word, count]) => `${word}: ${count}`).join(', '));
  console.log(_.chunk(_.range(1, 8), 3));
}
