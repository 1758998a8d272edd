import { ping } from './esm_a.mjs';
export function pong(n) { return n <= 0 ? 'pong' : ping(n - 1); }
