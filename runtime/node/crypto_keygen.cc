// Key-pair generation and curve names for runtime/js/crypto_keys.js:
//   cryptoGenerateKeyPair(type, options, privateHandle, publicHandle, done?)
//     (rsa, rsa-pss, dsa, dh, ec, ed25519, ed448, x25519, x448), inline or
//     on libuv's thread pool
//   cryptoDhGroupKnown(name) -> whether 'modp14' etc. is one of Node's DH groups
//   cryptoCurveKnown(name) -> OpenSSL's short name of a curve Node accepts, or undefined
//   cryptoCurves() -> getCurves()
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/dh.h>
#include <openssl/dsa.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/param_build.h>
#include <openssl/rsa.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "runtime/native_util.h"
#include "runtime/node/crypto_bytes.h"
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

// What cryptoGenerateKeyPair's options object holds (crypto_keys.js has
// checked them as Node does); -1 for a number not given.
struct KeyGenParams {
  std::string type, curve, hash, mgf1_hash, group;
  std::string prime;  // a DH prime's bytes, big-endian
  double bits = -1, exponent = 0x10001, salt_length = -1, divisor_bits = -1, generator = 2;
  bool explicit_curve = false;
};

struct CtxFree {
  void operator()(EVP_PKEY_CTX* ctx) const { EVP_PKEY_CTX_free(ctx); }
};
using PkeyCtx = std::unique_ptr<EVP_PKEY_CTX, CtxFree>;

EVP_PKEY* KeygenFrom(EVP_PKEY_CTX* ctx) {
  EVP_PKEY* pkey = nullptr;
  if (ctx != nullptr) EVP_PKEY_keygen(ctx, &pkey);
  return pkey;
}

// An RSA or RSA-PSS key; for RSA-PSS with Node's defaults: the MGF1 digest
// is the message digest and the salt as long as its output, unless told.
EVP_PKEY* GenerateRsa(const KeyGenParams& p) {
  bool pss = p.type == "rsa-pss";
  PkeyCtx ctx(EVP_PKEY_CTX_new_from_name(nullptr, pss ? "RSA-PSS" : "RSA", nullptr));
  BIGNUM* e = BN_new();
  bool ok = ctx != nullptr && e != nullptr && BN_set_word(e, static_cast<BN_ULONG>(p.exponent)) == 1 &&
            EVP_PKEY_keygen_init(ctx.get()) == 1 &&
            EVP_PKEY_CTX_set_rsa_keygen_bits(ctx.get(), static_cast<int>(p.bits)) == 1 &&
            EVP_PKEY_CTX_set1_rsa_keygen_pubexp(ctx.get(), e) == 1;
  BN_free(e);
  if (ok && pss) {
    const EVP_MD* md = p.hash.empty() ? nullptr : LookupDigest(p.hash);
    const EVP_MD* mgf1 = p.mgf1_hash.empty() ? md : LookupDigest(p.mgf1_hash);
    int salt = p.salt_length >= 0 ? static_cast<int>(p.salt_length) : md != nullptr ? EVP_MD_get_size(md) : -1;
    ok = (md == nullptr || EVP_PKEY_CTX_set_rsa_pss_keygen_md(ctx.get(), md) == 1) &&
         (mgf1 == nullptr || EVP_PKEY_CTX_set_rsa_pss_keygen_mgf1_md(ctx.get(), mgf1) == 1) &&
         (salt < 0 || EVP_PKEY_CTX_set_rsa_pss_keygen_saltlen(ctx.get(), salt) == 1);
  }
  return ok ? KeygenFrom(ctx.get()) : nullptr;
}

// A key from fresh domain parameters (DSA, DH by prime length).
EVP_PKEY* KeygenFromParams(EVP_PKEY* params) {
  if (params == nullptr) return nullptr;
  PkeyCtx ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, params, nullptr));
  EVP_PKEY_free(params);
  return ctx != nullptr && EVP_PKEY_keygen_init(ctx.get()) == 1 ? KeygenFrom(ctx.get()) : nullptr;
}

EVP_PKEY* GenerateDsa(const KeyGenParams& p) {
  PkeyCtx ctx(EVP_PKEY_CTX_new_from_name(nullptr, "DSA", nullptr));
  EVP_PKEY* params = nullptr;
  if (ctx != nullptr && EVP_PKEY_paramgen_init(ctx.get()) == 1 &&
      EVP_PKEY_CTX_set_dsa_paramgen_bits(ctx.get(), static_cast<int>(p.bits)) == 1 &&
      (p.divisor_bits < 0 || EVP_PKEY_CTX_set_dsa_paramgen_q_bits(ctx.get(), static_cast<int>(p.divisor_bits)) == 1)) {
    EVP_PKEY_paramgen(ctx.get(), &params);
  }
  return KeygenFromParams(params);
}

