// Signatures for runtime/js/crypto_sign.js: one-shot sign/verify (Ed25519
// with no digest, ECDSA and RSA with one) inline or on libuv's thread pool,
// and signing a digest already computed (createSign/createVerify). ECDSA
// signatures are DER, or r || s with `p1363` (dsaEncoding 'ieee-p1363').
//   cryptoSign(key, digest?, data, p1363, padding?, saltLength?, done?) -> ArrayBuffer
//   cryptoVerify(key, digest?, data, signature, p1363, padding?, saltLength?, done?) -> bool
//   cryptoSignDigest(key, digest, hashed, p1363, padding?, saltLength?) -> ArrayBuffer
//   cryptoVerifyDigest(key, digest, hashed, signature, p1363, padding?, saltLength?) -> bool
//   cryptoRsaCipher(operation, key, data, padding, oaepHash?, oaepLabel?) -> ArrayBuffer
// Failures throw OpenSSL's error as Node does (ERR_OSSL_...).
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include <memory>
#include <string>
#include <vector>

#include "runtime/native_util.h"
#include "runtime/node/crypto_bytes.h"
#include "runtime/node/crypto_internal.h"
#include "runtime/node/crypto_keys.h"
#include "v8-primitive.h"

namespace toysnap::node {
namespace {

using Info = v8::FunctionCallbackInfo<v8::Value>;

const unsigned char* Data(const std::string& bytes) {
  return reinterpret_cast<const unsigned char*>(bytes.data());
}

// Bytes of each half of an ECDSA signature: the curve order's size.
int HalfSize(EVP_PKEY* pkey) { return (EVP_PKEY_get_bits(pkey) + 7) / 8; }

std::string DerToP1363(const std::string& der, int half) {
  const unsigned char* p = Data(der);
  ECDSA_SIG* sig = d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(der.size()));  // NOLINT(runtime/int)
  if (sig == nullptr) return "";
  std::string out(static_cast<size_t>(2 * half), '\0');
  auto* bytes = reinterpret_cast<unsigned char*>(out.data());
  bool ok = BN_bn2binpad(ECDSA_SIG_get0_r(sig), bytes, half) == half &&
            BN_bn2binpad(ECDSA_SIG_get0_s(sig), bytes + half, half) == half;
  ECDSA_SIG_free(sig);
  return ok ? out : "";
}

// An r || s signature of the wrong length stays as it is: it fails to verify.
std::string P1363ToDer(const std::string& raw, int half) {
  if (raw.size() != static_cast<size_t>(2 * half)) return raw;
  ECDSA_SIG* sig = ECDSA_SIG_new();
  BIGNUM* r = BN_bin2bn(Data(raw), half, nullptr);
  BIGNUM* s = BN_bin2bn(Data(raw) + half, half, nullptr);
  if (sig == nullptr || r == nullptr || s == nullptr || ECDSA_SIG_set0(sig, r, s) != 1) {
    BN_free(r);
    BN_free(s);
    ECDSA_SIG_free(sig);
    return raw;
  }
  unsigned char* der = nullptr;
  int length = i2d_ECDSA_SIG(sig, &der);
  std::string out = length > 0 ? std::string(reinterpret_cast<char*>(der), static_cast<size_t>(length)) : raw;
  OPENSSL_free(der);
  ECDSA_SIG_free(sig);
  return out;
}

std::string BytesArg(const Info& info, int index) {
  std::string bytes;
  ReadBytes(info.GetIsolate(), info[index], Encoding::kUtf8, &bytes);
  return bytes;
}

const EVP_MD* DigestArg(const Info& info, int index) {
  if (info[index]->IsNullOrUndefined()) return nullptr;
  v8::String::Utf8Value name(info.GetIsolate(), info[index]);
  return LookupDigest(*name != nullptr ? std::string(*name, name.length()) : "");
}

// One signature or verification on a key of its own reference.
class SignJob final : public CryptoJob {
 public:
  // `padding` and `salt_length`: an RSA padding (-1: the key's default) and a
  // PSS salt length (kNoSaltLength: OpenSSL's default for the operation).
  static constexpr int kNoSaltLength = INT32_MIN;
  SignJob(EVP_PKEY* pkey, const EVP_MD* md, std::string data, std::string signature, bool verify,
          bool prehashed, bool p1363, int padding, int salt_length)
      : pkey_(pkey), md_(md), data_(std::move(data)), signature_(std::move(signature)),
        verify_(verify), prehashed_(prehashed), p1363_(p1363), padding_(padding), salt_length_(salt_length) {
    EVP_PKEY_up_ref(pkey_);
    use_output = !verify;
  }
  ~SignJob() override { EVP_PKEY_free(pkey_); }

