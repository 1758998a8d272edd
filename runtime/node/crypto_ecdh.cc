// Elliptic-curve Diffie-Hellman as the native class ECDH (Node's handle
// name), behind runtime/js/crypto_dh.js's ECDH, and ECDH.convertKey. JS API:
//   new ECDH(curve)               OpenSSL's short name ('prime256v1', 'secp256k1')
//   generateKeys()   computeSecret(bytes) -> ArrayBuffer, or the string
//     'ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY' for a point not on the curve (JS throws)
//   getPublicKey(form 2 | 4 | 6) getPrivateKey() -> ArrayBuffer
//   setPublicKey(bytes) setPrivateKey(bytes)
//   cryptoEcdhConvertKey(bytes, curve, form) -> ArrayBuffer ('' for no bytes)
// Node 20 drives OpenSSL's EC_KEY API (deprecated in 3.0, still built): this
// does the same, so its checks and errors match. A key survives a snapshot
// as its curve, private number and public point.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/ecdh.h>
#include <openssl/err.h>
#include <openssl/objects.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "runtime/native_util.h"
#include "runtime/node/crypto_bytes.h"
#include "runtime/node/crypto_dh.h"
#include "v8-primitive.h"

namespace toysnap::node {
namespace {

using Info = v8::FunctionCallbackInfo<v8::Value>;

struct EcKeyFree {
  void operator()(EC_KEY* key) const { EC_KEY_free(key); }
};
using EcKey = std::unique_ptr<EC_KEY, EcKeyFree>;
struct PointFree {
  void operator()(EC_POINT* point) const { EC_POINT_free(point); }
};
using Point = std::unique_ptr<EC_POINT, PointFree>;
struct GroupFree {
  void operator()(EC_GROUP* group) const { EC_GROUP_free(group); }
};
using Group = std::unique_ptr<EC_GROUP, GroupFree>;

// Forgets the errors a call leaves queued, as Node's MarkPopErrorOnReturn.
class ErrorMark {
 public:
  ErrorMark() { ERR_set_mark(); }
  ~ErrorMark() { ERR_pop_to_mark(); }
};

void OperationFailed(v8::Isolate* isolate, const char* message) {
  ThrowError(isolate, ErrorKind::kError, message, "ERR_CRYPTO_OPERATION_FAILED");
}

std::string PointBytes(const EC_GROUP* group, const EC_POINT* point, point_conversion_form_t form) {
  size_t length = EC_POINT_point2oct(group, point, form, nullptr, 0, nullptr);
  std::string out(length, '\0');
  if (length == 0 ||
      EC_POINT_point2oct(group, point, form, reinterpret_cast<unsigned char*>(out.data()), length, nullptr) != length) {
    return "";
  }
  return out;
}

// Null for bytes that are no point of `group`.
Point PointFrom(const EC_GROUP* group, absl::Span<const uint8_t> bytes) {
  Point point(EC_POINT_new(group));
  if (point == nullptr || EC_POINT_oct2point(group, point.get(), bytes.data(), bytes.size(), nullptr) != 1) {
    return nullptr;
  }
  return point;
}

class EcdhState final : public NativeState {
 public:
  EcdhState(int nid, EcKey key) : nid_(nid), key_(std::move(key)) {}

  // "<nid>\n<private key length>\n<private key><public point, uncompressed>"
  std::string Serialize() const override {
    const BIGNUM* priv = EC_KEY_get0_private_key(key_.get());
    const EC_POINT* pub = EC_KEY_get0_public_key(key_.get());
    std::string priv_bytes;
    if (priv != nullptr) {
      priv_bytes.resize(static_cast<size_t>(BN_num_bytes(priv)));
      BN_bn2bin(priv, reinterpret_cast<unsigned char*>(priv_bytes.data()));
    }
    std::string pub_bytes = pub != nullptr ? PointBytes(group(), pub, POINT_CONVERSION_UNCOMPRESSED) : "";
    return absl::StrCat(nid_, "\n", priv != nullptr ? static_cast<int64_t>(priv_bytes.size()) : -1, "\n",
                        priv_bytes, pub_bytes);
  }