// Node's DH groups (RFC 2409 and 3526), by name.
BIGNUM* DhGroupPrime(const std::string& name) {
  static constexpr std::pair<const char*, BIGNUM* (*)(BIGNUM*)> kGroups[] = {
      {"modp1", BN_get_rfc2409_prime_768},   {"modp2", BN_get_rfc2409_prime_1024},
      {"modp5", BN_get_rfc3526_prime_1536},  {"modp14", BN_get_rfc3526_prime_2048},
      {"modp15", BN_get_rfc3526_prime_3072}, {"modp16", BN_get_rfc3526_prime_4096},
      {"modp17", BN_get_rfc3526_prime_6144}, {"modp18", BN_get_rfc3526_prime_8192}};
  for (const auto& [group, prime] : kGroups) {
    if (name == group) return prime(nullptr);
  }
  return nullptr;
}

EVP_PKEY* GenerateDh(const KeyGenParams& p) {
  BIGNUM* prime = !p.group.empty() ? DhGroupPrime(p.group)
                  : p.bits < 0     ? BN_bin2bn(reinterpret_cast<const unsigned char*>(p.prime.data()),
                                               static_cast<int>(p.prime.size()), nullptr)
                                   : nullptr;
  if (prime == nullptr) {
    PkeyCtx ctx(EVP_PKEY_CTX_new_from_name(nullptr, "DH", nullptr));
    EVP_PKEY* params = nullptr;
    if (ctx != nullptr && EVP_PKEY_paramgen_init(ctx.get()) == 1 &&
        EVP_PKEY_CTX_set_dh_paramgen_prime_len(ctx.get(), static_cast<int>(p.bits)) == 1 &&
        EVP_PKEY_CTX_set_dh_paramgen_generator(ctx.get(), static_cast<int>(p.generator)) == 1) {
      EVP_PKEY_paramgen(ctx.get(), &params);
    }
    return KeygenFromParams(params);
  }
  // Fixed domain parameters (p, g): OpenSSL checks the prime at keygen.
  BIGNUM* g = BN_new();
  OSSL_PARAM_BLD* build = OSSL_PARAM_BLD_new();
  OSSL_PARAM* fields = nullptr;
  if (g != nullptr && build != nullptr && BN_set_word(g, static_cast<BN_ULONG>(p.generator)) == 1 &&
      OSSL_PARAM_BLD_push_BN(build, OSSL_PKEY_PARAM_FFC_P, prime) == 1 &&
      OSSL_PARAM_BLD_push_BN(build, OSSL_PKEY_PARAM_FFC_G, g) == 1) {
    fields = OSSL_PARAM_BLD_to_param(build);
  }
  EVP_PKEY* params = nullptr;
  PkeyCtx ctx(EVP_PKEY_CTX_new_from_name(nullptr, "DH", nullptr));
  if (fields != nullptr && ctx != nullptr && EVP_PKEY_fromdata_init(ctx.get()) == 1) {
    EVP_PKEY_fromdata(ctx.get(), &params, EVP_PKEY_KEY_PARAMETERS, fields);
  }
  OSSL_PARAM_free(fields);
  OSSL_PARAM_BLD_free(build);
  BN_free(g);
  BN_free(prime);
  return KeygenFromParams(params);
}