  void Work() override {
    bool ec = EVP_PKEY_get_id(pkey_) == EVP_PKEY_EC;
    if (verify_ && ec && p1363_) signature_ = P1363ToDer(signature_, HalfSize(pkey_));
    ERR_clear_error();
    // Verification: 1 is a match; any other answer once the key and digest
    // were accepted is a mismatch (an unparsable signature too), as Node's.
    int result = prehashed_ ? OnDigest() : OneShot();
    if (result < 0 || (!verify_ && result != 1)) {
      Failed();
      return;
    }
    if (verify_) {
      verified_ = result == 1;
      ERR_clear_error();
      return;
    }
    std::string signature(output.begin(), output.end());
    if (ec && p1363_) signature = DerToP1363(signature, HalfSize(pkey_));
    output.assign(signature.begin(), signature.end());
  }

  v8::Local<v8::Value> Result(v8::Isolate* isolate) override {
    if (verify_) return v8::Boolean::New(isolate, verified_);
    return CryptoJob::Result(isolate);
  }

 private:
  // 1, 0 (a signature that does not match) or -1 (the key or digest refused).
  int OneShot() {
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    bool ok = ctx != nullptr;
    if (verify_) {
      EVP_PKEY_CTX* pctx = nullptr;
      ok = ok && EVP_DigestVerifyInit(ctx, &pctx, md_, nullptr, pkey_) == 1 && SetPadding(pctx);
      int result = ok ? EVP_DigestVerify(ctx, Data(signature_), signature_.size(), Data(data_), data_.size()) : -1;
      EVP_MD_CTX_free(ctx);
      return result == 1 ? 1 : ok ? 0 : -1;
    } else {
      size_t length = 0;
      EVP_PKEY_CTX* pctx = nullptr;
      ok = ok && EVP_DigestSignInit(ctx, &pctx, md_, nullptr, pkey_) == 1 && SetPadding(pctx) &&
           EVP_DigestSign(ctx, nullptr, &length, Data(data_), data_.size()) == 1;
      if (ok) {
        output.resize(length);
        ok = EVP_DigestSign(ctx, output.data(), &length, Data(data_), data_.size()) == 1;
        output.resize(ok ? length : 0);
      }
    }
    EVP_MD_CTX_free(ctx);
    return ok ? 1 : -1;
  }

  int OnDigest() {
    EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new(pkey_, nullptr);
    bool ok = ctx != nullptr && (verify_ ? EVP_PKEY_verify_init(ctx) : EVP_PKEY_sign_init(ctx)) == 1 &&
              SetPadding(ctx) && EVP_PKEY_CTX_set_signature_md(ctx, md_) == 1;  // Node's order
    if (verify_) {
      int result = ok ? EVP_PKEY_verify(ctx, Data(signature_), signature_.size(), Data(data_), data_.size()) : -1;
      EVP_PKEY_CTX_free(ctx);
      return result == 1 ? 1 : ok ? 0 : -1;
    }
    if (ok) {
      size_t length = 0;
      ok = EVP_PKEY_sign(ctx, nullptr, &length, Data(data_), data_.size()) == 1;
      if (ok) {
        output.resize(length);
        ok = EVP_PKEY_sign(ctx, output.data(), &length, Data(data_), data_.size()) == 1;
        output.resize(ok ? length : 0);
      }
    }
    EVP_PKEY_CTX_free(ctx);
    return ok ? 1 : -1;
  }

