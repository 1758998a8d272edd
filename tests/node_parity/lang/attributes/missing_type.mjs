// A JSON import with no type: Node 20's TypeError and code.
import data from './data.json';
export function main() { console.log(data); }
