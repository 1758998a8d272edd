import { pong } from './esm_b.mjs';
export function ping(n) { return n <= 0 ? 'ping' : pong(n - 1); }