  void Failed() {
    unsigned long code = ERR_get_error();  // NOLINT(runtime/int): OpenSSL's type
    ERR_clear_error();
    char text[256] = "Signing failed";
    if (code != 0) ERR_error_string_n(code, text, sizeof(text));
    error_message = text;
    error_code = code != 0 ? OpenSslErrorCode(code) : "";
    const char* library = code != 0 ? ERR_lib_error_string(code) : nullptr;
    const char* reason = code != 0 ? ERR_reason_error_string(code) : nullptr;
    error_library = library != nullptr ? library : "";
    error_reason = reason != nullptr ? reason : "";
    if (error_code.empty()) error_code = "ERR_CRYPTO_OPERATION_FAILED";
  }

  EVP_PKEY* pkey_;  // one reference, owned
  const EVP_MD* md_;
  std::string data_, signature_;
  // Node's: PSS signs with the largest salt and verifies any, unless told.
  bool SetPadding(EVP_PKEY_CTX* ctx) const {
    // An RSA-PSS key signs with PSS unless told (Node's GetDefaultSignPadding).
    int padding = padding_ >= 0 || EVP_PKEY_get_id(pkey_) != EVP_PKEY_RSA_PSS ? padding_ : RSA_PKCS1_PSS_PADDING;
    if (padding < 0) return true;
    if (EVP_PKEY_CTX_set_rsa_padding(ctx, padding) != 1) return false;
    if (padding != RSA_PKCS1_PSS_PADDING) return true;
    // Untold, an RSA-PSS key's own restrictions give OpenSSL the salt length.
    if (salt_length_ == kNoSaltLength && EVP_PKEY_get_id(pkey_) == EVP_PKEY_RSA_PSS) return true;
    int salt = salt_length_ != kNoSaltLength ? salt_length_ : verify_ ? RSA_PSS_SALTLEN_AUTO : RSA_PSS_SALTLEN_MAX_SIGN;
    return EVP_PKEY_CTX_set_rsa_pss_saltlen(ctx, salt) == 1;
  }

