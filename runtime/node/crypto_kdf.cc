// Key derivation (PBKDF2, scrypt, HKDF) on OpenSSL for runtime/js/crypto_kdf.js,
// which validates the arguments as Node does. Each runs inline (sync form) or
// on libuv's thread pool with `done`:
//   cryptoPbkdf2(password, salt, iterations, keylen, digest, done?) -> ArrayBuffer
//   cryptoScrypt(password, salt, N, r, p, maxmem, keylen, done?) -> ArrayBuffer
//   cryptoScryptCheck(N, r, p, maxmem) -> '' or Node's "Invalid scrypt params..." message
//   cryptoHkdf(digest, ikm, salt, info, keylen, done?) -> ArrayBuffer
// Password, salt, key and info are strings (UTF-8) or buffers.
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>

#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "runtime/native_util.h"
#include "runtime/node/crypto_bytes.h"
#include "runtime/node/crypto_internal.h"
#include "v8-primitive.h"

namespace toysnap::node {
namespace {

using Info = v8::FunctionCallbackInfo<v8::Value>;

const unsigned char* Data(const std::string& bytes) {
  return reinterpret_cast<const unsigned char*>(bytes.data());
}

std::string Arg(const Info& info, int index) {
  std::string bytes;
  ReadBytes(info.GetIsolate(), info[index], Encoding::kUtf8, &bytes);
  return bytes;
}
double Number(const Info& info, int index) {
  return info[index]->IsNumber() ? info[index].As<v8::Number>()->Value() : 0;
}
const EVP_MD* DigestArg(const Info& info, int index) {
  v8::String::Utf8Value name(info.GetIsolate(), info[index]);
  return LookupDigest(*name != nullptr ? std::string(*name, name.length()) : "");
}

class KdfJob : public CryptoJob {
 protected:
  explicit KdfJob(size_t keylen) {
    output.resize(keylen);
    use_output = true;
  }
  void Failed(const char* what) {
    ERR_clear_error();
    error_message = what;
    error_code = "ERR_CRYPTO_OPERATION_FAILED";
  }
};

class Pbkdf2Job final : public KdfJob {
 public:
  Pbkdf2Job(std::string password, std::string salt, int iterations, size_t keylen, const EVP_MD* md)
      : KdfJob(keylen), password_(std::move(password)), salt_(std::move(salt)),
        iterations_(iterations), md_(md) {}
  void Work() override {
    if (PKCS5_PBKDF2_HMAC(password_.data(), static_cast<int>(password_.size()), Data(salt_),
                          static_cast<int>(salt_.size()), iterations_, md_,
                          static_cast<int>(output.size()), output.data()) != 1) {
      Failed("PBKDF2 failed");
    }
  }

 private:
  std::string password_, salt_;
  int iterations_;
  const EVP_MD* md_;
};

class ScryptJob final : public KdfJob {
 public:
  ScryptJob(std::string password, std::string salt, uint64_t n, uint64_t r, uint64_t p,
            uint64_t maxmem, size_t keylen)
      : KdfJob(keylen), password_(std::move(password)), salt_(std::move(salt)), n_(n), r_(r), p_(p),
        maxmem_(maxmem) {}
  void Work() override {
    if (EVP_PBE_scrypt(password_.data(), password_.size(), Data(salt_), salt_.size(), n_, r_, p_,
                       maxmem_, output.data(), output.size()) != 1) {
      Failed("Scrypt failed");
    }
  }

