// Keys (OpenSSL EVP_PKEY, or a secret's bytes) as the native class
// CryptoKeyHandle, behind runtime/js/crypto_keys.js's KeyObject (key-pair
// generation is crypto_keygen.cc's). A key survives a snapshot: its state is the key's DER (PKCS#8
// or SPKI) or the secret itself. JS API:
//   new CryptoKeyHandle(); then one of
//     initSecret(bytes)
//     initParse(isPrivate, 'pem' | 'der', structure ('' | 'pkcs8' | 'spki' |
//               'sec1' | 'pkcs1'), data, passphrase?)  throws OpenSSL's error
//     initJwk(isPrivate, kty, crv, {x, y, d, n, e, ...} as bytes)
//     initPublicOf(handle)                        the public half of a private key
//   keyType() 'secret' | 'public' | 'private'   asymmetricKeyType() 'ed25519', 'ec', ...
//   details() {namedCurve} | {modulusLength, publicExponent, RSA-PSS restrictions?} |
//     {modulusLength, divisorLength} (DSA)   symmetricKeySize()
//   exportSecret() -> ArrayBuffer   export(format, structure, cipher?, passphrase?)
//   exportJwk() -> {kty, crv, x, ...} (bytes as ArrayBuffers)   equals(handle)
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/encoder.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "runtime/native_util.h"
#include "runtime/node/crypto_bytes.h"
#include "runtime/node/crypto_internal.h"
#include "runtime/node/crypto_keys.h"
#include "runtime/v8_strings.h"
#include "v8-container.h"
#include "v8-exception.h"
#include "v8-primitive.h"

namespace toysnap::node {
namespace {

using Info = v8::FunctionCallbackInfo<v8::Value>;

std::string StringArg(v8::Isolate* isolate, v8::Local<v8::Value> value) {
  v8::String::Utf8Value text(isolate, value);
  return *text != nullptr ? std::string(*text, text.length()) : "";
}

const unsigned char* Data(const std::string& bytes) {
  return reinterpret_cast<const unsigned char*>(bytes.data());
}

}  // namespace

std::string KeyToDer(EVP_PKEY* pkey, bool is_private) {
  unsigned char* der = nullptr;
  int length = 0;
  if (is_private) {
    PKCS8_PRIV_KEY_INFO* info = EVP_PKEY2PKCS8(pkey);
    if (info != nullptr) length = i2d_PKCS8_PRIV_KEY_INFO(info, &der);
    PKCS8_PRIV_KEY_INFO_free(info);
  } else {
    length = i2d_PUBKEY(pkey, &der);
  }
  std::string out = length > 0 ? std::string(reinterpret_cast<char*>(der), static_cast<size_t>(length)) : "";
  OPENSSL_free(der);
  return out;
}

namespace {

std::string ToDer(EVP_PKEY* pkey, bool is_private) { return KeyToDer(pkey, is_private); }

EVP_PKEY* FromDer(const std::string& der, bool is_private) {
  const unsigned char* p = Data(der);
  if (is_private) return d2i_AutoPrivateKey(nullptr, &p, static_cast<long>(der.size()));  // NOLINT(runtime/int)
  return d2i_PUBKEY(nullptr, &p, static_cast<long>(der.size()));  // NOLINT(runtime/int)
}

class KeyState final : public NativeState {
 public:
  enum class Kind : char { kNone = 'n', kSecret = 's', kPublic = 'p', kPrivate = 'v' };
  KeyState() = default;
  ~KeyState() override { EVP_PKEY_free(pkey_); }

  std::string Serialize() const override {
    std::string body = kind_ == Kind::kSecret ? secret_
                       : pkey_ != nullptr     ? ToDer(pkey_, kind_ == Kind::kPrivate)
                                              : "";
    return std::string(1, static_cast<char>(kind_)) + body;
  }
  static absl::StatusOr<std::unique_ptr<NativeState>> Restore(absl::string_view bytes) {
    auto state = std::make_unique<KeyState>();
    if (bytes.empty()) return absl::DataLossError("bad CryptoKeyHandle state");
    auto kind = static_cast<Kind>(bytes[0]);
    std::string body(bytes.substr(1));
    if (kind == Kind::kSecret) {
      state->SetSecret(std::move(body));
    } else if (kind == Kind::kPublic || kind == Kind::kPrivate) {
      EVP_PKEY* pkey = FromDer(body, kind == Kind::kPrivate);
      if (pkey == nullptr) return absl::DataLossError("CryptoKeyHandle: undecodable key");
      state->SetKey(pkey, kind == Kind::kPrivate);
    }
    return state;
  }

