// A "type": "commonjs" package whose exports pick a file by condition ("node").
import YAML, { parseDocument, stringify } from 'yaml';

const config = YAML.parse('name: toysnap\nlist: [1, 2, three]\nnested: { flag: true, none: null }\n');

export function main() {
  console.log(config);
  console.log(stringify({ list: [1, 2], nested: { key: 'value' } }));
  console.log(parseDocument('x: 1 # a comment\ny: [a, b]\n').toString());
}