  static absl::StatusOr<std::unique_ptr<NativeState>> Restore(absl::string_view bytes) {
    size_t first = bytes.find('\n');
    size_t second = first == absl::string_view::npos ? first : bytes.find('\n', first + 1);
    int nid = 0;
    int64_t priv_length = 0;
    if (second == absl::string_view::npos || !absl::SimpleAtoi(bytes.substr(0, first), &nid) ||
        !absl::SimpleAtoi(bytes.substr(first + 1, second - first - 1), &priv_length) ||
        priv_length > static_cast<int64_t>(bytes.size() - second - 1)) {
      return absl::DataLossError("bad ECDH state");
    }
    EcKey key(EC_KEY_new_by_curve_name(nid));
    if (key == nullptr) return absl::DataLossError("ECDH: curve no longer available");
    absl::string_view rest = bytes.substr(second + 1);
    if (priv_length >= 0) {
      Bn priv(BN_bin2bn(reinterpret_cast<const unsigned char*>(rest.data()), static_cast<int>(priv_length), nullptr));
      if (priv == nullptr || EC_KEY_set_private_key(key.get(), priv.get()) != 1) {
        return absl::DataLossError("ECDH: bad private key");
      }
      rest.remove_prefix(static_cast<size_t>(priv_length));
    }
    if (!rest.empty()) {
      const EC_GROUP* group = EC_KEY_get0_group(key.get());
      Point pub = PointFrom(group, absl::MakeConstSpan(reinterpret_cast<const uint8_t*>(rest.data()), rest.size()));
      if (pub == nullptr || EC_KEY_set_public_key(key.get(), pub.get()) != 1) {
        return absl::DataLossError("ECDH: bad public key");
      }
    }
    return std::make_unique<EcdhState>(nid, std::move(key));
  }

  EC_KEY* key() const { return key_.get(); }
  const EC_GROUP* group() const { return EC_KEY_get0_group(key_.get()); }
  void Replace(EcKey key) { key_ = std::move(key); }