  void SetSecret(std::string secret) {
    kind_ = Kind::kSecret;
    secret_ = std::move(secret);
  }
  // Takes `pkey`.
  void SetKey(EVP_PKEY* pkey, bool is_private) {
    EVP_PKEY_free(pkey_);
    pkey_ = pkey;
    kind_ = is_private ? Kind::kPrivate : Kind::kPublic;
  }
  Kind kind() const { return kind_; }
  EVP_PKEY* pkey() const { return pkey_; }
  const std::string& secret() const { return secret_; }

 private:
  Kind kind_ = Kind::kNone;
  std::string secret_;
  EVP_PKEY* pkey_ = nullptr;  // owned
};

extern const NativeClass kKeyHandleClass;

KeyState* Self(const Info& info) { return UnwrapNativeState<KeyState>(info, kKeyHandleClass); }

void Construct(const Info& info) {
  if (!info.IsConstructCall()) {
    return ThrowError(info.GetIsolate(), ErrorKind::kTypeError, "Illegal constructor");
  }
  WrapNativeState(info.This(), kKeyHandleClass, std::make_unique<KeyState>());
}

void InitSecret(const Info& info) {
  KeyState* self = Self(info);
  if (self == nullptr) return;
  std::string bytes;
  ReadBytes(info.GetIsolate(), info[0], Encoding::kUtf8, &bytes);
  self->SetSecret(std::move(bytes));
}

// The passphrase Node's PasswordCallback gives OpenSSL: none makes OpenSSL
// fail (PEM: "interrupted or cancelled"; DER: the passphrase is required).
int PasswordCallback(char* buf, int size, int, void* data) {
  const auto* passphrase = static_cast<const std::string*>(data);
  if (passphrase == nullptr || size < 0 || passphrase->size() > static_cast<size_t>(size)) return -1;
  std::memcpy(buf, passphrase->data(), passphrase->size());
  return static_cast<int>(passphrase->size());
}

struct BioFree {
  void operator()(BIO* bio) const { BIO_free(bio); }
};
using Bio = std::unique_ptr<BIO, BioFree>;
Bio MemoryBio(const std::string& data) { return Bio(BIO_new_mem_buf(data.data(), static_cast<int>(data.size()))); }

bool IsEncryptedPrivateKeyInfo(const std::string& der) {
  const unsigned char* p = Data(der);
  X509_SIG* sig = d2i_X509_SIG(nullptr, &p, static_cast<long>(der.size()));  // NOLINT(runtime/int)
  X509_SIG_free(sig);
  ERR_clear_error();
  return sig != nullptr;
}

// Node's ParsePrivateKey.
EVP_PKEY* ParsePrivate(bool pem, const std::string& structure, const std::string& data,
                       const std::string* passphrase) {
  void* pass = const_cast<std::string*>(passphrase);
  EVP_PKEY* pkey = nullptr;
  Bio bio = MemoryBio(data);
  if (bio == nullptr) return nullptr;
  if (pem) {
    pkey = PEM_read_bio_PrivateKey(bio.get(), nullptr, PasswordCallback, pass);
  } else if (structure == "pkcs8") {
    if (IsEncryptedPrivateKeyInfo(data)) {
      pkey = d2i_PKCS8PrivateKey_bio(bio.get(), nullptr, PasswordCallback, pass);
    } else {
      PKCS8_PRIV_KEY_INFO* info = d2i_PKCS8_PRIV_KEY_INFO_bio(bio.get(), nullptr);
      if (info != nullptr) pkey = EVP_PKCS82PKEY(info);
      PKCS8_PRIV_KEY_INFO_free(info);
    }
  } else {
    const unsigned char* p = Data(data);
    long length = static_cast<long>(data.size());  // NOLINT(runtime/int): OpenSSL's type
    pkey = structure == "sec1"    ? d2i_PrivateKey(EVP_PKEY_EC, nullptr, &p, length)
           : structure == "pkcs1" ? d2i_PrivateKey(EVP_PKEY_RSA, nullptr, &p, length)
                                  : d2i_AutoPrivateKey(nullptr, &p, length);
  }
  // OpenSSL can fail to parse the key and still return one.
  if (pkey != nullptr && ERR_peek_error() != 0) {
    EVP_PKEY_free(pkey);
    pkey = nullptr;
  }
  return pkey;
}

// The DER of `data`'s first PEM block labelled `label` (false: none), as
// Node's TryParsePublicKey finds it (surrounding text skipped).
bool PemBlock(const std::string& data, const char* label, std::string* der) {
  Bio bio = MemoryBio(data);
  unsigned char* bytes = nullptr;
  long length = 0;  // NOLINT(runtime/int): OpenSSL's type
  ERR_set_mark();
  // Never OpenSSL's default passphrase callback: it prompts on the terminal.
  bool found = bio != nullptr &&
               PEM_bytes_read_bio(&bytes, &length, nullptr, label, bio.get(), PasswordCallback, nullptr) == 1;
  ERR_pop_to_mark();
  if (!found) return false;
  der->assign(reinterpret_cast<char*>(bytes), static_cast<size_t>(length));
  OPENSSL_clear_free(bytes, static_cast<size_t>(length));
  return true;
}

// Node's ParsePublicKeyPEM: SPKI, PKCS#1 or a certificate's key; null with
// `recognized` false when the PEM holds none of them (OpenSSL's error queued
// when one is there but does not parse).
EVP_PKEY* ParsePublicPem(const std::string& data, bool* recognized) {
  *recognized = true;
  std::string der;
  if (PemBlock(data, "PUBLIC KEY", &der)) {
    const unsigned char* p = Data(der);
    return d2i_PUBKEY(nullptr, &p, static_cast<long>(der.size()));  // NOLINT(runtime/int)
  }
  if (PemBlock(data, "RSA PUBLIC KEY", &der)) {
    const unsigned char* p = Data(der);
    return d2i_PublicKey(EVP_PKEY_RSA, nullptr, &p, static_cast<long>(der.size()));  // NOLINT(runtime/int)
  }
  if (PemBlock(data, "CERTIFICATE", &der)) {
    const unsigned char* p = Data(der);
    X509* certificate = d2i_X509(nullptr, &p, static_cast<long>(der.size()));  // NOLINT(runtime/int)
    EVP_PKEY* pkey = certificate != nullptr ? X509_get_pubkey(certificate) : nullptr;
    X509_free(certificate);
    return pkey;
  }
  *recognized = false;
  return nullptr;
}

// Whether PKCS#1 DER holds an RSAPrivateKey, as Node tells: its first member
// is the version (a one-byte 0 or 1); an RSAPublicKey's is the modulus.
bool IsRsaPrivateKeyDer(const std::string& der) {
  const auto* p = Data(der);
  size_t size = der.size();
  if (size < 2 || p[0] != 0x30) return false;
  size_t offset = 2;
  if (p[1] & 0x80) offset += p[1] & 0x7f;  // long-form length
  return size >= offset + 3 && p[offset] == 0x02 && p[offset + 1] == 0x01 && p[offset + 2] <= 1;
}

// initParse(isPrivate, format, structure, data, passphrase)
void InitParse(const Info& info) {
  KeyState* self = Self(info);
  if (self == nullptr) return;
  v8::Isolate* isolate = info.GetIsolate();
  bool is_private = info[0]->IsTrue();
  bool pem = StringArg(isolate, info[1]) != "der";
  std::string structure = StringArg(isolate, info[2]);
  std::string data;
  ReadBytes(isolate, info[3], Encoding::kUtf8, &data);
  std::string passphrase;
  bool has_passphrase = ReadBytes(isolate, info[4], Encoding::kUtf8, &passphrase);
  ERR_clear_error();
  EVP_PKEY* pkey = nullptr;
  bool tried_private = is_private;
  if (!is_private && pem) {
    bool recognized = false;
    pkey = ParsePublicPem(data, &recognized);
    tried_private = !recognized;  // a private key's PEM gives its public half
  } else if (!is_private && structure == "spki") {
    const unsigned char* p = Data(data);
    pkey = d2i_PUBKEY(nullptr, &p, static_cast<long>(data.size()));  // NOLINT(runtime/int)
  } else if (!is_private && structure == "pkcs1" && !IsRsaPrivateKeyDer(data)) {
    const unsigned char* p = Data(data);
    pkey = d2i_PublicKey(EVP_PKEY_RSA, nullptr, &p, static_cast<long>(data.size()));  // NOLINT(runtime/int)
  } else {
    tried_private = true;
  }
  if (pkey == nullptr && tried_private) {
    pkey = ParsePrivate(pem, structure, data, has_passphrase ? &passphrase : nullptr);
    unsigned long error = ERR_peek_error();  // NOLINT(runtime/int): OpenSSL's type
    if (pkey == nullptr && !has_passphrase && ERR_GET_LIB(error) == ERR_LIB_PEM &&
        ERR_GET_REASON(error) == PEM_R_BAD_PASSWORD_READ) {
      ERR_clear_error();
      return ThrowError(isolate, ErrorKind::kTypeError, "Passphrase required for encrypted key",
                        "ERR_MISSING_PASSPHRASE");
    }
  }
  if (pkey == nullptr) return ThrowOpenSslError(isolate, "Failed to read asymmetric key");
  ERR_clear_error();
  self->SetKey(pkey, is_private);
}

void InitPublicOf(const Info& info) {
  KeyState* self = Self(info);
  KeyState* source = NativeStateOf<KeyState>(info[0], kKeyHandleClass);
  if (self == nullptr || source == nullptr || source->pkey() == nullptr) return;
  EVP_PKEY* copy = FromDer(ToDer(source->pkey(), false), false);
  if (copy == nullptr) return ThrowOpenSslError(info.GetIsolate(), "Failed to derive the public key");
  self->SetKey(copy, false);
}

// The bytes of `object[key]` (an ArrayBuffer or view), or "".
std::string Field(v8::Isolate* isolate, v8::Local<v8::Object> object, const char* key) {
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::String> name;
  v8::Local<v8::Value> value;
  std::string bytes;
  if (NewString(isolate, key).ToLocal(&name) && object->Get(context, name).ToLocal(&value)) {
    ReadBytes(isolate, value, Encoding::kUtf8, &bytes);
  }
  return bytes;
}

EVP_PKEY* FromParams(const char* type, OSSL_PARAM_BLD* build, bool is_private) {
  OSSL_PARAM* params = OSSL_PARAM_BLD_to_param(build);
  EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr);
  EVP_PKEY* pkey = nullptr;
  if (params != nullptr && ctx != nullptr && EVP_PKEY_fromdata_init(ctx) == 1) {
    EVP_PKEY_fromdata(ctx, &pkey, is_private ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY, params);
  }
  EVP_PKEY_CTX_free(ctx);
  OSSL_PARAM_free(params);
  return pkey;
}

BIGNUM* Bn(const std::string& bytes) {
  return BN_bin2bn(Data(bytes), static_cast<int>(bytes.size()), nullptr);
}

// initJwk(isPrivate, kty, crv, fields) -> false when the fields make no key
void InitJwk(const Info& info) {
  KeyState* self = Self(info);
  if (self == nullptr || !info[3]->IsObject()) return;
  v8::Isolate* isolate = info.GetIsolate();
  bool is_private = info[0]->IsTrue();
  std::string kty = StringArg(isolate, info[1]);
  std::string crv = StringArg(isolate, info[2]);
  v8::Local<v8::Object> fields = info[3].As<v8::Object>();
  EVP_PKEY* pkey = nullptr;
  if (kty == "OKP") {
    int id = crv == "Ed25519" ? EVP_PKEY_ED25519 : crv == "Ed448" ? EVP_PKEY_ED448
           : crv == "X25519"  ? EVP_PKEY_X25519  : crv == "X448"  ? EVP_PKEY_X448 : 0;
    std::string raw = Field(isolate, fields, is_private ? "d" : "x");
    if (id != 0) {
      pkey = is_private ? EVP_PKEY_new_raw_private_key(id, nullptr, Data(raw), raw.size())
                        : EVP_PKEY_new_raw_public_key(id, nullptr, Data(raw), raw.size());
    }
  } else if (kty == "EC") {
    const char* group = crv == "P-256" ? "prime256v1" : crv == "P-384" ? "secp384r1"
                      : crv == "P-521" ? "secp521r1"  : crv == "secp256k1" ? "secp256k1" : nullptr;
    std::string point = "\x04" + Field(isolate, fields, "x") + Field(isolate, fields, "y");
    OSSL_PARAM_BLD* build = OSSL_PARAM_BLD_new();
    BIGNUM* d = is_private ? Bn(Field(isolate, fields, "d")) : nullptr;
    if (group != nullptr && build != nullptr &&
        OSSL_PARAM_BLD_push_utf8_string(build, OSSL_PKEY_PARAM_GROUP_NAME, group, 0) == 1 &&
        OSSL_PARAM_BLD_push_octet_string(build, OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size()) == 1 &&
        (d == nullptr || OSSL_PARAM_BLD_push_BN(build, OSSL_PKEY_PARAM_PRIV_KEY, d) == 1)) {
      pkey = FromParams("EC", build, is_private);
    }
    BN_clear_free(d);
    OSSL_PARAM_BLD_free(build);
  } else if (kty == "RSA") {
    static constexpr const char* kNames[][2] = {
        {"n", OSSL_PKEY_PARAM_RSA_N},         {"e", OSSL_PKEY_PARAM_RSA_E},
        {"d", OSSL_PKEY_PARAM_RSA_D},         {"p", OSSL_PKEY_PARAM_RSA_FACTOR1},
        {"q", OSSL_PKEY_PARAM_RSA_FACTOR2},   {"dp", OSSL_PKEY_PARAM_RSA_EXPONENT1},
        {"dq", OSSL_PKEY_PARAM_RSA_EXPONENT2}, {"qi", OSSL_PKEY_PARAM_RSA_COEFFICIENT1}};
    OSSL_PARAM_BLD* build = OSSL_PARAM_BLD_new();
    std::vector<BIGNUM*> numbers;
    bool ok = build != nullptr;
    for (size_t i = 0; ok && i < (is_private ? 8u : 2u); ++i) {
      numbers.push_back(Bn(Field(isolate, fields, kNames[i][0])));
      ok = numbers.back() != nullptr && OSSL_PARAM_BLD_push_BN(build, kNames[i][1], numbers.back()) == 1;
    }
    if (ok) pkey = FromParams("RSA", build, is_private);
    for (BIGNUM* number : numbers) BN_clear_free(number);
    OSSL_PARAM_BLD_free(build);
  }
  ERR_clear_error();
  if (pkey == nullptr) return info.GetReturnValue().Set(false);
  self->SetKey(pkey, is_private);
  info.GetReturnValue().Set(true);
}

void KeyType(const Info& info) {
  KeyState* self = Self(info);
  if (self == nullptr) return;
  const char* type = self->kind() == KeyState::Kind::kSecret    ? "secret"
                     : self->kind() == KeyState::Kind::kPrivate ? "private"
                                                                : "public";
  v8::Local<v8::String> name;
  if (NewString(info.GetIsolate(), type).ToLocal(&name)) info.GetReturnValue().Set(name);
}

const char* AsymmetricType(EVP_PKEY* pkey) {
  switch (EVP_PKEY_get_id(pkey)) {
    case EVP_PKEY_RSA: return "rsa";
    case EVP_PKEY_RSA_PSS: return "rsa-pss";
    case EVP_PKEY_DSA: return "dsa";
    case EVP_PKEY_DH: return "dh";
    case EVP_PKEY_EC: return "ec";
    case EVP_PKEY_ED25519: return "ed25519";
    case EVP_PKEY_ED448: return "ed448";
    case EVP_PKEY_X25519: return "x25519";
    case EVP_PKEY_X448: return "x448";
    default: return nullptr;
  }
}

void AsymmetricKeyType(const Info& info) {
  KeyState* self = Self(info);
  if (self == nullptr || self->pkey() == nullptr) return;
  v8::Local<v8::String> name;
  const char* type = AsymmetricType(self->pkey());
  if (type != nullptr && NewString(info.GetIsolate(), type).ToLocal(&name)) {
    info.GetReturnValue().Set(name);
  }
}

void SetOn(v8::Isolate* isolate, v8::Local<v8::Object> object, const char* key, v8::Local<v8::Value> value) {
  v8::Local<v8::String> name;
  if (NewString(isolate, key).ToLocal(&name)) object->Set(isolate->GetCurrentContext(), name, value).IsJust();
}

// An RSA-PSS key's restrictions, as its SPKI's RSASSA-PSS-params hold
// them (none: Node adds nothing); absent fields have RFC 8017's defaults.
void AddPssDetails(v8::Isolate* isolate, EVP_PKEY* pkey, v8::Local<v8::Object> details) {
  X509_PUBKEY* spki = nullptr;
  if (X509_PUBKEY_set(&spki, pkey) != 1) return;
  X509_ALGOR* algorithm = nullptr;
  const ASN1_OBJECT* oid = nullptr;
  int param_type = 0;
  const void* param = nullptr;
  RSA_PSS_PARAMS* pss = nullptr;
  if (X509_PUBKEY_get0_param(nullptr, nullptr, nullptr, &algorithm, spki) == 1 && algorithm != nullptr) {
    X509_ALGOR_get0(&oid, &param_type, &param, algorithm);
    if (param_type == V_ASN1_SEQUENCE) {
      pss = static_cast<RSA_PSS_PARAMS*>(ASN1_item_unpack(static_cast<const ASN1_STRING*>(param),
                                                          ASN1_ITEM_rptr(RSA_PSS_PARAMS)));
    }
  }
  if (pss != nullptr) {
    auto name = [&](int nid) {
      const char* text = OBJ_nid2ln(nid);
      return NewString(isolate, text != nullptr ? text : "").FromMaybe(v8::String::Empty(isolate));
    };
    int hash = pss->hashAlgorithm != nullptr ? OBJ_obj2nid(pss->hashAlgorithm->algorithm) : NID_sha1;
    SetOn(isolate, details, "hashAlgorithm", name(hash));
    int mgf = pss->maskGenAlgorithm != nullptr ? OBJ_obj2nid(pss->maskGenAlgorithm->algorithm) : NID_mgf1;
    if (mgf == NID_mgf1) {
      // MGF1's digest is the mask algorithm's parameter, an AlgorithmIdentifier.
      X509_ALGOR* mask_hash = nullptr;
      if (pss->maskGenAlgorithm != nullptr && pss->maskGenAlgorithm->parameter != nullptr) {
        mask_hash = static_cast<X509_ALGOR*>(
            ASN1_TYPE_unpack_sequence(ASN1_ITEM_rptr(X509_ALGOR), pss->maskGenAlgorithm->parameter));
      }
      int mgf1_hash = mask_hash != nullptr ? OBJ_obj2nid(mask_hash->algorithm) : NID_sha1;
      X509_ALGOR_free(mask_hash);
      SetOn(isolate, details, "mgf1HashAlgorithm", name(mgf1_hash));
    }
    long salt = pss->saltLength != nullptr ? ASN1_INTEGER_get(pss->saltLength) : 20;  // NOLINT(runtime/int)
    SetOn(isolate, details, "saltLength", v8::Number::New(isolate, static_cast<double>(salt)));
  }
  RSA_PSS_PARAMS_free(pss);
  X509_PUBKEY_free(spki);
}

void Details(const Info& info) {
  KeyState* self = Self(info);
  if (self == nullptr || self->pkey() == nullptr) return;
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Object> details = v8::Object::New(isolate);
  EVP_PKEY* pkey = self->pkey();
  int id = EVP_PKEY_get_id(pkey);
  if (id == EVP_PKEY_EC) {
    char group[80];
    size_t length = 0;
    if (EVP_PKEY_get_utf8_string_param(pkey, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof(group), &length) == 1) {
      v8::Local<v8::String> text;
      if (NewString(isolate, group).ToLocal(&text)) SetOn(isolate, details, "namedCurve", text);
    }
  } else if (id == EVP_PKEY_RSA || id == EVP_PKEY_RSA_PSS) {
    SetOn(isolate, details, "modulusLength", v8::Integer::New(isolate, EVP_PKEY_get_bits(pkey)));
    BIGNUM* e = nullptr;
    if (EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_RSA_E, &e) == 1) {
      SetOn(isolate, details, "publicExponent",
            v8::BigInt::NewFromUnsigned(isolate, BN_get_word(e)));
    }
    BN_free(e);
    if (id == EVP_PKEY_RSA_PSS) AddPssDetails(isolate, pkey, details);
  } else if (id == EVP_PKEY_DSA) {
    BIGNUM* p = nullptr;
    BIGNUM* q = nullptr;
    if (EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_FFC_P, &p) == 1 &&
        EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_FFC_Q, &q) == 1) {
      SetOn(isolate, details, "modulusLength", v8::Integer::New(isolate, BN_num_bits(p)));
      SetOn(isolate, details, "divisorLength", v8::Integer::New(isolate, BN_num_bits(q)));
    }
    BN_free(p);
    BN_free(q);
  }
  ERR_clear_error();
  info.GetReturnValue().Set(details);
}

