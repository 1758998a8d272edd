// Key-pair generation and curve names for runtime/js/crypto_keys.js:
//   cryptoGenerateKeyPair(type, curve, modulusLength, publicExponent, done?)
//     -> the private key's PKCS#8 DER (rsa, ec, ed25519, ed448, x25519,
//     x448), inline or on libuv's thread pool
//   cryptoCurveKnown(name) -> OpenSSL's short name of a curve Node accepts, or undefined
//   cryptoCurves() -> getCurves()
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/rsa.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "runtime/native_util.h"
#include "runtime/node/crypto_internal.h"
#include "runtime/node/crypto_keys.h"
#include "runtime/v8_strings.h"
#include "v8-container.h"
#include "v8-primitive.h"

namespace toysnap::node {
namespace {

using Info = v8::FunctionCallbackInfo<v8::Value>;

std::string StringArg(v8::Isolate* isolate, v8::Local<v8::Value> value) {
  v8::String::Utf8Value text(isolate, value);
  return *text != nullptr ? std::string(*text, text.length()) : "";
}

// An RSA key of `bits` with public exponent `exponent`.
EVP_PKEY* GenerateRsa(uint32_t bits, uint64_t exponent) {
  EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr);
  BIGNUM* e = BN_new();
  EVP_PKEY* pkey = nullptr;
  if (ctx != nullptr && e != nullptr && BN_set_word(e, exponent) == 1 && EVP_PKEY_keygen_init(ctx) == 1 &&
      EVP_PKEY_CTX_set_rsa_keygen_bits(ctx, static_cast<int>(bits)) == 1 &&
      EVP_PKEY_CTX_set1_rsa_keygen_pubexp(ctx, e) == 1) {
    EVP_PKEY_keygen(ctx, &pkey);
  }
  BN_free(e);
  EVP_PKEY_CTX_free(ctx);
  return pkey;
}

class KeyPairJob final : public CryptoJob {
 public:
  KeyPairJob(std::string type, std::string curve, uint32_t bits, uint64_t exponent)
      : type_(std::move(type)), curve_(std::move(curve)), bits_(bits), exponent_(exponent) {
    use_output = true;
  }
  void Work() override {
    EVP_PKEY* pkey = type_ == "rsa" ? GenerateRsa(bits_, exponent_)
                     : type_ == "ec" ? EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", curve_.c_str())
                     : type_ == "ed25519" ? EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519")
                     : type_ == "ed448"   ? EVP_PKEY_Q_keygen(nullptr, nullptr, "ED448")
                     : type_ == "x25519"  ? EVP_PKEY_Q_keygen(nullptr, nullptr, "X25519")
                     : type_ == "x448"    ? EVP_PKEY_Q_keygen(nullptr, nullptr, "X448")
                                          : nullptr;
    std::string der = pkey != nullptr ? KeyToDer(pkey, true) : "";
    EVP_PKEY_free(pkey);
    unsigned long code = ERR_get_error();  // NOLINT(runtime/int): OpenSSL's type
    ERR_clear_error();
    if (der.empty()) {
      // As Node: OpenSSL's message, without a code.
      char text[256] = "Key generation job failed";
      if (code != 0) ERR_error_string_n(code, text, sizeof(text));
      error_message = text;
      return;
    }
    output.assign(der.begin(), der.end());
  }

 private:
  std::string type_, curve_;
  uint32_t bits_;
  uint64_t exponent_;
};

// cryptoGenerateKeyPair(type, curve, modulusLength, publicExponent, done?)
void GenerateKeyPair(const Info& info) {
  v8::Isolate* isolate = info.GetIsolate();
  auto number = [&](int index) { return info[index]->IsNumber() ? info[index].As<v8::Number>()->Value() : 0.0; };
  RunCryptoJob(info,
               std::make_unique<KeyPairJob>(StringArg(isolate, info[0]), StringArg(isolate, info[1]),
                                            static_cast<uint32_t>(number(2)), static_cast<uint64_t>(number(3))),
               info[4]);
}

// The OpenSSL short name of a curve Node accepts ("P-256" is prime256v1).
std::string CurveName(const std::string& name) {
  int nid = EC_curve_nist2nid(name.c_str());
  if (nid == NID_undef) nid = OBJ_sn2nid(name.c_str());
  if (nid == NID_undef) nid = OBJ_ln2nid(name.c_str());
  if (nid == NID_undef) return "";
  EC_GROUP* group = EC_GROUP_new_by_curve_name(nid);
  EC_GROUP_free(group);
  ERR_clear_error();
  return group != nullptr ? OBJ_nid2sn(nid) : "";
}

void CurveKnown(const Info& info) {
  std::string name = CurveName(StringArg(info.GetIsolate(), info[0]));
  v8::Local<v8::String> known;
  if (!name.empty() && NewString(info.GetIsolate(), name).ToLocal(&known)) {
    info.GetReturnValue().Set(known);
  }
}

// cryptoCurves() -> the names of OpenSSL's built-in curves, sorted (getCurves).
void Curves(const Info& info) {
  v8::Isolate* isolate = info.GetIsolate();
  size_t count = EC_get_builtin_curves(nullptr, 0);
  std::vector<EC_builtin_curve> curves(count);
  EC_get_builtin_curves(curves.data(), count);
  std::vector<std::string> names;
  for (const EC_builtin_curve& curve : curves) names.push_back(OBJ_nid2sn(curve.nid));
  std::sort(names.begin(), names.end());
  std::vector<v8::Local<v8::Value>> values;
  for (const std::string& name : names) {
    v8::Local<v8::String> value;
    if (!NewString(isolate, name).ToLocal(&value)) return;
    values.push_back(value);
  }
  info.GetReturnValue().Set(v8::Array::New(isolate, values.data(), values.size()));
}

constexpr NativeFunction kFunctions[] = {
    {"cryptoGenerateKeyPair", GenerateKeyPair, 5},
    {"cryptoCurveKnown", CurveKnown, 1},
    {"cryptoCurves", Curves, 0},
};

}  // namespace

absl::Span<const NativeFunction> CryptoKeyFunctions() { return kFunctions; }

}  // namespace toysnap::node