 private:
  std::string password_, salt_;
  uint64_t n_, r_, p_, maxmem_;
};

class HkdfJob final : public KdfJob {
 public:
  HkdfJob(const EVP_MD* md, std::string key, std::string salt, std::string info, size_t keylen)
      : KdfJob(keylen), md_(md), key_(std::move(key)), salt_(std::move(salt)),
        info_(std::move(info)) {}
  void Work() override {
    if (output.empty()) return;
    EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_id(EVP_PKEY_HKDF, nullptr);
    size_t length = output.size();
    // OpenSSL refuses an empty key; HKDF-Extract of an empty key is defined,
    // so an empty one is passed as a one-byte buffer of length 0.
    static const unsigned char kEmpty = 0;
    bool ok = ctx != nullptr && EVP_PKEY_derive_init(ctx) == 1 &&
              EVP_PKEY_CTX_set_hkdf_md(ctx, md_) == 1 &&
              EVP_PKEY_CTX_set1_hkdf_key(ctx, key_.empty() ? &kEmpty : Data(key_),
                                         static_cast<int>(key_.size())) == 1 &&
              (salt_.empty() || EVP_PKEY_CTX_set1_hkdf_salt(ctx, Data(salt_),
                                                            static_cast<int>(salt_.size())) == 1) &&
              (info_.empty() || EVP_PKEY_CTX_add1_hkdf_info(ctx, Data(info_),
                                                            static_cast<int>(info_.size())) == 1) &&
              EVP_PKEY_derive(ctx, output.data(), &length) == 1;
    EVP_PKEY_CTX_free(ctx);
    if (!ok) Failed("HKDF failed");
  }

 private:
  const EVP_MD* md_;
  std::string key_, salt_, info_;
};

void Pbkdf2(const Info& info) {
  const EVP_MD* md = DigestArg(info, 4);
  if (md == nullptr) {
    return ThrowError(info.GetIsolate(), ErrorKind::kTypeError, "Invalid digest", "ERR_CRYPTO_INVALID_DIGEST");
  }
  RunCryptoJob(info, std::make_unique<Pbkdf2Job>(Arg(info, 0), Arg(info, 1),
                                                 static_cast<int>(Number(info, 2)),
                                                 static_cast<size_t>(Number(info, 3)), md),
               info[5]);
}

std::string ScryptParamsError(uint64_t n, uint64_t r, uint64_t p, uint64_t maxmem) {
  ERR_clear_error();
  if (EVP_PBE_scrypt(nullptr, 0, nullptr, 0, n, r, p, maxmem, nullptr, 0) == 1) return "";
  unsigned long code = ERR_get_error();  // NOLINT(runtime/int): OpenSSL's type
  ERR_clear_error();
  if (code == 0) return "Invalid scrypt params";
  char text[256];
  ERR_error_string_n(code, text, sizeof(text));
  return absl::StrCat("Invalid scrypt params: ", text);
}

void ScryptCheck(const Info& info) {
  std::string error = ScryptParamsError(
      static_cast<uint64_t>(Number(info, 0)), static_cast<uint64_t>(Number(info, 1)),
      static_cast<uint64_t>(Number(info, 2)), static_cast<uint64_t>(Number(info, 3)));
  info.GetReturnValue().Set(v8::String::NewFromUtf8(info.GetIsolate(), error.c_str())
                                .FromMaybe(v8::String::Empty(info.GetIsolate())));
}

void Scrypt(const Info& info) {
  RunCryptoJob(info, std::make_unique<ScryptJob>(
                         Arg(info, 0), Arg(info, 1), static_cast<uint64_t>(Number(info, 2)),
                         static_cast<uint64_t>(Number(info, 3)), static_cast<uint64_t>(Number(info, 4)),
                         static_cast<uint64_t>(Number(info, 5)), static_cast<size_t>(Number(info, 6))),
               info[7]);
}

void Hkdf(const Info& info) {
  const EVP_MD* md = DigestArg(info, 0);
  if (md == nullptr) {
    return ThrowError(info.GetIsolate(), ErrorKind::kTypeError, "Invalid digest", "ERR_CRYPTO_INVALID_DIGEST");
  }
  RunCryptoJob(info, std::make_unique<HkdfJob>(md, Arg(info, 1), Arg(info, 2), Arg(info, 3),
                                               static_cast<size_t>(Number(info, 4))),
               info[5]);
}

constexpr NativeFunction kFunctions[] = {
    {"cryptoPbkdf2", Pbkdf2, 6},
    {"cryptoScrypt", Scrypt, 8},
    {"cryptoScryptCheck", ScryptCheck, 4},
    {"cryptoHkdf", Hkdf, 6},
};

}  // namespace

absl::Span<const NativeFunction> CryptoKdfFunctions() { return kFunctions; }

}  // namespace toysnap::node
