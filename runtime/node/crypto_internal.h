// What the crypto extension's files share: digest lookup, the CryptoHash
// class, the native functions of each file, and CryptoJob (work on libuv's
// thread pool that completes into JS). Included by runtime/node/crypto*.cc.
#ifndef TOYSNAP_RUNTIME_NODE_CRYPTO_INTERNAL_H_
#define TOYSNAP_RUNTIME_NODE_CRYPTO_INTERNAL_H_

#include <openssl/evp.h>
#include <uv.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/types/span.h"
#include "runtime/extension.h"
#include "runtime/native_classes.h"
#include "v8-function.h"
#include "v8-isolate.h"
#include "v8-local-handle.h"
#include "v8-persistent-handle.h"

namespace toysnap::node {

// A digest by any of OpenSSL's names for it ("sha256", "SHA256",
// "RSA-SHA256", "sha3-256"), as Node looks it up; null if none.
const EVP_MD* LookupDigest(const std::string& name);
inline bool IsXof(const EVP_MD* md) { return (EVP_MD_get_flags(md) & EVP_MD_FLAG_XOF) != 0; }

const NativeClass& CryptoHashClass();
const NativeClass& CryptoCipherClass();

// The functions of crypto_random.cc, crypto_kdf.cc and crypto_cipher.cc.
absl::Span<const NativeFunction> CryptoRandomFunctions();
absl::Span<const NativeFunction> CryptoCipherFunctions();
absl::Span<const NativeFunction> CryptoKdfFunctions();

// One operation whose work (Work(), which must not touch V8) runs on libuv's
// thread pool, or inline for the sync form.
class CryptoJob {
 public:
  virtual ~CryptoJob() = default;
  virtual void Work() = 0;
  // On the loop's thread, after Work(): the value passed on (undefined by
  // default: `output` as an ArrayBuffer when it was used).
  virtual v8::Local<v8::Value> Result(v8::Isolate* isolate);

 protected:
  std::vector<uint8_t> output;
  bool use_output = false;
  // A failure: thrown (sync) or passed on as an Error with this message and
  // code (empty: none).
  std::string error_message;
  std::string error_code;
  // OpenSSL's library and reason, the Error's `library` and `reason` (empty: none).
  std::string error_library, error_reason;

 private:
  friend void RunCryptoJob(const v8::FunctionCallbackInfo<v8::Value>& info,
                           std::unique_ptr<CryptoJob> job, v8::Local<v8::Value> done);
  v8::Local<v8::Value> Error(v8::Isolate* isolate) const;
  static void Complete(CryptoJob* job);
  v8::Isolate* isolate_ = nullptr;
  v8::Global<v8::Function> done_;
  uv_work_t* request_ = nullptr;  // owned while queued
};

// `done` undefined: runs `job` now and returns its result or throws. A
// function: queues it and calls done(error) or done(null, result) later.
void RunCryptoJob(const v8::FunctionCallbackInfo<v8::Value>& info, std::unique_ptr<CryptoJob> job,
                  v8::Local<v8::Value> done);

}  // namespace toysnap::node

#endif  // TOYSNAP_RUNTIME_NODE_CRYPTO_INTERNAL_H_
