// The crypto extension: Node's `crypto` on OpenSSL 3. crypto.js registers the
// builtin at bootstrap; the module itself (crypto_*.js) is compiled on first
// require, with the CryptoHash class (crypto_hash.cc). This file has the
// lookups:
//   cryptoClasses() -> {CryptoHash, CryptoCipher, CryptoKeyHandle, DiffieHellman, ...}
//   cryptoHashes() / cryptoCiphers() -> sorted names, as Node's getHashes/getCiphers
//   cryptoDigestSize(name) -> the digest's size in bytes, or -1 if unknown
//   cryptoOpensslVersion() -> "3.0.19" (process.versions.openssl)
//   cryptoConstants() -> crypto.constants
//   cryptoFips(enable?) -> getFips()/setFips()
#include "runtime/node/crypto.h"

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/dh.h>
#include <openssl/opensslv.h>
#include <openssl/rsa.h>
#include <openssl/ssl.h>

#include <mutex>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "runtime/native_util.h"
#include "runtime/node/crypto_dh.h"
#include "runtime/node/crypto_internal.h"
#include "runtime/node/crypto_keys.h"
#include "v8-container.h"
#include "v8-primitive.h"

namespace toysnap::node {
namespace {

using Info = v8::FunctionCallbackInfo<v8::Value>;

void CryptoClasses(const Info& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Object> classes = v8::Object::New(isolate);
  static const NativeClass* const kClasses[] = {&CryptoHashClass(), &CryptoCipherClass(),
                                               &CryptoKeyHandleClass(),
                                               &CryptoDhClass(), &CryptoDhGroupClass(), &CryptoEcdhClass()};
  absl::Status installed = InstallNativeClasses(context, classes, kClasses);
  if (!installed.ok()) return ThrowError(isolate, ErrorKind::kError, installed.message());
  info.GetReturnValue().Set(classes);
}

void ReturnNames(const Info& info, const std::vector<std::string>& names) {
  v8::Isolate* isolate = info.GetIsolate();
  std::vector<v8::Local<v8::Value>> values;
  values.reserve(names.size());
  for (const std::string& name : names) {
    v8::Local<v8::String> value;
    if (!v8::String::NewFromUtf8(isolate, name.c_str()).ToLocal(&value)) return;
    values.push_back(value);
  }
  info.GetReturnValue().Set(v8::Array::New(isolate, values.data(), values.size()));
}

// Node lists every name OpenSSL's object table has for digests and ciphers
// (aliases too) whose algorithm the loaded providers can fetch by its real
// name (not md4 without the legacy provider); crypto_impl.js then drops
// duplicates and sorts.
template <typename T, T* (*Fetch)(OSSL_LIB_CTX*, const char*, const char*), void (*Free)(T*),
          const T* (*ByName)(const char*), const char* (*NameOf)(const T*)>
void PushIfFetchable(const T*, const char* from, const char*, void* arg) {
  if (from == nullptr) return;
  const T* known = ByName(from);
  const char* real_name = known != nullptr ? NameOf(known) : nullptr;
  if (real_name == nullptr) return;
  T* fetched = Fetch(nullptr, real_name, nullptr);
  if (fetched == nullptr) return;
  Free(fetched);
  static_cast<std::vector<std::string>*>(arg)->push_back(from);
}

const EVP_MD* DigestByName(const char* name) { return EVP_get_digestbyname(name); }
const EVP_CIPHER* CipherByName(const char* name) { return EVP_get_cipherbyname(name); }

void Hashes(const Info& info) {
  std::vector<std::string> names;
  ERR_set_mark();
  EVP_MD_do_all_sorted(
      PushIfFetchable<EVP_MD, EVP_MD_fetch, EVP_MD_free, DigestByName, EVP_MD_get0_name>, &names);
  ERR_pop_to_mark();
  ReturnNames(info, names);
}

void Ciphers(const Info& info) {
  std::vector<std::string> names;
  ERR_set_mark();
  EVP_CIPHER_do_all_sorted(PushIfFetchable<EVP_CIPHER, EVP_CIPHER_fetch, EVP_CIPHER_free,
                                           CipherByName, EVP_CIPHER_get0_name>,
                           &names);
  ERR_pop_to_mark();
  ReturnNames(info, names);
}

void DigestSize(const Info& info) {
  v8::String::Utf8Value name(info.GetIsolate(), info[0]);
  const EVP_MD* md = *name != nullptr ? LookupDigest(std::string(*name, name.length())) : nullptr;
  info.GetReturnValue().Set(md != nullptr ? EVP_MD_get_size(md) : -1);
}

void OpensslVersion(const Info& info) {
  // "OpenSSL 3.0.19 27 Jan 2026": the library loaded now, not the headers'.
  std::string text = OpenSSL_version(OPENSSL_VERSION);
  size_t start = text.find(' ');
  size_t end = text.find(' ', start + 1);
  std::string version = start == std::string::npos ? text : text.substr(start + 1, end - start - 1);
  info.GetReturnValue().Set(v8::String::NewFromUtf8(info.GetIsolate(), version.c_str())
                                .FromMaybe(v8::String::Empty(info.GetIsolate())));
}

// cryptoConstants() -> Node's crypto.constants, from OpenSSL's headers and
// the linked library's version (Node's defaultCipherList is a string of its
// own, kept in crypto_impl.js).
void Constants(const Info& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Object> constants = v8::Object::New(isolate);
  struct Constant {
    const char* name;
    double value;
  };
  static const Constant kConstants[] = {
      {"OPENSSL_VERSION_NUMBER", static_cast<double>(OpenSSL_version_num())},
      {"SSL_OP_ALL", static_cast<double>(SSL_OP_ALL)},
      {"SSL_OP_ALLOW_NO_DHE_KEX", static_cast<double>(SSL_OP_ALLOW_NO_DHE_KEX)},
      {"SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION", static_cast<double>(SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION)},
      {"SSL_OP_CIPHER_SERVER_PREFERENCE", static_cast<double>(SSL_OP_CIPHER_SERVER_PREFERENCE)},
      {"SSL_OP_CISCO_ANYCONNECT", static_cast<double>(SSL_OP_CISCO_ANYCONNECT)},
      {"SSL_OP_COOKIE_EXCHANGE", static_cast<double>(SSL_OP_COOKIE_EXCHANGE)},
      {"SSL_OP_CRYPTOPRO_TLSEXT_BUG", static_cast<double>(SSL_OP_CRYPTOPRO_TLSEXT_BUG)},
      {"SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS", static_cast<double>(SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS)},
      {"SSL_OP_LEGACY_SERVER_CONNECT", static_cast<double>(SSL_OP_LEGACY_SERVER_CONNECT)},
      {"SSL_OP_NO_COMPRESSION", static_cast<double>(SSL_OP_NO_COMPRESSION)},
      {"SSL_OP_NO_ENCRYPT_THEN_MAC", static_cast<double>(SSL_OP_NO_ENCRYPT_THEN_MAC)},
      {"SSL_OP_NO_QUERY_MTU", static_cast<double>(SSL_OP_NO_QUERY_MTU)},
      {"SSL_OP_NO_RENEGOTIATION", static_cast<double>(SSL_OP_NO_RENEGOTIATION)},
      {"SSL_OP_NO_SESSION_RESUMPTION_ON_RENEGOTIATION",
       static_cast<double>(SSL_OP_NO_SESSION_RESUMPTION_ON_RENEGOTIATION)},
      {"SSL_OP_NO_SSLv2", static_cast<double>(SSL_OP_NO_SSLv2)},
      {"SSL_OP_NO_SSLv3", static_cast<double>(SSL_OP_NO_SSLv3)},
      {"SSL_OP_NO_TICKET", static_cast<double>(SSL_OP_NO_TICKET)},
      {"SSL_OP_NO_TLSv1", static_cast<double>(SSL_OP_NO_TLSv1)},
      {"SSL_OP_NO_TLSv1_1", static_cast<double>(SSL_OP_NO_TLSv1_1)},
      {"SSL_OP_NO_TLSv1_2", static_cast<double>(SSL_OP_NO_TLSv1_2)},
      {"SSL_OP_NO_TLSv1_3", static_cast<double>(SSL_OP_NO_TLSv1_3)},
      {"SSL_OP_PRIORITIZE_CHACHA", static_cast<double>(SSL_OP_PRIORITIZE_CHACHA)},
      {"SSL_OP_TLS_ROLLBACK_BUG", static_cast<double>(SSL_OP_TLS_ROLLBACK_BUG)},
      {"ENGINE_METHOD_RSA", 0x1}, {"ENGINE_METHOD_DSA", 0x2}, {"ENGINE_METHOD_DH", 0x4},
      {"ENGINE_METHOD_RAND", 0x8}, {"ENGINE_METHOD_EC", 0x800}, {"ENGINE_METHOD_CIPHERS", 0x40},
      {"ENGINE_METHOD_DIGESTS", 0x80}, {"ENGINE_METHOD_PKEY_METHS", 0x200},
      {"ENGINE_METHOD_PKEY_ASN1_METHS", 0x400}, {"ENGINE_METHOD_ALL", 0xFFFF}, {"ENGINE_METHOD_NONE", 0},
      {"DH_CHECK_P_NOT_SAFE_PRIME", DH_CHECK_P_NOT_SAFE_PRIME}, {"DH_CHECK_P_NOT_PRIME", DH_CHECK_P_NOT_PRIME},
      {"DH_UNABLE_TO_CHECK_GENERATOR", DH_UNABLE_TO_CHECK_GENERATOR},
      {"DH_NOT_SUITABLE_GENERATOR", DH_NOT_SUITABLE_GENERATOR},
      {"RSA_PKCS1_PADDING", RSA_PKCS1_PADDING}, {"RSA_NO_PADDING", RSA_NO_PADDING},
      {"RSA_PKCS1_OAEP_PADDING", RSA_PKCS1_OAEP_PADDING}, {"RSA_X931_PADDING", RSA_X931_PADDING},
      {"RSA_PKCS1_PSS_PADDING", RSA_PKCS1_PSS_PADDING}, {"RSA_PSS_SALTLEN_DIGEST", RSA_PSS_SALTLEN_DIGEST},
      {"RSA_PSS_SALTLEN_MAX_SIGN", RSA_PSS_SALTLEN_MAX_SIGN}, {"RSA_PSS_SALTLEN_AUTO", RSA_PSS_SALTLEN_AUTO},
  };
  for (const Constant& constant : kConstants) {
    v8::Local<v8::String> name;
    if (!v8::String::NewFromUtf8(isolate, constant.name).ToLocal(&name)) return;
    if (constants->Set(context, name, v8::Number::New(isolate, constant.value)).IsNothing()) return;
  }
  info.GetReturnValue().Set(constants);
}

// cryptoFips() -> 1 | 0 (OpenSSL's default properties ask for FIPS);
// cryptoFips(enable) sets that, process-wide as in Node, or throws.
void Fips(const Info& info) {
  if (info.Length() > 0 && EVP_default_properties_enable_fips(nullptr, info[0]->IsTrue() ? 1 : 0) != 1) {
    return ThrowOpenSslError(info.GetIsolate(), "Failed to set FIPS mode");
  }
  info.GetReturnValue().Set(EVP_default_properties_is_fips_enabled(nullptr) == 1 ? 1 : 0);
}

constexpr NativeFunction kFunctions[] = {
    {"cryptoFips", Fips, 1},
    {"cryptoConstants", Constants, 0},
    {"cryptoClasses", CryptoClasses, 0},
    {"cryptoHashes", Hashes, 0},
    {"cryptoCiphers", Ciphers, 0},
    {"cryptoDigestSize", DigestSize, 1},
    {"cryptoOpensslVersion", OpensslVersion, 0},
};

std::vector<NativeFunction> AllFunctions() {
  std::vector<NativeFunction> all(std::begin(kFunctions), std::end(kFunctions));
  for (const NativeFunction& f : CryptoRandomFunctions()) all.push_back(f);
  for (const NativeFunction& f : CryptoKdfFunctions()) all.push_back(f);
  for (const NativeFunction& f : CryptoCipherFunctions()) all.push_back(f);
  for (const NativeFunction& f : CryptoKeyFunctions()) all.push_back(f);
  for (const NativeFunction& f : CryptoSignFunctions()) all.push_back(f);
  for (const NativeFunction& f : CryptoDhFunctions()) all.push_back(f);
  for (const NativeFunction& f : CryptoEcdhFunctions()) all.push_back(f);
  for (const NativeFunction& f : CryptoSpkacFunctions()) all.push_back(f);
  return all;
}

}  // namespace

const EVP_MD* LookupDigest(const std::string& name) {
  if (name.empty()) return nullptr;
  // Fetched once per name and kept for the process: a digest from the
  // object table (EVP_get_digestbyname) would be fetched again by OpenSSL at
  // every EVP_DigestInit_ex, which costs more than hashing a short string.
  static std::mutex mutex;
  static auto* fetched = new absl::flat_hash_map<std::string, const EVP_MD*>();
  std::lock_guard<std::mutex> lock(mutex);
  auto it = fetched->find(name);
  if (it != fetched->end()) return it->second;
  const EVP_MD* known = EVP_get_digestbyname(name.c_str());
  ERR_set_mark();
  const EVP_MD* md = EVP_MD_fetch(nullptr, known != nullptr ? EVP_MD_get0_name(known) : name.c_str(), nullptr);
  ERR_pop_to_mark();
  if (md == nullptr) md = known;
  if (fetched->size() < 1024) (*fetched)[name] = md;  // names programs make up stay out
  return md;
}

const Extension& CryptoExtension() {
  static const std::vector<NativeFunction>* const kAll = new std::vector<NativeFunction>(AllFunctions());
  static const NativeClass* const kClasses[] = {&CryptoHashClass(), &CryptoCipherClass(),
                                               &CryptoKeyHandleClass(),
                                               &CryptoDhClass(), &CryptoDhGroupClass(), &CryptoEcdhClass()};
  static constexpr absl::string_view kJs[] = {"crypto.js"};
  static constexpr absl::string_view kLazyJs[] = {"crypto_impl.js", "crypto_hash.js",
                                                  "crypto_random.js", "crypto_kdf.js",
                                                  "crypto_cipher.js", "crypto_keys.js",
                                                  "crypto_sign.js", "crypto_webcrypto.js",
                                                  "crypto_dh.js", "crypto_certificate.js",
                                                  "crypto_webcrypto_rsa_aes.js", "crypto_webcrypto_derive.js"};
  static const Extension kExtension{"crypto", 1,  *kAll,   {}, {}, {}, kJs,
                                    nullptr,  kLazyJs, kClasses};
  return kExtension;
}

}  // namespace toysnap::node
