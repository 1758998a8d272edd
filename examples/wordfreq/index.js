// Builds a word-frequency index at build time; queries are answered at run time.
import { text } from './corpus.js';
import { rank } from './rank.js';

const counts = new Map();
for (const word of text.toLowerCase().match(/[a-z]+/g)) {
  counts.set(word, (counts.get(word) ?? 0) + 1);
}
export const index = rank(counts);
