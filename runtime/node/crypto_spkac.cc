// SPKAC (Netscape's signed public key and challenge, HTML5 <keygen>) for
// runtime/js/crypto_certificate.js's legacy crypto.Certificate. JS API, each
// on the base64 text's bytes and each giving '' for no bytes, as Node:
//   cryptoSpkacVerify(bytes) -> whether the signature verifies with its key
//   cryptoSpkacPublicKey(bytes) -> the key as SPKI PEM (ArrayBuffer), or ''
//   cryptoSpkacChallenge(bytes) -> the challenge's UTF-8 (ArrayBuffer), or ''
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>
#include <string>

#include "runtime/native_util.h"
#include "runtime/node/crypto_bytes.h"
#include "runtime/node/crypto_dh.h"
#include "v8-primitive.h"

namespace toysnap::node {
namespace {

using Info = v8::FunctionCallbackInfo<v8::Value>;

struct SpkiFree {
  void operator()(NETSCAPE_SPKI* spki) const { NETSCAPE_SPKI_free(spki); }
};
using Spki = std::unique_ptr<NETSCAPE_SPKI, SpkiFree>;
struct PkeyFree {
  void operator()(EVP_PKEY* pkey) const { EVP_PKEY_free(pkey); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;

// Clears what OpenSSL queued, so a failed parse is not seen by later calls.
class ClearErrors {
 public:
  ~ClearErrors() { ERR_clear_error(); }
};

// The SPKAC in info[0], or null. `done` is set when the call is over: ''
// returned for no bytes, or an exception pending for too many.
Spki Decode(const Info& info, bool* done) {
  absl::Span<const uint8_t> bytes;
  *done = true;
  if (!DhBytesArg(info.GetIsolate(), info[0], "spkac is too large", &bytes)) return nullptr;
  if (bytes.empty()) {
    info.GetReturnValue().SetEmptyString();
    return nullptr;
  }
  *done = false;
  return Spki(NETSCAPE_SPKI_b64_decode(reinterpret_cast<const char*>(bytes.data()), static_cast<int>(bytes.size())));
}

void ReturnBytes(const Info& info, const void* data, size_t length) {
  info.GetReturnValue().Set(
      NewArrayBufferCopy(info.GetIsolate(), absl::MakeConstSpan(static_cast<const uint8_t*>(data), length)));
}

void Verify(const Info& info) {
  ClearErrors clear;
  bool done = false;
  Spki spki = Decode(info, &done);
  if (done) return;
  Pkey pkey(spki != nullptr ? NETSCAPE_SPKI_get_pubkey(spki.get()) : nullptr);
  info.GetReturnValue().Set(pkey != nullptr && NETSCAPE_SPKI_verify(spki.get(), pkey.get()) > 0);
}

void PublicKey(const Info& info) {
  ClearErrors clear;
  bool done = false;
  Spki spki = Decode(info, &done);
  if (done) return;
  Pkey pkey(spki != nullptr ? NETSCAPE_SPKI_get_pubkey(spki.get()) : nullptr);
  BIO* bio = pkey != nullptr ? BIO_new(BIO_s_mem()) : nullptr;
  BUF_MEM* memory = nullptr;
  if (bio != nullptr && PEM_write_bio_PUBKEY(bio, pkey.get()) == 1) BIO_get_mem_ptr(bio, &memory);
  if (memory != nullptr) {
    ReturnBytes(info, memory->data, memory->length);
  } else {
    info.GetReturnValue().SetEmptyString();
  }
  BIO_free(bio);
}

void Challenge(const Info& info) {
  ClearErrors clear;
  bool done = false;
  Spki spki = Decode(info, &done);
  if (done) return;
  unsigned char* text = nullptr;
  int length = spki != nullptr ? ASN1_STRING_to_UTF8(&text, spki->spkac->challenge) : -1;
  if (length >= 0) {
    ReturnBytes(info, text, static_cast<size_t>(length));
  } else {
    info.GetReturnValue().SetEmptyString();
  }
  OPENSSL_free(text);
}

constexpr NativeFunction kFunctions[] = {
    {"cryptoSpkacVerify", Verify, 1},
    {"cryptoSpkacPublicKey", PublicKey, 1},
    {"cryptoSpkacChallenge", Challenge, 1},
};

}  // namespace

absl::Span<const NativeFunction> CryptoSpkacFunctions() { return kFunctions; }

}  // namespace toysnap::node
