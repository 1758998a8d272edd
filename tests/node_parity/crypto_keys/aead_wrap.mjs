// CCM and OCB ciphers and AES/3DES key wrapping against Node: fixed keys and
// IVs give fixed outputs; tag and IV lengths, CCM's plaintextLength and
// message limits, a tampered tag, and Node's errors. A decipher made at build
// time and finished there is used after the restore only for its state error.
import crypto from 'node:crypto';

const key16 = Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex');
const key24 = Buffer.alloc(24, 7);
const key32 = Buffer.alloc(32, 9);
const plain = Buffer.from('The quick brown fox jumps over the lazy dog');
const aad = Buffer.from('header bytes');

function show(label, fn) {
  try {
    const result = fn();
    console.log(label, Buffer.isBuffer(result) ? result.toString('hex') : JSON.stringify(result));
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, JSON.stringify(e.message), e.library ?? '', e.reason ?? '');
  }
}

function seal(algorithm, key, iv, tagLength, data, withAad = true) {
  const cipher = crypto.createCipheriv(algorithm, key, iv, { authTagLength: tagLength });
  if (withAad) cipher.setAAD(aad, { plaintextLength: data.length });
  const out = Buffer.concat([cipher.update(data), cipher.final()]);
  return { out, tag: cipher.getAuthTag() };
}
function open(algorithm, key, iv, tagLength, sealed, tag, withAad = true) {
  const decipher = crypto.createDecipheriv(algorithm, key, iv, { authTagLength: tagLength });
  decipher.setAuthTag(tag);
  if (withAad) decipher.setAAD(aad, { plaintextLength: sealed.length });
  return Buffer.concat([decipher.update(sealed), decipher.final()]).toString();
}

