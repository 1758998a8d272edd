// Finite-field Diffie-Hellman against Node: createDiffieHellman from sizes,
// primes and generators as numbers, strings in encodings and Buffers; the
// modp groups; keys set and generated; secrets padded to the prime's size;
// verifyError; util.inspect of the objects; and Node's errors for every bad
// argument and state. A pair made at build time still agrees after the restore.
import crypto from 'node:crypto';
import util from 'node:util';

const modp2 = crypto.getDiffieHellman('modp2');
const builtAlice = crypto.createDiffieHellman(modp2.getPrime(), 2);
builtAlice.setPrivateKey(Buffer.alloc(32, 0xa1));
const builtAlicePublic = builtAlice.generateKeys('hex');
const builtGroup = crypto.createDiffieHellmanGroup('modp5');
builtGroup.generateKeys();

function describe(value) {
  if (Buffer.isBuffer(value)) return `<Buffer ${value.length} ${value.toString('hex').slice(0, 48)}>`;
  return typeof value === 'string' ? JSON.stringify(value) : util.inspect(value);
}
function show(label, fn) {
  try {
    console.log(label, describe(fn()));
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, JSON.stringify(e.message), String(e), e.library, e.reason,
      Object.keys(e).join(','));
  }
}

export function main() {
  // After a restore the pair made at build time works on.
  const bob = crypto.createDiffieHellman(modp2.getPrime('hex'), 'hex', Buffer.from([2]));
  bob.setPrivateKey(Buffer.alloc(32, 0xb2));
  const bobPublic = bob.generateKeys();
  show('built alice public', () => builtAlicePublic);
  show('built agree', () => builtAlice.computeSecret(bobPublic).equals(bob.computeSecret(builtAlicePublic, 'hex')));
  show('built secret', () => builtAlice.computeSecret(bobPublic, null, 'base64'));
  show('built group', () => [builtGroup.getPublicKey().length > 100, builtGroup.getPrivateKey().length > 0]);
  show('built group agrees', () => {
    const other = crypto.getDiffieHellman('modp5');
    other.generateKeys();
    return builtGroup.computeSecret(other.getPublicKey()).equals(other.computeSecret(builtGroup.getPublicKey()));
  });

  // Every group, and its shape.
  for (const name of ['modp1', 'modp2', 'modp5', 'modp14', 'modp15', 'modp16', 'modp17', 'modp18', 'MODP14']) {
    show(name, () => {
      const group = crypto.getDiffieHellman(name);
      return [group.getPrime().length, group.getGenerator('hex'), group.verifyError, Object.keys(group),
        group instanceof crypto.DiffieHellmanGroup, group.constructor === crypto.DiffieHellmanGroup];
    });
  }
  show('group prototype', () => Object.getOwnPropertyNames(crypto.DiffieHellmanGroup.prototype));
  show('dh prototype', () => Object.getOwnPropertyNames(crypto.DiffieHellman.prototype));
  show('lengths', () => [crypto.DiffieHellman.length, crypto.DiffieHellmanGroup.length, crypto.createDiffieHellman.length]);
  show('names', () => [crypto.DiffieHellman.prototype.generateKeys.name, crypto.DiffieHellman.prototype.setPublicKey.name]);
  show('no setters on groups', () => [modp2.setPublicKey, modp2.setPrivateKey]);
  show('without new', () => [crypto.DiffieHellman(modp2.getPrime()) instanceof crypto.DiffieHellman,
    crypto.DiffieHellmanGroup('modp1') instanceof crypto.DiffieHellmanGroup]);
  show('verifyError descriptor', () => Object.getOwnPropertyDescriptor(modp2, 'verifyError'));
  show('inspect group', () => util.inspect(crypto.getDiffieHellman('modp1')));
  show('inspect dh', () => util.inspect(crypto.createDiffieHellman('abcdef', 'hex')));

  // Fixed keys: public keys, secrets and every output encoding.
  const alice = crypto.createDiffieHellman(modp2.getPrime(), modp2.getGenerator());
  alice.setPrivateKey('a1'.repeat(20), 'hex');
  show('alice generates public', () => alice.generateKeys());
  show('alice public hex', () => alice.getPublicKey('hex'));
  show('alice private base64', () => alice.getPrivateKey('base64'));
  show('prime latin1 length', () => alice.getPrime('latin1').length);
  show('generator', () => alice.getGenerator());
  for (const encoding of ['hex', 'base64', 'base64url', 'latin1', 'buffer', undefined]) {
    show(`secret ${encoding}`, () => alice.computeSecret(bob.getPublicKey(encoding === 'buffer' ? undefined : 'hex'),
      encoding === 'buffer' ? undefined : 'hex', encoding));
  }
  // A secret with leading zeros keeps the prime's size.
  show('padded secret', () => {
    const peer = crypto.createDiffieHellman(modp2.getPrime());
    for (let i = 1; i < 5000; i++) {
      peer.setPrivateKey(Buffer.from([i >> 8, i & 255]));
      const secret = alice.computeSecret(peer.generateKeys());
      if (secret[0] === 0) return [i, secret.length, secret.toString('hex').slice(0, 16)];
    }
    return 'none';
  });
  show('generateKeys keeps a set private key', () => {
    const dh = crypto.createDiffieHellman(modp2.getPrime());
    dh.setPrivateKey(Buffer.from('01020304', 'hex'));
    const first = dh.generateKeys('hex');
    return [first === dh.generateKeys('hex'), dh.getPrivateKey('hex')];
  });
  show('setters return this', () => [alice.setPublicKey(alice.getPublicKey()) === alice,
    alice.setPrivateKey(alice.getPrivateKey()) === alice]);
  show('views and ArrayBuffers', () => {
    const pub = bob.getPublicKey();
    const ab = pub.buffer.slice(pub.byteOffset, pub.byteOffset + pub.length);
    return [alice.computeSecret(new Uint8Array(ab)).equals(alice.computeSecret(pub)),
      alice.computeSecret(new DataView(ab)).equals(alice.computeSecret(ab))];
  });

  // Primes and generators in every form.
  show('hex prime', () => crypto.createDiffieHellman('abcdef', 'hex').verifyError);
  show('utf8 prime', () => crypto.createDiffieHellman('abcdef').verifyError);
  show('prime 02', () => crypto.createDiffieHellman('02', 'hex').verifyError);
  show('oakley 2', () => crypto.createDiffieHellman('FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74' +
    '020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B' +
    '0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE65381FFFFFFFFFFFFFFFF', 'hex').verifyError);
  show('generator 5', () => crypto.createDiffieHellman(modp2.getPrime(), 5).verifyError);
  show('generator string', () => crypto.createDiffieHellman(modp2.getPrime(), '\x02').getGenerator('hex'));
  show('generator hex', () => crypto.createDiffieHellman(modp2.getPrime('hex'), 'hex', '05', 'hex').getGenerator('hex'));
  show('generator 0 is 2', () => crypto.createDiffieHellman('abcdef', 0).getGenerator('hex'));
  show('generator as second', () => crypto.createDiffieHellman('abcdef', 'hex', 0).getGenerator('hex'));
  show('generator big', () => crypto.createDiffieHellman(modp2.getPrime(), Buffer.alloc(200, 255)).verifyError);
  show('generated 512', () => {
    const dh = crypto.createDiffieHellman(512);
    return [dh.getPrime().length, dh.getGenerator('hex'), dh.verifyError, dh.generateKeys().length > 0];
  });
  show('generated 512 g 5', () => crypto.createDiffieHellman(512, 5).getGenerator('hex'));

  // Node's errors.
  show('fraction', () => crypto.createDiffieHellman(13.37));
  show('fraction generator', () => crypto.createDiffieHellman('abcdef', 13.37));
  for (const bits of [-1, 0, 1, 2, 64, 20000]) show(`bits ${bits}`, () => crypto.createDiffieHellman(bits));
  show('bits 512 g 1', () => crypto.createDiffieHellman(512, 1));
  show('bits and string generator', () => crypto.createDiffieHellman(64, 'x'));
  show('bits and buffer generator', () => crypto.createDiffieHellman(64, Buffer.from([5])));
  for (const g of [-1, 1]) show(`generator ${g}`, () => crypto.createDiffieHellman('abcdef', g));
  for (const g of [[], [0], [1]]) show(`generator [${g}]`, () => crypto.createDiffieHellman('abcdef', 'hex', Buffer.from(g)));
  show('empty prime', () => crypto.createDiffieHellman(''));
  show('tiny prime keys', () => crypto.createDiffieHellman('abcdef', 'hex').generateKeys());
  for (const input of [[1, 2], () => {}, /abc/, {}, null, undefined, 1n]) {
    show(`prime ${util.inspect(input)}`, () => crypto.createDiffieHellman(input));
  }
  show('boolean generator', () => crypto.createDiffieHellman('', true));
  for (const g of [true, Symbol('s'), {}, () => {}, []]) {
    show(`generator ${typeof g}`, () => crypto.createDiffieHellman('', 'base64', g));
  }
  show('unknown group', () => crypto.getDiffieHellman('unknown-group'));
  show('group number', () => crypto.getDiffieHellman(5));
  show('group missing', () => crypto.createDiffieHellmanGroup());
  const fresh = crypto.createDiffieHellman(modp2.getPrime());
  show('no public key', () => fresh.getPublicKey());
  show('no private key', () => fresh.getPrivateKey());
  show('secret without keys', () => fresh.computeSecret(Buffer.from([5])));
  show('secret of a number', () => alice.computeSecret(5));
  show('public key object', () => alice.setPublicKey({}));
  show('private key number', () => alice.setPrivateKey(1));
  show('unknown encoding', () => alice.computeSecret('00', 'nope'));
  show('secret empty', () => alice.computeSecret(''));
  show('secret 1', () => alice.computeSecret(Buffer.from([1])));
  show('secret p', () => alice.computeSecret(modp2.getPrime()));
  show('secret p - 1', () => {
    const p = Buffer.from(modp2.getPrime());
    p[p.length - 1]--;
    return alice.computeSecret(p);
  });
  show('secret 2', () => alice.computeSecret(Buffer.from([2])));
  show('secret huge', () => alice.computeSecret(Buffer.alloc(4096, 0x7f)));
  show('state intact', () => alice.getPublicKey('hex').slice(0, 16));
}
