// The module's shape: exports in Node's order, zlib.constants (ZLIB_VERNUM is
// the linked zlib's and differs: printed apart), codes, the legacy Z_* names.
import zlib from 'node:zlib';
import * as namespace from 'node:zlib';
import { gzipSync, constants } from 'node:zlib';

export function main() {
  console.log(Object.keys(zlib).join(' '));
  const { ZLIB_VERNUM, ...rest } = zlib.constants;
  console.log(JSON.stringify(rest));
  console.log(typeof ZLIB_VERNUM, Object.isFrozen(zlib.constants), Object.getPrototypeOf(zlib.constants),
              Object.getOwnPropertyDescriptor(zlib.constants, 'Z_OK'), Object.isExtensible(zlib.constants));
  console.log(zlib.codes);
  const { value, ...flags } = Object.getOwnPropertyDescriptor(zlib, 'constants');
  console.log(value === zlib.constants, flags);
  console.log(Object.getOwnPropertyDescriptor(zlib, 'Z_OK'), zlib.Z_FINISH, zlib.DEFLATE, zlib.BROTLI_OPERATION_FLUSH);
  console.log(Object.getOwnPropertyNames(zlib).filter((k) => k.startsWith('Z_')).length);
  console.log(typeof namespace.default.gzip, typeof namespace.createGunzip, gzipSync === zlib.gzipSync,
              constants === zlib.constants);
}
