// createCipheriv/createDecipheriv and getCipherInfo against Node: AES in
// CBC, CTR, GCM (auth tags, AAD, tag lengths), ECB, CFB, OFB and
// ChaCha20-Poly1305, padding on and off, string encodings in and out,
// streams, and every error for bad keys, IVs, tags and states. A message
// encrypted at build time is decrypted after the restore.
import crypto from 'node:crypto';
import { pipeline, Readable, Writable } from 'node:stream';

const key32 = Buffer.alloc(32, 7);
const iv16 = Buffer.alloc(16, 9);
const iv12 = Buffer.alloc(12, 5);
const builtCipher = crypto.createCipheriv('aes-256-cbc', key32, iv16);
const builtText = builtCipher.update('encrypted at build time', 'utf8', 'hex') + builtCipher.final('hex');

function show(label, fn) {
  try {
    const result = fn();
    console.log(label, Buffer.isBuffer(result) ? `<Buffer ${result.toString('hex')}>` : JSON.stringify(result));
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, JSON.stringify(e.message), e.library, e.reason);
  }
}
function roundTrip(algorithm, key, iv, text, options) {
  const cipher = crypto.createCipheriv(algorithm, key, iv, options);
  const encrypted = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  const tag = /gcm|poly1305/.test(algorithm) ? cipher.getAuthTag() : null;
  const decipher = crypto.createDecipheriv(algorithm, key, iv, options);
  if (tag) decipher.setAuthTag(tag);
  const decrypted = decipher.update(encrypted, undefined, 'utf8') + decipher.final('utf8');
  return [encrypted.toString('hex'), tag?.toString('hex'), decrypted === text];
}

