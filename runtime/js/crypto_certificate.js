// Node's legacy crypto.Certificate: SPKAC (HTML5 <keygen>) challenge, public
// key and signature, as static functions and as methods of instances (the
// old form, which holds no state), on runtime/node/crypto_spkac.cc.
// Loaded by crypto_impl.js.
(function (natives, internals, shared) {
  'use strict';
  const { ArrayBufferIsView } = internals.strictPrimordials();
  const { utils, Buffer, isAnyArrayBuffer } = shared;

  // Node's getArrayBufferOrView for 'spkac'.
  function spkacBytes(spkac, encoding) {
    if (isAnyArrayBuffer(spkac)) return spkac;
    if (typeof spkac === 'string') return Buffer.from(spkac, encoding === 'buffer' ? 'utf8' : encoding);
    if (!ArrayBufferIsView(spkac)) {
      throw utils.invalidArgType('spkac', ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], spkac);
    }
    return spkac;
  }
  const buffer = (result) => (typeof result === 'string' ? result : Buffer.from(result));

  function verifySpkac(spkac, encoding) {
    return natives.cryptoSpkacVerify(spkacBytes(spkac, encoding));
  }
  function exportPublicKey(spkac, encoding) {
    return buffer(natives.cryptoSpkacPublicKey(spkacBytes(spkac, encoding)));
  }
  function exportChallenge(spkac, encoding) {
    return buffer(natives.cryptoSpkacChallenge(spkacBytes(spkac, encoding)));
  }

  // A function, not a class: Node's may be called without `new`.
  function Certificate() {
    if (!(this instanceof Certificate)) return new Certificate();
  }
  Certificate.prototype.verifySpkac = verifySpkac;
  Certificate.prototype.exportPublicKey = exportPublicKey;
  Certificate.prototype.exportChallenge = exportChallenge;
  Certificate.exportChallenge = exportChallenge;
  Certificate.exportPublicKey = exportPublicKey;
  Certificate.verifySpkac = verifySpkac;
  return { Certificate };
})
