// object-hash, which hashes values with crypto.createHash as a stream (write
// and digest) in every algorithm and encoding it offers; a hash of a module-
// scope object is computed at build time.
import hash from 'object-hash';

const config = { name: 'toysnap', nested: { list: [1, 2, 3], date: new Date(0), re: /x/g }, n: null };
const atBuild = hash(config);

export function main() {
  console.log('build', atBuild, atBuild === hash(config));
  for (const algorithm of ['sha1', 'md5', 'sha256', 'sha512', 'passthrough']) {
    for (const encoding of ['hex', 'base64', 'binary', 'buffer']) {
      const value = hash({ a: 1, b: [true, 'x'], c: new Map([[1, 2]]) }, { algorithm, encoding });
      console.log(algorithm, encoding, Buffer.isBuffer(value) ? value.toString('hex') : JSON.stringify(value));
    }
  }
  console.log(hash.MD5({ x: 1 }), hash.keys({ b: 1, a: 2 }), hash.sha1([1, 2]));
  console.log(hash({ b: 1, a: 2 }) === hash({ a: 2, b: 1 }), hash({ b: 1, a: 2 }, { unorderedObjects: false }));
  console.log(hash(function f(a) { return a; }), hash(new Set([3, 1, 2])), hash(Buffer.from('buf')));
  console.log(hash({ a: 1, c: 2 }, { excludeKeys: (key) => key === 'c' }), hash('str', { algorithm: 'sha3-256' }));
  const stream = { chunks: [], write(chunk) { this.chunks.push(chunk); } };
  hash.writeToStream({ deep: { x: [1] } }, stream);
  console.log(stream.chunks.join(''));
}
