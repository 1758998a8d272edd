import { where } from './nested/meta.mjs' with { type: 'json' };
export function main() { console.log(where); }