  bool verify_, prehashed_, p1363_;
  int padding_, salt_length_;
  bool verified_ = false;
};

void Run(const Info& info, bool verify, bool prehashed) {
  v8::Isolate* isolate = info.GetIsolate();
  bool is_private = false;
  EVP_PKEY* pkey = KeyOf(info[0], &is_private);
  if (pkey == nullptr) return ThrowError(isolate, ErrorKind::kTypeError, "no asymmetric key", "ERR_INVALID_ARG_TYPE");
  const EVP_MD* md = DigestArg(info, 1);
  if (md == nullptr && !info[1]->IsNullOrUndefined()) {
    v8::String::Utf8Value name(isolate, info[1]);
    return ThrowError(isolate, ErrorKind::kTypeError,
                      std::string("Invalid digest: ") + (*name != nullptr ? *name : ""), "ERR_CRYPTO_INVALID_DIGEST");
  }
  int next = verify ? 4 : 3;
  int padding = info[next + 1]->IsInt32() ? info[next + 1].As<v8::Int32>()->Value() : -1;
  int salt = info[next + 2]->IsInt32() ? info[next + 2].As<v8::Int32>()->Value() : SignJob::kNoSaltLength;
  auto job = std::make_unique<SignJob>(pkey, md, BytesArg(info, 2), verify ? BytesArg(info, 3) : "", verify,
                                       prehashed, info[next]->IsTrue(), padding, salt);
  RunCryptoJob(info, std::move(job), prehashed ? v8::Undefined(isolate).As<v8::Value>() : info[next + 3]);
}

void Sign(const Info& info) { Run(info, false, false); }
void Verify(const Info& info) { Run(info, true, false); }
void SignDigest(const Info& info) { Run(info, false, true); }
void VerifyDigest(const Info& info) { Run(info, true, true); }

// cryptoRsaCipher(operation, key, data, padding, oaepHash?, oaepLabel?):
// 0 publicEncrypt, 1 privateDecrypt, 2 privateEncrypt, 3 publicDecrypt, as
// Node's PublicKeyCipher (OpenSSL's errors thrown as Node throws them).
void RsaCipher(const Info& info) {
  v8::Isolate* isolate = info.GetIsolate();
  int operation = info[0]->IsInt32() ? info[0].As<v8::Int32>()->Value() : -1;
  bool is_private = false;
  EVP_PKEY* pkey = KeyOf(info[1], &is_private);
  if (pkey == nullptr || operation < 0 || operation > 3) {
    return ThrowError(isolate, ErrorKind::kTypeError, "no asymmetric key", "ERR_INVALID_ARG_TYPE");
  }
  std::string data = BytesArg(info, 2);
  int padding = info[3]->IsInt32() ? info[3].As<v8::Int32>()->Value() : RSA_PKCS1_PADDING;
  const EVP_MD* digest = nullptr;
  if (info[4]->IsString()) {
    digest = DigestArg(info, 4);
    if (digest == nullptr) return ThrowError(isolate, ErrorKind::kError, "Invalid digest used", "ERR_OSSL_EVP_INVALID_DIGEST");
  }
  std::string label;
  bool has_label = ReadBytes(isolate, info[5], Encoding::kUtf8, &label);
  ERR_clear_error();
  EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new(pkey, nullptr);
  int init = ctx == nullptr ? 0
             : operation == 0 ? EVP_PKEY_encrypt_init(ctx)
             : operation == 1 ? EVP_PKEY_decrypt_init(ctx)
             : operation == 2 ? EVP_PKEY_sign_init(ctx)
                              : EVP_PKEY_verify_recover_init(ctx);
  bool ok = init == 1 && EVP_PKEY_CTX_set_rsa_padding(ctx, padding) == 1;
  if (ok && padding == RSA_PKCS1_OAEP_PADDING) {
    ok = (digest == nullptr || EVP_PKEY_CTX_set_rsa_oaep_md(ctx, digest) == 1);
    if (ok && has_label && !label.empty()) {
      // OpenSSL takes the label's memory.
      auto* copy = static_cast<unsigned char*>(OPENSSL_memdup(label.data(), label.size()));
      ok = copy != nullptr && EVP_PKEY_CTX_set0_rsa_oaep_label(ctx, copy, static_cast<int>(label.size())) == 1;
      if (!ok) OPENSSL_free(copy);
    }
  }
  auto run = [&](unsigned char* out, size_t* length) {
    switch (operation) {
      case 0: return EVP_PKEY_encrypt(ctx, out, length, Data(data), data.size());
      case 1: return EVP_PKEY_decrypt(ctx, out, length, Data(data), data.size());
      case 2: return EVP_PKEY_sign(ctx, out, length, Data(data), data.size());
      default: return EVP_PKEY_verify_recover(ctx, out, length, Data(data), data.size());
    }
  };
  size_t length = 0;
  std::vector<uint8_t> out;
  ok = ok && run(nullptr, &length) == 1;
  if (ok) {
    out.resize(length);
    ok = run(out.data(), &length) == 1;
    out.resize(ok ? length : 0);
  }
  EVP_PKEY_CTX_free(ctx);
  if (!ok) return ThrowOpenSslError(isolate, "RSA operation failed");
  ERR_clear_error();
  info.GetReturnValue().Set(NewArrayBufferCopy(isolate, out));
}

constexpr NativeFunction kFunctions[] = {
    {"cryptoRsaCipher", RsaCipher, 6},
    {"cryptoSign", Sign, 7},
    {"cryptoVerify", Verify, 8},
    {"cryptoSignDigest", SignDigest, 6},
    {"cryptoVerifyDigest", VerifyDigest, 7},
};

}  // namespace

absl::Span<const NativeFunction> CryptoSignFunctions() { return kFunctions; }

}  // namespace toysnap::node