export function main() {
  const cases = [
    ['aes-128-ccm', key16, Buffer.alloc(12, 1), 16], ['aes-192-ccm', key24, Buffer.alloc(7, 2), 4],
    ['aes-256-ccm', key32, Buffer.alloc(13, 3), 10], ['aes-128-ocb', key16, Buffer.alloc(12, 4), 16],
    ['aes-256-ocb', key32, Buffer.alloc(15, 5), 8], ['aes-192-ocb', key24, Buffer.alloc(1, 6), 12],
  ];
  for (const [algorithm, key, iv, tagLength] of cases) {
    show(`${algorithm} seal`, () => {
      const { out, tag } = seal(algorithm, key, iv, tagLength, plain);
      return [out.toString('hex'), tag.toString('hex'), open(algorithm, key, iv, tagLength, out, tag)];
    });
    show(`${algorithm} no aad`, () => {
      const { out, tag } = seal(algorithm, key, iv, tagLength, plain, false);
      return [out.toString('hex'), tag.toString('hex'), open(algorithm, key, iv, tagLength, out, tag, false)];
    });
    show(`${algorithm} tampered`, () => {
      const { out, tag } = seal(algorithm, key, iv, tagLength, plain);
      tag[0] ^= 1;
      return open(algorithm, key, iv, tagLength, out, tag);
    });
    show(`${algorithm} no tag length`, () => crypto.createCipheriv(algorithm, key, iv));
    show(`${algorithm} odd tag length`, () => crypto.createCipheriv(algorithm, key, iv, { authTagLength: 17 }));
    show(`${algorithm} wrong tag size`, () => {
      const decipher = crypto.createDecipheriv(algorithm, key, iv, { authTagLength: tagLength });
      decipher.setAuthTag(Buffer.alloc(tagLength === 16 ? 8 : 16));
    });
  }
  show('ccm tag 5', () => crypto.createCipheriv('aes-128-ccm', key16, Buffer.alloc(12), { authTagLength: 5 }));
  show('ccm iv 6', () => crypto.createCipheriv('aes-128-ccm', key16, Buffer.alloc(6), { authTagLength: 16 }));
  show('ccm iv 14', () => crypto.createCipheriv('aes-128-ccm', key16, Buffer.alloc(14), { authTagLength: 16 }));
  show('ocb iv 16', () => crypto.createCipheriv('aes-128-ocb', key16, Buffer.alloc(16), { authTagLength: 16 }));
  show('ccm aad without length', () => crypto.createCipheriv('aes-128-ccm', key16, Buffer.alloc(12), { authTagLength: 16 }).setAAD(aad));
  show('ccm plaintextLength type', () => crypto.createCipheriv('aes-128-ccm', key16, Buffer.alloc(12), { authTagLength: 16 }).setAAD(aad, { plaintextLength: -1 }));
  show('ccm too long', () => crypto.createCipheriv('aes-128-ccm', key16, Buffer.alloc(13), { authTagLength: 16 }).update(Buffer.alloc(65536)));
  show('ccm aad too long', () => crypto.createCipheriv('aes-128-ccm', key16, Buffer.alloc(13), { authTagLength: 16 }).setAAD(aad, { plaintextLength: 65536 }));
  show('ccm length 65535', () => crypto.createCipheriv('aes-128-ccm', key16, Buffer.alloc(13), { authTagLength: 16 }).update(Buffer.alloc(65535)).length);
  show('ccm tag before final', () => crypto.createCipheriv('aes-128-ccm', key16, Buffer.alloc(12), { authTagLength: 16 }).getAuthTag());
  show('ocb decipher without tag', () => {
    const decipher = crypto.createDecipheriv('aes-128-ocb', key16, Buffer.alloc(12), { authTagLength: 16 });
    decipher.update(Buffer.alloc(16));
    return decipher.final();
  });
  show('chacha without tag', () => {
    const decipher = crypto.createDecipheriv('chacha20-poly1305', key32, Buffer.alloc(12), { authTagLength: 16 });
    decipher.update(Buffer.alloc(16));
    return decipher.final();
  });
  show('ccm info', () => [crypto.getCipherInfo('aes-128-ccm'), crypto.getCipherInfo('aes-256-ocb')]);

  // Key wrapping (RFC 3394 / 5649) and Triple-DES wrap.
  const wraps = [
    ['id-aes128-wrap', key16, Buffer.from('a6a6a6a6a6a6a6a6', 'hex'), Buffer.alloc(16, 0x11)],
    ['aes192-wrap', key24, Buffer.from('a6a6a6a6a6a6a6a6', 'hex'), Buffer.alloc(24, 0x22)],
    ['aes256-wrap', key32, Buffer.from('0001020304050607', 'hex'), Buffer.alloc(32, 0x33)],
    ['id-aes128-wrap-pad', key16, Buffer.from('a65959a6', 'hex'), Buffer.from('0123456789')],
    ['id-aes256-wrap-pad', key32, Buffer.from('01020304', 'hex'), Buffer.alloc(35, 0x44)],
  ];
  for (const [algorithm, key, iv, data] of wraps) {
    show(`${algorithm} wrap`, () => {
      const wrapped = crypto.createCipheriv(algorithm, key, iv).update(data);
      const unwrapped = crypto.createDecipheriv(algorithm, key, iv).update(wrapped);
      return [wrapped.toString('hex'), unwrapped.equals(data)];
    });
  }
  show('wrap bad length', () => crypto.createCipheriv('id-aes128-wrap', key16, Buffer.alloc(8)).update(Buffer.alloc(13)));
  show('unwrap corrupt', () => crypto.createDecipheriv('id-aes128-wrap', key16, Buffer.alloc(8)).update(Buffer.alloc(24, 1)));
  show('wrap bad iv', () => crypto.createCipheriv('id-aes128-wrap', key16, Buffer.alloc(5)));
  show('des3 wrap', () => {
    const key = Buffer.alloc(24, 0x5a);
    const wrapped = crypto.createCipheriv('des3-wrap', key, Buffer.alloc(0)).update(Buffer.alloc(16, 0x61));
    return [wrapped.length, crypto.createDecipheriv('des3-wrap', key, Buffer.alloc(0)).update(wrapped).toString()];
  });
}