 private:
  int nid_;
  EcKey key_;  // never null
};

extern const NativeClass kEcdhClass;

EcdhState* Self(const Info& info) { return UnwrapNativeState<EcdhState>(info, kEcdhClass); }

// NID_undef for anything but a curve's short name (JS passes strings only;
// converting anything else could run JS).
int CurveNid(v8::Isolate* isolate, v8::Local<v8::Value> name) {
  if (!name->IsString()) return NID_undef;
  v8::String::Utf8Value text(isolate, name);
  return *text != nullptr ? OBJ_sn2nid(*text) : NID_undef;
}

void InvalidCurve(v8::Isolate* isolate) {
  ThrowError(isolate, ErrorKind::kTypeError, "Invalid EC curve name", "ERR_CRYPTO_INVALID_CURVE");
}

void Construct(const Info& info) {
  v8::Isolate* isolate = info.GetIsolate();
  if (!info.IsConstructCall()) return ThrowError(isolate, ErrorKind::kTypeError, "Illegal constructor");
  ErrorMark mark;
  int nid = CurveNid(isolate, info[0]);
  if (nid == NID_undef) return InvalidCurve(isolate);
  EcKey key(EC_KEY_new_by_curve_name(nid));
  if (key == nullptr) return OperationFailed(isolate, "Failed to create key using named curve");
  WrapNativeState(info.This(), kEcdhClass, std::make_unique<EcdhState>(nid, std::move(key)));
}

void ReturnBytes(const Info& info, absl::string_view bytes) {
  info.GetReturnValue().Set(NewArrayBufferCopy(
      info.GetIsolate(), absl::MakeConstSpan(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size())));
}

void GenerateKeys(const Info& info) {
  EcdhState* self = Self(info);
  if (self == nullptr) return;
  ErrorMark mark;
  if (EC_KEY_generate_key(self->key()) != 1) OperationFailed(info.GetIsolate(), "Failed to generate key");
}

void ComputeSecret(const Info& info) {
  EcdhState* self = Self(info);
  if (self == nullptr) return;
  v8::Isolate* isolate = info.GetIsolate();
  absl::Span<const uint8_t> bytes;
  if (!DhBytesArg(isolate, info[0], "buffer is too big", &bytes)) return;
  ErrorMark mark;
  if (EC_KEY_check_key(self->key()) != 1) {
    return ThrowError(isolate, ErrorKind::kRangeError, "Invalid key pair", "ERR_CRYPTO_INVALID_KEYPAIR");
  }
  Point pub = PointFrom(self->group(), bytes);
  if (pub == nullptr) {
    v8::Local<v8::String> marker;
    if (v8::String::NewFromUtf8(isolate, "ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY").ToLocal(&marker)) {
      info.GetReturnValue().Set(marker);
    }
    return;
  }
  std::string secret(static_cast<size_t>((EC_GROUP_get_degree(self->group()) + 7) / 8), '\0');
  if (ECDH_compute_key(secret.data(), secret.size(), pub.get(), self->key(), nullptr) <= 0) {
    return OperationFailed(isolate, "Failed to compute ECDH key");
  }
  ReturnBytes(info, secret);
}

// Forms are POINT_CONVERSION_COMPRESSED (2), _UNCOMPRESSED (4), _HYBRID (6).
bool FormArg(v8::Local<v8::Value> value, point_conversion_form_t* form) {
  if (!value->IsUint32()) return false;
  uint32_t number = value.As<v8::Uint32>()->Value();
  if (number != POINT_CONVERSION_COMPRESSED && number != POINT_CONVERSION_UNCOMPRESSED &&
      number != POINT_CONVERSION_HYBRID) {
    return false;
  }
  *form = static_cast<point_conversion_form_t>(number);
  return true;
}

void ReturnPoint(const Info& info, const EC_GROUP* group, const EC_POINT* point, v8::Local<v8::Value> form_arg) {
  point_conversion_form_t form = POINT_CONVERSION_UNCOMPRESSED;
  if (!FormArg(form_arg, &form)) return ThrowError(info.GetIsolate(), ErrorKind::kTypeError, "Invalid ECDH format");
  std::string bytes = PointBytes(group, point, form);
  if (bytes.empty()) return OperationFailed(info.GetIsolate(), "Failed to get public key");
  ReturnBytes(info, bytes);
}

void GetPublicKey(const Info& info) {
  EcdhState* self = Self(info);
  if (self == nullptr) return;
  const EC_POINT* pub = EC_KEY_get0_public_key(self->key());
  if (pub == nullptr) return OperationFailed(info.GetIsolate(), "Failed to get ECDH public key");
  ErrorMark mark;
  ReturnPoint(info, self->group(), pub, info[0]);
}

// Not padded to the order's size: Node returns the number's own bytes.
void GetPrivateKey(const Info& info) {
  EcdhState* self = Self(info);
  if (self == nullptr) return;
  const BIGNUM* priv = EC_KEY_get0_private_key(self->key());
  if (priv == nullptr) return OperationFailed(info.GetIsolate(), "Failed to get ECDH private key");
  std::string bytes(static_cast<size_t>(BN_num_bytes(priv)), '\0');
  BN_bn2bin(priv, reinterpret_cast<unsigned char*>(bytes.data()));
  ReturnBytes(info, bytes);
}

// A private key in [1, order - 1] replaces the pair, with its public point.
void SetPrivateKey(const Info& info) {
  EcdhState* self = Self(info);
  if (self == nullptr) return;
  v8::Isolate* isolate = info.GetIsolate();
  absl::Span<const uint8_t> bytes;
  if (!DhBytesArg(isolate, info[0], "key is too big", &bytes)) return;
  ErrorMark mark;
  Bn priv(BN_bin2bn(bytes.data(), static_cast<int>(bytes.size()), nullptr));
  if (priv == nullptr) return OperationFailed(isolate, "Failed to convert Buffer to BN");
  Bn order(BN_new());
  if (order == nullptr || BN_cmp(priv.get(), BN_value_one()) < 0 ||
      EC_GROUP_get_order(self->group(), order.get(), nullptr) != 1 || BN_cmp(priv.get(), order.get()) >= 0) {
    return ThrowError(isolate, ErrorKind::kRangeError, "Private key is not valid for specified curve.",
                      "ERR_CRYPTO_INVALID_KEYTYPE");
  }
  EcKey key(EC_KEY_dup(self->key()));
  if (key == nullptr || EC_KEY_set_private_key(key.get(), priv.get()) != 1) {
    return OperationFailed(isolate, "Failed to convert BN to a private key");
  }
  Point pub(EC_POINT_new(self->group()));
  if (pub == nullptr || EC_POINT_mul(self->group(), pub.get(), priv.get(), nullptr, nullptr, nullptr) != 1) {
    return OperationFailed(isolate, "Failed to generate ECDH public key");
  }
  if (EC_KEY_set_public_key(key.get(), pub.get()) != 1) {
    return OperationFailed(isolate, "Failed to set generated public key");
  }
  self->Replace(std::move(key));
}

void SetPublicKey(const Info& info) {
  EcdhState* self = Self(info);
  if (self == nullptr) return;
  v8::Isolate* isolate = info.GetIsolate();
  absl::Span<const uint8_t> bytes;
  if (!DhBytesArg(isolate, info[0], "buffer is too big", &bytes)) return;
  ErrorMark mark;
  Point pub = PointFrom(self->group(), bytes);
  if (pub == nullptr) return OperationFailed(isolate, "Failed to convert Buffer to EC_POINT");
  if (EC_KEY_set_public_key(self->key(), pub.get()) != 1) {
    return OperationFailed(isolate, "Failed to set EC_POINT as the public key");
  }
}

// cryptoEcdhConvertKey(bytes, curve, form)
void ConvertKey(const Info& info) {
  v8::Isolate* isolate = info.GetIsolate();
  absl::Span<const uint8_t> bytes;
  if (!DhBytesArg(isolate, info[0], "key is too big", &bytes)) return;
  if (bytes.empty()) return info.GetReturnValue().SetEmptyString();
  ErrorMark mark;
  int nid = CurveNid(isolate, info[1]);
  if (nid == NID_undef) return InvalidCurve(isolate);
  Group group(EC_GROUP_new_by_curve_name(nid));
  if (group == nullptr) return OperationFailed(isolate, "Failed to get EC_GROUP");
  Point point = PointFrom(group.get(), bytes);
  if (point == nullptr) return OperationFailed(isolate, "Failed to convert Buffer to EC_POINT");
  ReturnPoint(info, group.get(), point.get(), info[2]);
}

constexpr NativeMethod kMethods[] = {
    {"generateKeys", GenerateKeys, 0},   {"computeSecret", ComputeSecret, 1},
    {"getPublicKey", GetPublicKey, 1},   {"getPrivateKey", GetPrivateKey, 0},
    {"setPublicKey", SetPublicKey, 1},   {"setPrivateKey", SetPrivateKey, 1},
};

constexpr NativeFunction kFunctions[] = {
    {"cryptoEcdhConvertKey", ConvertKey, 3},
};

const NativeClass kEcdhClass{"ECDH", Construct, 1, kMethods, {}, EcdhState::Restore, 1};

}  // namespace

const NativeClass& CryptoEcdhClass() { return kEcdhClass; }
absl::Span<const NativeFunction> CryptoEcdhFunctions() { return kFunctions; }

}  // namespace toysnap::node
