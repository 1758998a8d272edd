import { EventEmitter } from 'node:events';
import path from 'path';
export function describe() {
  return [typeof EventEmitter, path.basename(import.meta.url)];
}
