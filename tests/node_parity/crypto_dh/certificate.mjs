// The legacy crypto.Certificate against Node: an SPKAC's challenge, public
// key and signature check, as static functions and instance methods, from
// strings, Buffers, ArrayBuffers and views; damaged and empty input; and
// Node's errors for bad arguments. An instance made at build time works
// after the restore.
import crypto from 'node:crypto';
import util from 'node:util';

// Made with `openssl spkac` from a fresh RSA key: one with a challenge, one without.
const spkac = 'MIIBSzCBtTCBnzANBgkqhkiG9w0BAQEFAAOBjQAwgYkCgYEAz19cmhmC/Q1yIjA2MgQE/QkMXoj1HddpVzDQlHeVzpC4nRo2XZll9I0FZXspcwTPtW6Bfl48GwK30MAmQUqEbJoENSz6HVN/mYRGPtBoJl8z+slHrUavgpZt8JZRfIiUJ+Awp5HX818AEVelGqoTkW1YB5Kao2lhAbNWsEv8G1ECAwEAARYRdG95c25hcC1jaGFsbGVuZ2UwDQYJKoZIhvcNAQELBQADgYEAfQkYKh6ll2SAdXcH94fqSxSxQr038wGNL27EoolXYP5FCloc0MXzOO3il+9jbmU6XOAuKQv7r3YUwmTsNPBw66dSV4bV6yvoP+wbvambmhDgrncSKh8YbVoc0ry/IWAuaq9l9J53KI1G6rlk6Y/B7NPW+ueZa9ArwJvH4S2m6sw=';
const spkacNoChallenge = 'MIIBOjCBpDCBnzANBgkqhkiG9w0BAQEFAAOBjQAwgYkCgYEAz19cmhmC/Q1yIjA2MgQE/QkMXoj1HddpVzDQlHeVzpC4nRo2XZll9I0FZXspcwTPtW6Bfl48GwK30MAmQUqEbJoENSz6HVN/mYRGPtBoJl8z+slHrUavgpZt8JZRfIiUJ+Awp5HX818AEVelGqoTkW1YB5Kao2lhAbNWsEv8G1ECAwEAARYAMA0GCSqGSIb3DQEBBAUAA4GBAF55d00RbnLxygU7oEmviOzazNEvUU6wAZ45Xe2H8shB693ZyEAEeQrREWoOnjhNjsg5fXvnJMli3qh1A/ZkLYHgeail+6QtQJGLAPwqH8+pNBcJvmU2vlODePfCUkLcDdNvK6042pZ6KaVsrUu18PIBk7PBpPnyc7KZVgDHAuqj';
const built = new crypto.Certificate();

function describe(value) {
  if (Buffer.isBuffer(value)) return `<Buffer ${value.length} ${JSON.stringify(value.toString('latin1'))}>`;
  return typeof value === 'string' ? JSON.stringify(value) : util.inspect(value);
}
function show(label, fn) {
  try {
    console.log(label, describe(fn()));
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, JSON.stringify(e.message), String(e), Object.keys(e).join(','));
  }
}

export function main() {
  const { Certificate } = crypto;
  const bytes = Buffer.from(spkac);
  const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
  const damaged = spkac.slice(0, 100) + (spkac[100] === 'A' ? 'B' : 'A') + spkac.slice(101);
  for (const [name, certificate] of [['static', Certificate], ['instance', new Certificate()], ['built', built]]) {
    show(`${name} verify`, () => certificate.verifySpkac(bytes));
    show(`${name} verify string`, () => certificate.verifySpkac(spkac));
    show(`${name} verify views`, () => [certificate.verifySpkac(ab), certificate.verifySpkac(new Uint8Array(ab)),
      certificate.verifySpkac(new DataView(ab))]);
    show(`${name} challenge`, () => certificate.exportChallenge(spkac));
    show(`${name} public key`, () => certificate.exportPublicKey(bytes));
    show(`${name} damaged`, () => [certificate.verifySpkac(damaged), certificate.exportChallenge(damaged).toString()]);
  }
  show('no challenge', () => [Certificate.verifySpkac(spkacNoChallenge), Certificate.exportChallenge(spkacNoChallenge)]);
  show('garbage', () => [Certificate.verifySpkac('garbage'), Certificate.exportPublicKey('garbage'),
    Certificate.exportChallenge(Buffer.from('garbage'))]);
  show('empty', () => [Certificate.verifySpkac(''), Certificate.exportPublicKey(Buffer.alloc(0)),
    Certificate.exportChallenge('')]);
  show('hex encoding', () => Certificate.exportChallenge(bytes.toString('hex'), 'hex'));
  show('key matches', () => crypto.createPublicKey(Certificate.exportPublicKey(spkac)).asymmetricKeyDetails);
  show('shape', () => [Object.getOwnPropertyNames(Certificate), Object.getOwnPropertyNames(Certificate.prototype),
    Certificate.length, Certificate.name, Certificate() instanceof Certificate]);
  for (const value of [1, {}, [], Infinity, true, undefined, null]) {
    show(`verify ${util.inspect(value)}`, () => Certificate.verifySpkac(value));
    show(`public key ${util.inspect(value)}`, () => Certificate.exportPublicKey(value));
    show(`challenge ${util.inspect(value)}`, () => new Certificate().exportChallenge(value));
  }
}
