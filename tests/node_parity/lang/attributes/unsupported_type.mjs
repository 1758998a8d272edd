import data from './data.json' with { type: 'css' };
export function main() { console.log(data); }
