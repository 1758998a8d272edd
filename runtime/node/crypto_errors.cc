// Node's errors for OpenSSL's (crypto_keys.h): ERR_OSSL_* codes, and the
// Error with `library`, `reason` and `opensslErrorStack` that Node's ThrowCryptoError makes.
#include <openssl/err.h>

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "runtime/native_util.h"
#include "runtime/node/crypto_keys.h"
#include "runtime/v8_strings.h"
#include "v8-container.h"
#include "v8-exception.h"

namespace toysnap::node {
namespace {

void SetOn(v8::Isolate* isolate, v8::Local<v8::Object> object, const char* key, v8::Local<v8::Value> value) {
  v8::Local<v8::String> name;
  if (NewString(isolate, key).ToLocal(&name)) object->Set(isolate->GetCurrentContext(), name, value).IsJust();
}

}  // namespace

std::string OpenSslErrorCode(unsigned long code) {  // NOLINT(runtime/int): OpenSSL's type
  const char* reason = ERR_reason_error_string(code);
  if (reason == nullptr) return "";
  // Node names the library for these (ERR_OSSL_EVP_..., ERR_OSSL_ASN1_...),
  // not for the others (providers, decoders).
  static constexpr std::pair<int, const char*> kLibraries[] = {
      {ERR_LIB_SYS, "SYS"},     {ERR_LIB_BN, "BN"},         {ERR_LIB_RSA, "RSA"},
      {ERR_LIB_DH, "DH"},       {ERR_LIB_EVP, "EVP"},       {ERR_LIB_BUF, "BUF"},
      {ERR_LIB_OBJ, "OBJ"},     {ERR_LIB_PEM, "PEM"},       {ERR_LIB_DSA, "DSA"},
      {ERR_LIB_X509, "X509"},   {ERR_LIB_ASN1, "ASN1"},     {ERR_LIB_CONF, "CONF"},
      {ERR_LIB_CRYPTO, "CRYPTO"}, {ERR_LIB_EC, "EC"},       {ERR_LIB_SSL, "SSL"},
      {ERR_LIB_BIO, "BIO"},     {ERR_LIB_PKCS7, "PKCS7"},   {ERR_LIB_X509V3, "X509V3"},
      {ERR_LIB_PKCS12, "PKCS12"}, {ERR_LIB_RAND, "RAND"},   {ERR_LIB_DSO, "DSO"},
      {ERR_LIB_ENGINE, "ENGINE"}, {ERR_LIB_OCSP, "OCSP"},   {ERR_LIB_UI, "UI"},
      {ERR_LIB_COMP, "COMP"},   {ERR_LIB_ECDSA, "ECDSA"},   {ERR_LIB_ECDH, "ECDH"},
      {ERR_LIB_OSSL_STORE, "OSSL_STORE"}, {ERR_LIB_FIPS, "FIPS"}, {ERR_LIB_CMS, "CMS"},
      {ERR_LIB_TS, "TS"},       {ERR_LIB_HMAC, "HMAC"},     {ERR_LIB_CT, "CT"},
      {ERR_LIB_ASYNC, "ASYNC"}, {ERR_LIB_KDF, "KDF"},       {ERR_LIB_SM2, "SM2"},
      {ERR_LIB_USER, "USER"}};
  std::string out = "ERR_OSSL_";
  for (const auto& [library, name] : kLibraries) {
    if (ERR_GET_LIB(code) == library) absl::StrAppend(&out, name, "_");
  }
  for (const char* c = reason; *c != '\0'; ++c) out += *c == ' ' ? '_' : absl::ascii_toupper(*c);
  return out;
}

void ThrowOpenSslError(v8::Isolate* isolate, const char* fallback) {
  unsigned long code = ERR_get_error();  // NOLINT(runtime/int): OpenSSL's type
  // The errors queued after it, newest first: Node's opensslErrorStack.
  std::vector<std::string> later;
  while (unsigned long next = ERR_get_error()) {  // NOLINT(runtime/int): OpenSSL's type
    char line[256];
    ERR_error_string_n(next, line, sizeof(line));
    later.insert(later.begin(), line);
  }
  if (code == 0) return ThrowError(isolate, ErrorKind::kError, fallback);
  char text[256];
  ERR_error_string_n(code, text, sizeof(text));
  const char* library = ERR_lib_error_string(code);
  const char* reason = ERR_reason_error_string(code);
  v8::Local<v8::String> message;
  if (!NewString(isolate, text).ToLocal(&message)) return;
  v8::Local<v8::Value> error = v8::Exception::Error(message);
  if (error->IsObject()) {
    v8::Local<v8::Object> object = error.As<v8::Object>();
    v8::Local<v8::String> value;
    if (!later.empty()) {
      v8::Local<v8::Array> stack = v8::Array::New(isolate, static_cast<int>(later.size()));
      for (size_t i = 0; i < later.size(); ++i) {
        if (NewString(isolate, later[i]).ToLocal(&value)) {
          stack->Set(isolate->GetCurrentContext(), static_cast<uint32_t>(i), value).IsJust();
        }
      }
      SetOn(isolate, object, "opensslErrorStack", stack);
    }
    if (library != nullptr && NewString(isolate, library).ToLocal(&value)) SetOn(isolate, object, "library", value);
    if (reason != nullptr && NewString(isolate, reason).ToLocal(&value)) SetOn(isolate, object, "reason", value);
    std::string node_code = OpenSslErrorCode(code);
    if (!node_code.empty()) SetNodeErrorCode(isolate, object, node_code);
  }
  isolate->ThrowException(error);
}

}  // namespace toysnap::node