void SymmetricKeySize(const Info& info) {
  if (KeyState* self = Self(info)) {
    info.GetReturnValue().Set(static_cast<double>(self->secret().size()));
  }
}

void ExportSecret(const Info& info) {
  KeyState* self = Self(info);
  if (self == nullptr) return;
  const std::string& secret = self->secret();
  info.GetReturnValue().Set(NewArrayBufferCopy(
      info.GetIsolate(), absl::MakeConstSpan(reinterpret_cast<const uint8_t*>(secret.data()), secret.size())));
}

// export(format 'pem' | 'der', structure, cipher?, passphrase?)
void Export(const Info& info) {
  KeyState* self = Self(info);
  if (self == nullptr || self->pkey() == nullptr) return;
  v8::Isolate* isolate = info.GetIsolate();
  bool pem = StringArg(isolate, info[0]) == "pem";
  std::string structure = StringArg(isolate, info[1]);
  bool is_private = self->kind() == KeyState::Kind::kPrivate;
  std::string cipher_name = info[2]->IsString() ? StringArg(isolate, info[2]) : "";
  std::string passphrase;
  bool has_passphrase = ReadBytes(isolate, info[3], Encoding::kUtf8, &passphrase);
  const char* encoder_structure = structure == "spki"    ? "SubjectPublicKeyInfo"
                                  : structure == "pkcs8" ? (cipher_name.empty() ? "PrivateKeyInfo"
                                                                                : "EncryptedPrivateKeyInfo")
                                                         : "type-specific";
  int selection = is_private ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY;
  if (structure == "spki") selection = EVP_PKEY_PUBLIC_KEY;
  ERR_clear_error();
  if (!cipher_name.empty() && (structure == "pkcs8" || pem)) {
    // Encrypted keys as Node writes them (an empty passphrase included):
    // PKCS#8, or PKCS#1 / SEC1 PEM with a DEK-Info header.
    const EVP_CIPHER* cipher = EVP_get_cipherbyname(cipher_name.c_str());
    BIO* bio = BIO_new(BIO_s_mem());
    char* pass = has_passphrase ? passphrase.data() : nullptr;
    int pass_length = static_cast<int>(passphrase.size());
    bool written = cipher != nullptr && bio != nullptr &&
                   (structure != "pkcs8"
                        ? PEM_write_bio_PrivateKey_traditional(bio, self->pkey(), cipher,
                                                               reinterpret_cast<unsigned char*>(pass), pass_length,
                                                               nullptr, nullptr)
                    : pem ? PEM_write_bio_PKCS8PrivateKey(bio, self->pkey(), cipher, pass, pass_length, nullptr, nullptr)
                          : i2d_PKCS8PrivateKey_bio(bio, self->pkey(), cipher, pass, pass_length, nullptr, nullptr)) == 1;
    BUF_MEM* memory = nullptr;
    if (written) BIO_get_mem_ptr(bio, &memory);
    v8::Local<v8::Value> result;
    if (memory != nullptr && pem) {
      v8::Local<v8::String> text;
      if (v8::String::NewFromUtf8(isolate, memory->data, v8::NewStringType::kNormal, static_cast<int>(memory->length))
              .ToLocal(&text)) {
        result = text;
      }
    } else if (memory != nullptr) {
      result = NewArrayBufferCopy(isolate, absl::MakeConstSpan(reinterpret_cast<uint8_t*>(memory->data), memory->length));
    }
    BIO_free(bio);
    if (!written) return ThrowOpenSslError(isolate, "Failed to encode the key");
    if (!result.IsEmpty()) info.GetReturnValue().Set(result);
    return;
  }
  OSSL_ENCODER_CTX* ctx = OSSL_ENCODER_CTX_new_for_pkey(self->pkey(), selection, pem ? "PEM" : "DER",
                                                        encoder_structure, nullptr);
  bool ok = ctx != nullptr && OSSL_ENCODER_CTX_get_num_encoders(ctx) > 0;
  if (ok && !cipher_name.empty()) {
    ok = OSSL_ENCODER_CTX_set_cipher(ctx, cipher_name.c_str(), nullptr) == 1 &&
         (!has_passphrase ||
          OSSL_ENCODER_CTX_set_passphrase(ctx, Data(passphrase), passphrase.size()) == 1);
  }
  unsigned char* out = nullptr;
  size_t length = 0;
  ok = ok && OSSL_ENCODER_to_data(ctx, &out, &length) == 1;
  OSSL_ENCODER_CTX_free(ctx);
  if (!ok) {
    OPENSSL_free(out);
    return ThrowOpenSslError(isolate, "Failed to encode the key");
  }
  v8::Local<v8::Value> result;
  if (pem) {
    v8::Local<v8::String> text;
    if (v8::String::NewFromUtf8(isolate, reinterpret_cast<const char*>(out), v8::NewStringType::kNormal,
                                static_cast<int>(length)).ToLocal(&text)) {
      result = text;
    }
  } else {
    result = NewArrayBufferCopy(isolate, absl::MakeConstSpan(out, length));
  }
  OPENSSL_free(out);
  if (!result.IsEmpty()) info.GetReturnValue().Set(result);
}

