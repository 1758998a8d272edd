import { wanted } from './lib.mjs';
export const c = wanted;