export async function main() {
  show('built', () => {
    const decipher = crypto.createDecipheriv('aes-256-cbc', key32, iv16);
    return [builtText, decipher.update(builtText, 'hex', 'utf8') + decipher.final('utf8')];
  });
  // First: Node reports any OpenSSL error an earlier call left queued here.
  show('update after final', () => { const c = crypto.createCipheriv('aes-256-cbc', key32, iv16); c.final(); c.update('a'); });
  const text = 'The quick brown fox jumps over the lazy dog, h\u00e9 \u20ac';
  for (const [algorithm, keyLength, ivLength] of [['aes-128-cbc', 16, 16], ['aes-192-cbc', 24, 16],
    ['aes-256-cbc', 32, 16], ['aes-128-ctr', 16, 16], ['aes-256-ctr', 32, 16], ['aes-128-gcm', 16, 12],
    ['aes-256-gcm', 32, 12], ['aes-256-gcm', 32, 16], ['aes-128-ecb', 16, 0], ['aes-256-cfb', 32, 16],
    ['aes-256-ofb', 32, 16], ['chacha20-poly1305', 32, 12], ['chacha20', 32, 16], ['AES-256-CBC', 32, 16],
    ['id-aes256-GCM', 32, 12]]) {
    show(algorithm, () => roundTrip(algorithm, key32.subarray(0, keyLength), ivLength ? iv16.subarray(0, ivLength) : null, text));
  }
  show('gcm tag 8', () => roundTrip('aes-128-gcm', key32.subarray(0, 16), iv12, text, { authTagLength: 8 }));
  show('gcm aad', () => {
    const cipher = crypto.createCipheriv('aes-256-gcm', key32, iv12);
    cipher.setAAD(Buffer.from('header'));
    const encrypted = Buffer.concat([cipher.update('secret'), cipher.final()]);
    const tag = cipher.getAuthTag();
    const decipher = crypto.createDecipheriv('aes-256-gcm', key32, iv12);
    decipher.setAAD(Buffer.from('header')).setAuthTag(tag);
    const good = Buffer.concat([decipher.update(encrypted), decipher.final()]).toString();
    const bad = crypto.createDecipheriv('aes-256-gcm', key32, iv12);
    bad.setAAD(Buffer.from('other')).setAuthTag(tag);
    bad.update(encrypted);
    let failure;
    try { bad.final(); } catch (e) { failure = e.message; }
    return [encrypted.toString('hex'), tag.toString('hex'), good, failure];
  });
  show('no padding', () => {
    const cipher = crypto.createCipheriv('aes-128-cbc', key32.subarray(0, 16), iv16).setAutoPadding(false);
    const encrypted = Buffer.concat([cipher.update(Buffer.alloc(32, 1)), cipher.final()]);
    const decipher = crypto.createDecipheriv('aes-128-cbc', key32.subarray(0, 16), iv16);
    decipher.setAutoPadding(false);
    return [encrypted.length, Buffer.concat([decipher.update(encrypted), decipher.final()]).toString('hex')];
  });
  show('encodings', () => {
    const cipher = crypto.createCipheriv('aes-256-ctr', key32, iv16);
    const parts = [cipher.update('abcd', 'utf8', 'base64'), cipher.update('6566', 'hex', 'base64'),
      cipher.update('Z2g=', 'base64', 'base64'), cipher.final('base64')];
    const latin = crypto.createCipheriv('aes-256-ctr', key32, iv16);
    return [parts, latin.update('\u00ff\u00fe', 'latin1', 'latin1'), latin.update('x', 'utf8', 'ucs2'), latin.final('buffer')];
  });
  show('empty', () => [crypto.createCipheriv('aes-256-cbc', key32, iv16).update(''),
    crypto.createCipheriv('aes-256-cbc', key32, iv16).final('hex')]);
  show('string key and iv', () => crypto.createCipheriv('aes-128-cbc', 'k'.repeat(16), 'i'.repeat(16)).final('hex'));
  show('key encoding', () => crypto.createCipheriv('aes-128-cbc', '00'.repeat(16), iv16, { encoding: 'hex' }).final('hex'));
  show('shape', () => [Object.keys(crypto.createCipheriv('aes-128-ctr', key32.subarray(0, 16), iv16)),
    typeof crypto.Cipheriv, crypto.createDecipheriv('aes-128-ctr', key32.subarray(0, 16), iv16) instanceof crypto.Decipheriv,
    typeof crypto.createDecipheriv('aes-256-gcm', key32, iv12).getAuthTag,
    typeof crypto.createCipheriv('aes-256-gcm', key32, iv12).setAuthTag]);

  show('bad alg', () => crypto.createCipheriv('nope', key32, iv16));
  show('bad iv len', () => crypto.createCipheriv('aes-256-cbc', key32, Buffer.alloc(5)));
  show('null iv cbc', () => crypto.createCipheriv('aes-256-cbc', key32, null));
  show('iv for ecb', () => crypto.createCipheriv('aes-128-ecb', key32.subarray(0, 16), iv16));
  show('key type', () => crypto.createCipheriv('aes-256-cbc', 5, iv16));
  show('iv type', () => crypto.createCipheriv('aes-256-cbc', key32, 5));
  show('alg type', () => crypto.createCipheriv(5, key32, iv16));
  show('gcm iv 0', () => crypto.createCipheriv('aes-256-gcm', key32, Buffer.alloc(0)));
  show('gcm iv 7', () => crypto.createCipheriv('aes-256-gcm', key32, Buffer.alloc(7)).update('x', 'utf8', 'hex'));
  show('gcm bad tag len', () => crypto.createCipheriv('aes-256-gcm', key32, iv12, { authTagLength: 3 }));
  show('gcm tag len type', () => crypto.createCipheriv('aes-256-gcm', key32, iv12, { authTagLength: '8' }));
  show('ccm no tag len', () => crypto.createCipheriv('aes-128-ccm', Buffer.alloc(16), iv12));
  show('tag before final', () => crypto.createCipheriv('aes-256-gcm', key32, iv12).getAuthTag());
  show('cbc getAuthTag', () => { const c = crypto.createCipheriv('aes-256-cbc', key32, iv16); c.final(); return c.getAuthTag(); });
  show('cbc setAAD', () => crypto.createCipheriv('aes-256-cbc', key32, iv16).setAAD(Buffer.from('a')));
  show('final twice', () => { const c = crypto.createCipheriv('aes-256-cbc', key32, iv16); c.final(); c.final(); });
  show('padding after final', () => { const c = crypto.createCipheriv('aes-256-cbc', key32, iv16); c.final(); c.setAutoPadding(false); });
  show('wrong final block', () => { const c = crypto.createCipheriv('aes-256-cbc', key32, iv16); c.setAutoPadding(false); c.update('abc'); return c.final(); });
  show('bad decrypt', () => { const d = crypto.createDecipheriv('aes-256-cbc', key32, iv16); d.update(Buffer.alloc(16)); return d.final(); });
  show('bad tag', () => { const d = crypto.createDecipheriv('aes-256-gcm', key32, iv12); d.setAuthTag(Buffer.alloc(16)); d.update(Buffer.alloc(4)); return d.final(); });
  show('no tag', () => { const d = crypto.createDecipheriv('aes-256-gcm', key32, iv12); d.update(Buffer.alloc(4)); return d.final(); });
  show('setAuthTag length', () => crypto.createDecipheriv('aes-256-gcm', key32, iv12).setAuthTag(Buffer.alloc(3)));
  show('setAuthTag fixed length', () => crypto.createDecipheriv('aes-256-gcm', key32, iv12, { authTagLength: 8 }).setAuthTag(Buffer.alloc(16)));
  show('setAuthTag twice', () => { const d = crypto.createDecipheriv('aes-256-gcm', key32, iv12); d.setAuthTag(Buffer.alloc(16)); d.setAuthTag(Buffer.alloc(16)); });
  show('setAuthTag cbc', () => crypto.createDecipheriv('aes-256-cbc', key32, iv16).setAuthTag(Buffer.alloc(16)));
  show('update number', () => crypto.createCipheriv('aes-256-cbc', key32, iv16).update(5));
  show('update hex odd', () => crypto.createCipheriv('aes-256-ctr', key32, iv16).update('abc', 'hex'));
  show('output encoding change', () => { const c = crypto.createCipheriv('aes-256-cbc', key32, iv16); c.update('a', 'utf8', 'hex'); c.final('base64'); });
  show('output encoding unknown', () => crypto.createCipheriv('aes-256-cbc', key32, iv16).update('a', 'utf8', 'bogus'));
  await new Promise((resolve) => {
    const chunks = [];
    pipeline(Readable.from([Buffer.from('streamed '), Buffer.from('plaintext')]),
      crypto.createCipheriv('aes-128-cbc', key32.subarray(0, 16), iv16),
      new Writable({ write(chunk, encoding, callback) { chunks.push(chunk); callback(); } }),
      (error) => { console.log('stream', error, Buffer.concat(chunks).toString('hex')); resolve(); });
  });
  await new Promise((resolve) => {
    const decipher = crypto.createDecipheriv('aes-128-cbc', key32.subarray(0, 16), iv16);
    decipher.on('error', (error) => { console.log('stream error', error.code, error.message); resolve(); });
    decipher.on('data', () => {});
    decipher.end(Buffer.alloc(16));
  });
  // Last: Node leaves OpenSSL's error for it queued, and a later failure without
  // an error of its own would report it.
  show('bad key len', () => crypto.createCipheriv('aes-256-cbc', Buffer.alloc(5), iv16));
  show('info', () => [crypto.getCipherInfo('aes-256-gcm'), crypto.getCipherInfo('aes-128-cbc'),
    crypto.getCipherInfo('AES-192-CTR'), crypto.getCipherInfo('nope'), crypto.getCipherInfo('aes-256-gcm', { ivLength: 7 }),
    crypto.getCipherInfo('aes-256-cbc', { ivLength: 7 }), crypto.getCipherInfo('aes-256-cbc', { keyLength: 7 }),
    crypto.getCipherInfo('chacha20-poly1305'), crypto.getCipherInfo('aes-128-ecb'), crypto.getCipherInfo(423),
    crypto.getCipherInfo('aes-128-ccm', { ivLength: 13 }), crypto.getCipherInfo('aes-128-ccm', { ivLength: 14 })]);
  show('info bad', () => crypto.getCipherInfo(null));
  show('info bad options', () => crypto.getCipherInfo('aes-128-cbc', { keyLength: 'x' }));


}