EVP_PKEY* GenerateEc(const KeyGenParams& p) {
  PkeyCtx ctx(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
  bool ok = ctx != nullptr && EVP_PKEY_keygen_init(ctx.get()) == 1 &&
            EVP_PKEY_CTX_set_group_name(ctx.get(), p.curve.c_str()) == 1 &&
            EVP_PKEY_CTX_set_ec_param_enc(ctx.get(), p.explicit_curve ? OPENSSL_EC_EXPLICIT_CURVE
                                                                      : OPENSSL_EC_NAMED_CURVE) == 1;
  return ok ? KeygenFrom(ctx.get()) : nullptr;
}

// Generates on the pool; on the loop's thread the key goes into the two
// CryptoKeyHandles JS made (no DER round trip: a key whose curve has no OID
// is a key still, as in Node, and fails only when exported).
class KeyPairJob final : public CryptoJob {
 public:
  KeyPairJob(v8::Isolate* isolate, KeyGenParams params, v8::Local<v8::Value> private_handle,
             v8::Local<v8::Value> public_handle)
      : p_(std::move(params)), private_(isolate, private_handle), public_(isolate, public_handle) {}
  ~KeyPairJob() override { EVP_PKEY_free(pkey_); }
  void Work() override {
    const std::string& type = p_.type;
    pkey_ = type == "rsa" || type == "rsa-pss" ? GenerateRsa(p_)
            : type == "dsa"     ? GenerateDsa(p_)
            : type == "dh"      ? GenerateDh(p_)
            : type == "ec"      ? GenerateEc(p_)
            : type == "ed25519" ? EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519")
            : type == "ed448"   ? EVP_PKEY_Q_keygen(nullptr, nullptr, "ED448")
            : type == "x25519"  ? EVP_PKEY_Q_keygen(nullptr, nullptr, "X25519")
            : type == "x448"    ? EVP_PKEY_Q_keygen(nullptr, nullptr, "X448")
                                : nullptr;
    unsigned long code = ERR_get_error();  // NOLINT(runtime/int): OpenSSL's type
    ERR_clear_error();
    if (pkey_ == nullptr) {
      // As Node: OpenSSL's message, without a code.
      char text[256] = "Key generation job failed";
      if (code != 0) ERR_error_string_n(code, text, sizeof(text));
      error_message = text;
    }
  }
  v8::Local<v8::Value> Result(v8::Isolate* isolate) override {
    EVP_PKEY_up_ref(pkey_);
    if (!AdoptKey(public_.Get(isolate), pkey_, false)) EVP_PKEY_free(pkey_);
    if (AdoptKey(private_.Get(isolate), pkey_, true)) pkey_ = nullptr;
    return v8::Undefined(isolate);
  }

 private:
  KeyGenParams p_;
  EVP_PKEY* pkey_ = nullptr;  // owned until adopted
  v8::Global<v8::Value> private_, public_;
};

// cryptoGenerateKeyPair(type, {curve, modulusLength, publicExponent, hash,
// mgf1Hash, saltLength, divisorLength, explicit, group, prime, primeLength,
// generator}, privateHandle, publicHandle, done?): fills the two new
// CryptoKeyHandles.
void GenerateKeyPair(const Info& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  KeyGenParams params;
  params.type = StringArg(isolate, info[0]);
  if (info[1]->IsObject()) {
    v8::Local<v8::Object> options = info[1].As<v8::Object>();
    auto get = [&](const char* key) -> v8::Local<v8::Value> {
      v8::Local<v8::String> name;
      v8::Local<v8::Value> value;
      if (!NewString(isolate, key).ToLocal(&name) || !options->Get(context, name).ToLocal(&value)) {
        return v8::Undefined(isolate);
      }
      return value;
    };
    auto number = [&](const char* key, double* out) {
      v8::Local<v8::Value> value = get(key);
      if (value->IsNumber()) *out = value.As<v8::Number>()->Value();
    };
    auto text = [&](const char* key, std::string* out) {
      v8::Local<v8::Value> value = get(key);
      if (value->IsString()) *out = StringArg(isolate, value);
    };
    text("curve", &params.curve);
    text("hash", &params.hash);
    text("mgf1Hash", &params.mgf1_hash);
    text("group", &params.group);
    number("modulusLength", &params.bits);
    number("primeLength", &params.bits);
    number("publicExponent", &params.exponent);
    number("saltLength", &params.salt_length);
    number("divisorLength", &params.divisor_bits);
    number("generator", &params.generator);
    params.explicit_curve = get("explicit")->IsTrue();
    v8::Local<v8::Value> prime = get("prime");
    if (!prime->IsUndefined()) ReadBytes(isolate, prime, Encoding::kUtf8, &params.prime);
  }
  RunCryptoJob(info, std::make_unique<KeyPairJob>(isolate, std::move(params), info[2], info[3]), info[4]);
}

// cryptoDhGroupKnown(name) -> whether Node has a DH group of that name.
void DhGroupKnown(const Info& info) {
  BIGNUM* prime = DhGroupPrime(StringArg(info.GetIsolate(), info[0]));
  info.GetReturnValue().Set(prime != nullptr);
  BN_free(prime);
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
    {"cryptoDhGroupKnown", DhGroupKnown, 1},
    {"cryptoCurveKnown", CurveKnown, 1},
    {"cryptoCurves", Curves, 0},
};

}  // namespace

absl::Span<const NativeFunction> CryptoKeyFunctions() { return kFunctions; }

}  // namespace toysnap::node
