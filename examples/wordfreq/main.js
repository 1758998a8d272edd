import { index } from './index.js';

// `wordfreq N` prints the N most frequent words; `wordfreq WORD` its count.
export function main(args) {
  const query = args[0] ?? '5';
  if (/^\d+$/.test(query)) {
    for (const [word, count] of index.slice(0, Number(query))) console.log(count, word);
    return;
  }
  const found = index.find(([word]) => word === query.toLowerCase());
  console.log(found ? found[1] : 0, query);
  if (!found) process.exitCode = 1;
}