v8::Local<v8::Value> BnBytes(v8::Isolate* isolate, EVP_PKEY* pkey, const char* name, int pad) {
  BIGNUM* number = nullptr;
  if (EVP_PKEY_get_bn_param(pkey, name, &number) != 1) return v8::Undefined(isolate);
  int size = std::max(pad, BN_num_bytes(number));
  std::vector<uint8_t> bytes(static_cast<size_t>(size));
  BN_bn2binpad(number, bytes.data(), size);
  BN_clear_free(number);
  return NewArrayBufferCopy(isolate, bytes);
}

// exportJwk() -> {kty, crv?, x?, y?, d?, n?, e?, ...} with bytes as
// ArrayBuffers (crypto_keys.js encodes them as base64url), or undefined.
void ExportJwk(const Info& info) {
  KeyState* self = Self(info);
  if (self == nullptr || self->pkey() == nullptr) return;
  v8::Isolate* isolate = info.GetIsolate();
  EVP_PKEY* pkey = self->pkey();
  bool is_private = self->kind() == KeyState::Kind::kPrivate;
  v8::Local<v8::Object> jwk = v8::Object::New(isolate);
  // Short literals: never too long, so the empty string only stands in.
  auto text = [&](const char* value) {
    return NewString(isolate, value).FromMaybe(v8::String::Empty(isolate));
  };
  int id = EVP_PKEY_get_id(pkey);
  if (id == EVP_PKEY_ED25519 || id == EVP_PKEY_ED448 || id == EVP_PKEY_X25519 || id == EVP_PKEY_X448) {
    SetOn(isolate, jwk, "kty", text("OKP"));
    SetOn(isolate, jwk, "crv", text(id == EVP_PKEY_ED25519 ? "Ed25519" : id == EVP_PKEY_ED448 ? "Ed448"
                                    : id == EVP_PKEY_X25519 ? "X25519" : "X448"));
    std::vector<uint8_t> raw(64);
    size_t length = raw.size();
    if (EVP_PKEY_get_raw_public_key(pkey, raw.data(), &length) == 1) {
      SetOn(isolate, jwk, "x", NewArrayBufferCopy(isolate, absl::MakeConstSpan(raw.data(), length)));
    }
    length = raw.size();
    if (is_private && EVP_PKEY_get_raw_private_key(pkey, raw.data(), &length) == 1) {
      SetOn(isolate, jwk, "d", NewArrayBufferCopy(isolate, absl::MakeConstSpan(raw.data(), length)));
    }
  } else if (id == EVP_PKEY_EC) {
    char group[80];
    size_t length = 0;
    EVP_PKEY_get_utf8_string_param(pkey, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof(group), &length);
    std::string name = group;
    const char* crv = name == "prime256v1" ? "P-256" : name == "secp384r1" ? "P-384"
                    : name == "secp521r1" ? "P-521" : name == "secp256k1" ? "secp256k1" : nullptr;
    if (crv == nullptr) return;  // JS throws Node's ERR_CRYPTO_JWK_UNSUPPORTED_CURVE
    int field = (EVP_PKEY_get_bits(pkey) + 7) / 8;
    SetOn(isolate, jwk, "kty", text("EC"));
    SetOn(isolate, jwk, "x", BnBytes(isolate, pkey, OSSL_PKEY_PARAM_EC_PUB_X, field));
    SetOn(isolate, jwk, "y", BnBytes(isolate, pkey, OSSL_PKEY_PARAM_EC_PUB_Y, field));
    SetOn(isolate, jwk, "crv", text(crv));
    if (is_private) SetOn(isolate, jwk, "d", BnBytes(isolate, pkey, OSSL_PKEY_PARAM_PRIV_KEY, field));
  } else if (id == EVP_PKEY_RSA) {
    SetOn(isolate, jwk, "kty", text("RSA"));
    SetOn(isolate, jwk, "n", BnBytes(isolate, pkey, OSSL_PKEY_PARAM_RSA_N, 0));
    SetOn(isolate, jwk, "e", BnBytes(isolate, pkey, OSSL_PKEY_PARAM_RSA_E, 0));
    if (is_private) {
      SetOn(isolate, jwk, "d", BnBytes(isolate, pkey, OSSL_PKEY_PARAM_RSA_D, 0));
      SetOn(isolate, jwk, "p", BnBytes(isolate, pkey, OSSL_PKEY_PARAM_RSA_FACTOR1, 0));
      SetOn(isolate, jwk, "q", BnBytes(isolate, pkey, OSSL_PKEY_PARAM_RSA_FACTOR2, 0));
      SetOn(isolate, jwk, "dp", BnBytes(isolate, pkey, OSSL_PKEY_PARAM_RSA_EXPONENT1, 0));
      SetOn(isolate, jwk, "dq", BnBytes(isolate, pkey, OSSL_PKEY_PARAM_RSA_EXPONENT2, 0));
      SetOn(isolate, jwk, "qi", BnBytes(isolate, pkey, OSSL_PKEY_PARAM_RSA_COEFFICIENT1, 0));
    }
  } else {
    return;
  }
  info.GetReturnValue().Set(jwk);
}

