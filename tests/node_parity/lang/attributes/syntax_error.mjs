import data from './data.json' with { type: 'json' }; const x = ;
export function main() { console.log(data, x); }