void Equals(const Info& info) {
  KeyState* self = Self(info);
  KeyState* other = NativeStateOf<KeyState>(info[0], kKeyHandleClass);
  if (self == nullptr || other == nullptr) return;
  bool same;
  if (self->kind() == KeyState::Kind::kSecret || other->kind() == KeyState::Kind::kSecret) {
    same = self->kind() == other->kind() && self->secret().size() == other->secret().size() &&
           CRYPTO_memcmp(self->secret().data(), other->secret().data(), self->secret().size()) == 0;
  } else {
    same = self->kind() == other->kind() && EVP_PKEY_eq(self->pkey(), other->pkey()) == 1;
  }
  ERR_clear_error();
  info.GetReturnValue().Set(same);
}

constexpr NativeMethod kMethods[] = {
    {"initSecret", InitSecret, 1},
    {"initParse", InitParse, 5},
    {"initJwk", InitJwk, 4},
    {"initPublicOf", InitPublicOf, 1},
    {"keyType", KeyType, 0},
    {"asymmetricKeyType", AsymmetricKeyType, 0},
    {"details", Details, 0},
    {"symmetricKeySize", SymmetricKeySize, 0},
    {"exportSecret", ExportSecret, 0},
    {"export", Export, 4},
    {"exportJwk", ExportJwk, 0},
    {"equals", Equals, 1},
};

const NativeClass kKeyHandleClass{"CryptoKeyHandle", Construct, 0, kMethods, {}, KeyState::Restore, 1};

}  // namespace

EVP_PKEY* KeyOf(v8::Local<v8::Value> handle, bool* is_private) {
  KeyState* state = NativeStateOf<KeyState>(handle, kKeyHandleClass);
  if (state == nullptr || state->pkey() == nullptr) return nullptr;
  *is_private = state->kind() == KeyState::Kind::kPrivate;
  return state->pkey();
}

bool AdoptKey(v8::Local<v8::Value> handle, EVP_PKEY* pkey, bool is_private) {
  KeyState* state = NativeStateOf<KeyState>(handle, kKeyHandleClass);
  if (state == nullptr || pkey == nullptr || state->kind() != KeyState::Kind::kNone) return false;
  state->SetKey(pkey, is_private);
  return true;
}

const NativeClass& CryptoKeyHandleClass() { return kKeyHandleClass; }

}  // namespace toysnap::node
