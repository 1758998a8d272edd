// Finite-field Diffie-Hellman as the native classes DiffieHellman and
// DiffieHellmanGroup (its subclass: Node's handle names, which util.inspect
// shows), behind runtime/js/crypto_dh.js's DiffieHellman and
// DiffieHellmanGroup, and crypto.diffieHellman() on two KeyObjects. JS API:
//   new DiffieHellmanGroup(name)               modp1, modp2, modp5, modp14-18
//   new DiffieHellman(bits | prime bytes, generator int32 | bytes)
//     throws OpenSSL's error ("modulus too small", "bad generator") or
//     "Initialization failed", as Node
//   getVerifyError() -> DH_check's codes     generateKeys() -> the public key
//   computeSecret(bytes) -> the secret, zero-padded to the prime's size
//   getPrime() getGenerator() getPublicKey() getPrivateKey() -> ArrayBuffer
//   setPublicKey(bytes) setPrivateKey(bytes)
//   cryptoDiffieHellman(privateHandle, publicHandle) -> ArrayBuffer
// Node 20 drives OpenSSL's DH API (deprecated in 3.0, still built): this
// does the same, so verifyError's codes, key sizes and errors match it. A
// DH object survives a snapshot as its numbers.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/bn.h>
#include <openssl/dh.h>
#include <openssl/err.h>
#include <openssl/evp.h>

#include <cstring>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "runtime/native_util.h"
#include "runtime/node/crypto_bytes.h"
#include "runtime/node/crypto_dh.h"
#include "runtime/node/crypto_keys.h"
#include "v8-array-buffer.h"
#include "v8-primitive.h"

namespace toysnap::node {

bool DhBytesArg(v8::Isolate* isolate, v8::Local<v8::Value> value, const char* too_big,
                absl::Span<const uint8_t>* out) {
  const uint8_t* data = nullptr;
  size_t length = 0;
  if (value->IsArrayBufferView()) {
    v8::Local<v8::ArrayBufferView> view = value.As<v8::ArrayBufferView>();
    length = view->ByteLength();
    std::shared_ptr<v8::BackingStore> store = view->Buffer()->GetBackingStore();
    if (store->Data() != nullptr) data = static_cast<const uint8_t*>(store->Data()) + view->ByteOffset();
  } else if (value->IsArrayBuffer()) {
    std::shared_ptr<v8::BackingStore> store = value.As<v8::ArrayBuffer>()->GetBackingStore();
    data = static_cast<const uint8_t*>(store->Data());
    length = store->ByteLength();
  } else if (value->IsSharedArrayBuffer()) {
    std::shared_ptr<v8::BackingStore> store = value.As<v8::SharedArrayBuffer>()->GetBackingStore();
    data = static_cast<const uint8_t*>(store->Data());
    length = store->ByteLength();
  } else {
    ThrowError(isolate, ErrorKind::kTypeError, "expected an ArrayBuffer or a view of one");
    return false;
  }
  if (length > static_cast<size_t>(std::numeric_limits<int32_t>::max())) {
    ThrowError(isolate, ErrorKind::kRangeError, too_big, "ERR_OUT_OF_RANGE");
    return false;
  }
  static const uint8_t kNothing = 0;
  *out = absl::MakeConstSpan(data != nullptr ? data : &kNothing, data != nullptr ? length : 0);
  return true;
}

namespace {

using Info = v8::FunctionCallbackInfo<v8::Value>;

Bn BnFrom(absl::Span<const uint8_t> bytes) {
  return Bn(BN_bin2bn(bytes.data(), static_cast<int>(bytes.size()), nullptr));
}

std::vector<uint8_t> BnBytes(const BIGNUM* number) {
  std::vector<uint8_t> bytes(static_cast<size_t>(BN_num_bytes(number)));
  BN_bn2binpad(number, bytes.data(), static_cast<int>(bytes.size()));
  return bytes;
}

// Appends "<present><length, 4 bytes little-endian><bytes>".
void PutField(std::string* out, const BIGNUM* number) {
  std::vector<uint8_t> bytes = number != nullptr ? BnBytes(number) : std::vector<uint8_t>();
  out->push_back(number != nullptr ? 1 : 0);
  for (int shift = 0; shift < 32; shift += 8) out->push_back(static_cast<char>((bytes.size() >> shift) & 0xff));
  out->append(bytes.begin(), bytes.end());
}

// Reads what PutField wrote: false when `in` is too short.
bool GetField(absl::string_view* in, Bn* number) {
  if (in->size() < 5) return false;
  bool present = (*in)[0] != 0;
  size_t length = 0;
  for (int i = 0; i < 4; ++i) length |= static_cast<size_t>(static_cast<uint8_t>((*in)[1 + i])) << (8 * i);
  in->remove_prefix(5);
  if (in->size() < length) return false;
  if (present) {
    *number = BnFrom(absl::MakeConstSpan(reinterpret_cast<const uint8_t*>(in->data()), length));
    if (*number == nullptr) return false;
  }
  in->remove_prefix(length);
  return true;
}

class DhState final : public NativeState {
 public:
  explicit DhState(DH* dh) : dh_(dh) {}
  ~DhState() override { DH_free(dh_); }

  // The four numbers (p, g, public key, private key) then verifyError.
  std::string Serialize() const override {
    const BIGNUM *p, *g, *pub, *priv;
    DH_get0_pqg(dh_, &p, nullptr, &g);
    DH_get0_key(dh_, &pub, &priv);
    std::string out;
    for (const BIGNUM* number : {p, g, pub, priv}) PutField(&out, number);
    for (int shift = 0; shift < 32; shift += 8) {
      out.push_back(static_cast<char>((static_cast<uint32_t>(verify_error_) >> shift) & 0xff));
    }
    return out;
  }

  static absl::StatusOr<std::unique_ptr<NativeState>> Restore(absl::string_view bytes) {
    Bn numbers[4];
    for (Bn& number : numbers) {
      if (!GetField(&bytes, &number)) return absl::DataLossError("bad DiffieHellman state");
    }
    if (bytes.size() != 4 || numbers[0] == nullptr || numbers[1] == nullptr) {
      return absl::DataLossError("bad DiffieHellman state");
    }
    uint32_t verify_error = 0;
    for (int i = 0; i < 4; ++i) verify_error |= static_cast<uint32_t>(static_cast<uint8_t>(bytes[i])) << (8 * i);
    DH* dh = DH_new();
    if (dh == nullptr || DH_set0_pqg(dh, numbers[0].get(), nullptr, numbers[1].get()) != 1) {
      DH_free(dh);
      return absl::DataLossError("DiffieHellman: bad parameters");
    }
    numbers[0].release();
    numbers[1].release();
    if ((numbers[2] != nullptr || numbers[3] != nullptr) &&
        DH_set0_key(dh, numbers[2].release(), numbers[3].release()) != 1) {
      DH_free(dh);
      return absl::DataLossError("DiffieHellman: bad keys");
    }
    auto state = std::make_unique<DhState>(dh);
    state->verify_error_ = static_cast<int>(verify_error);
    return state;
  }

  DH* dh() const { return dh_; }
  int verify_error() const { return verify_error_; }
  // Node's VerifyContext: false when DH_check itself fails.
  bool Check() { return DH_check(dh_, &verify_error_) == 1; }

 private:
  DH* dh_;  // owned
  int verify_error_ = 0;
};

extern const NativeClass kDhClass;
extern const NativeClass kDhGroupClass;

DhState* Self(const Info& info) { return UnwrapNativeState<DhState>(info, kDhClass); }

// Node's group names (any case), each with generator 2.
BIGNUM* GroupPrime(const std::string& name) {
  struct Group {
    const char* name;
    BIGNUM* (*prime)(BIGNUM*);
  };
  static constexpr Group kGroups[] = {
      {"modp1", BN_get_rfc2409_prime_768},   {"modp2", BN_get_rfc2409_prime_1024},
      {"modp5", BN_get_rfc3526_prime_1536},  {"modp14", BN_get_rfc3526_prime_2048},
      {"modp15", BN_get_rfc3526_prime_3072}, {"modp16", BN_get_rfc3526_prime_4096},
      {"modp17", BN_get_rfc3526_prime_6144}, {"modp18", BN_get_rfc3526_prime_8192},
  };
  for (const Group& group : kGroups) {
    if (absl::EqualsIgnoreCase(name, group.name)) return group.prime(nullptr);
  }
  return nullptr;
}

// Takes `p` and `g`; null (OpenSSL's error queued) on failure.
std::unique_ptr<DhState> WithPrime(Bn p, Bn g) {
  DH* dh = DH_new();
  if (dh == nullptr || p == nullptr || g == nullptr || DH_set0_pqg(dh, p.get(), nullptr, g.get()) != 1) {
    DH_free(dh);
    return nullptr;
  }
  p.release();
  g.release();
  auto state = std::make_unique<DhState>(dh);
  return state->Check() ? std::move(state) : nullptr;
}

Bn Word(uint32_t value) {
  Bn number(BN_new());
  if (number != nullptr && BN_set_word(number.get(), value) != 1) number.reset();
  return number;
}

// The constructor's forms, in the order Node 20 tries them and with its
// errors; null with OpenSSL's error queued (or none) on failure.
std::unique_ptr<DhState> Make(const Info& info, bool* thrown) {
  v8::Isolate* isolate = info.GetIsolate();
  if (info.Length() != 2) return nullptr;
  if (info[0]->IsInt32()) {
    if (!info[1]->IsInt32()) return nullptr;
    DH* dh = DH_new();
    if (dh == nullptr ||
        DH_generate_parameters_ex(dh, info[0].As<v8::Int32>()->Value(), info[1].As<v8::Int32>()->Value(),
                                  nullptr) != 1) {
      DH_free(dh);
      return nullptr;
    }
    auto state = std::make_unique<DhState>(dh);
    return state->Check() ? std::move(state) : nullptr;
  }
  absl::Span<const uint8_t> prime;
  if (!DhBytesArg(isolate, info[0], "prime is too big", &prime)) {
    *thrown = true;
    return nullptr;
  }
  if (prime.empty()) {
    ERR_raise(ERR_LIB_BN, BN_R_BITS_TOO_SMALL);
    return nullptr;
  }
  if (info[1]->IsInt32()) {
    int32_t generator = info[1].As<v8::Int32>()->Value();
    if (generator <= 1) {
      ERR_raise(ERR_LIB_DH, DH_R_BAD_GENERATOR);
      return nullptr;
    }
    return WithPrime(BnFrom(prime), Word(static_cast<uint32_t>(generator)));
  }
  absl::Span<const uint8_t> generator;
  if (!DhBytesArg(isolate, info[1], "generator is too big", &generator)) {
    *thrown = true;
    return nullptr;
  }
  Bn g = generator.empty() ? nullptr : BnFrom(generator);
  if (g == nullptr || BN_is_zero(g.get()) || BN_is_one(g.get())) {
    ERR_raise(ERR_LIB_DH, DH_R_BAD_GENERATOR);
    return nullptr;
  }
  return WithPrime(BnFrom(prime), std::move(g));
}

void ConstructGroup(const Info& info) {
  v8::Isolate* isolate = info.GetIsolate();
  if (!info.IsConstructCall()) return ThrowError(isolate, ErrorKind::kTypeError, "Illegal constructor");
  if (!info[0]->IsString()) {
    return ThrowError(isolate, ErrorKind::kTypeError, "Group name must be a string", "ERR_INVALID_ARG_TYPE");
  }
  v8::String::Utf8Value name(isolate, info[0]);
  BIGNUM* prime = *name != nullptr ? GroupPrime(std::string(*name, name.length())) : nullptr;
  if (prime == nullptr) {
    return ThrowError(isolate, ErrorKind::kError, "Unknown DH group", "ERR_CRYPTO_UNKNOWN_DH_GROUP");
  }
  std::unique_ptr<DhState> state = WithPrime(Bn(prime), Word(2));
  ERR_clear_error();
  if (state == nullptr) {
    return ThrowError(isolate, ErrorKind::kError, "Initialization failed", "ERR_CRYPTO_INITIALIZATION_FAILED");
  }
  WrapNativeState(info.This(), kDhGroupClass, std::move(state));
}

void Construct(const Info& info) {
  v8::Isolate* isolate = info.GetIsolate();
  if (!info.IsConstructCall()) return ThrowError(isolate, ErrorKind::kTypeError, "Illegal constructor");
  ERR_clear_error();
  bool thrown = false;
  std::unique_ptr<DhState> state = Make(info, &thrown);
  if (thrown) return;
  if (state == nullptr) return ThrowOpenSslError(isolate, "Initialization failed");
  ERR_clear_error();
  WrapNativeState(info.This(), kDhClass, std::move(state));
}

void ReturnBytes(const Info& info, absl::Span<const uint8_t> bytes) {
  info.GetReturnValue().Set(NewArrayBufferCopy(info.GetIsolate(), bytes));
}

void VerifyError(const Info& info) {
  if (DhState* self = Self(info)) info.GetReturnValue().Set(self->verify_error());
}

void GenerateKeys(const Info& info) {
  DhState* self = Self(info);
  if (self == nullptr) return;
  ERR_clear_error();
  if (DH_generate_key(self->dh()) != 1) return ThrowOpenSslError(info.GetIsolate(), "Key generation failed");
  const BIGNUM* pub = nullptr;
  DH_get0_key(self->dh(), &pub, nullptr);
  ReturnBytes(info, BnBytes(pub));
}

enum class Field { kPrime, kGenerator, kPublic, kPrivate };

template <Field kField>
void GetNumber(const Info& info) {
  DhState* self = Self(info);
  if (self == nullptr) return;
  const BIGNUM *p, *g, *pub, *priv;
  DH_get0_pqg(self->dh(), &p, nullptr, &g);
  DH_get0_key(self->dh(), &pub, &priv);
  const BIGNUM* number = kField == Field::kPrime ? p : kField == Field::kGenerator ? g
                         : kField == Field::kPublic ? pub : priv;
  if (number == nullptr) {
    const char* message = kField == Field::kPrime       ? "p is null"
                          : kField == Field::kGenerator ? "g is null"
                          : kField == Field::kPublic    ? "No public key - did you forget to generate one?"
                                                        : "No private key - did you forget to generate one?";
    return ThrowError(info.GetIsolate(), ErrorKind::kError, message, "ERR_CRYPTO_INVALID_STATE");
  }
  ReturnBytes(info, BnBytes(number));
}

// A shorter secret gets leading zeros: Node's is always the prime's size.
void ComputeSecret(const Info& info) {
  DhState* self = Self(info);
  if (self == nullptr) return;
  v8::Isolate* isolate = info.GetIsolate();
  absl::Span<const uint8_t> bytes;
  if (!DhBytesArg(isolate, info[0], "secret is too big", &bytes)) return;
  Bn key = BnFrom(bytes);
  if (key == nullptr) return ThrowOpenSslError(isolate, "Invalid Key");
  ERR_clear_error();
  std::vector<uint8_t> secret(static_cast<size_t>(DH_size(self->dh())));
  int size = DH_compute_key(secret.data(), key.get(), self->dh());
  if (size < 0) {
    int codes = 0;
    if (DH_check_pub_key(self->dh(), key.get(), &codes) != 1) return ThrowOpenSslError(isolate, "Invalid Key");
    ERR_clear_error();
    if (codes & DH_CHECK_PUBKEY_TOO_SMALL) {
      return ThrowError(isolate, ErrorKind::kRangeError, "Supplied key is too small", "ERR_CRYPTO_INVALID_KEYLEN");
    }
    if (codes & DH_CHECK_PUBKEY_TOO_LARGE) {
      return ThrowError(isolate, ErrorKind::kRangeError, "Supplied key is too large", "ERR_CRYPTO_INVALID_KEYLEN");
    }
    return ThrowError(isolate, ErrorKind::kRangeError, "Invalid key type", "ERR_CRYPTO_INVALID_KEYTYPE");
  }
  ERR_clear_error();
  size_t padding = secret.size() - static_cast<size_t>(size);
  if (padding > 0) {
    std::memmove(secret.data() + padding, secret.data(), static_cast<size_t>(size));
    std::memset(secret.data(), 0, padding);
  }
  ReturnBytes(info, secret);
}

template <bool kPublic>
void SetKey(const Info& info) {
  DhState* self = Self(info);
  if (self == nullptr) return;
  absl::Span<const uint8_t> bytes;
  if (!DhBytesArg(info.GetIsolate(), info[0], "buf is too big", &bytes)) return;
  Bn number = BnFrom(bytes);
  if (number == nullptr) return ThrowOpenSslError(info.GetIsolate(), "Failed to convert the key");
  int set = kPublic ? DH_set0_key(self->dh(), number.get(), nullptr) : DH_set0_key(self->dh(), nullptr, number.get());
  if (set == 1) number.release();  // the DH owns it now
}

// cryptoDiffieHellman(privateHandle, publicHandle): Node's statelessDH
// (crypto_dh.js checked both keys' types).
void Stateless(const Info& info) {
  v8::Isolate* isolate = info.GetIsolate();
  bool ours_private = false;
  bool theirs_private = false;
  EVP_PKEY* ours = KeyOf(info[0], &ours_private);
  EVP_PKEY* theirs = KeyOf(info[1], &theirs_private);
  if (ours == nullptr || theirs == nullptr || !ours_private) {
    return ThrowError(isolate, ErrorKind::kTypeError, "Invalid key object type",
                      "ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE");
  }
  ERR_clear_error();
  EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new(ours, nullptr);
  size_t size = 0;
  std::vector<uint8_t> secret;
  bool ok = ctx != nullptr && EVP_PKEY_derive_init(ctx) == 1 && EVP_PKEY_derive_set_peer(ctx, theirs) == 1 &&
            EVP_PKEY_derive(ctx, nullptr, &size) == 1;
  if (ok) {
    secret.resize(size);
    size_t written = size;
    ok = EVP_PKEY_derive(ctx, secret.data(), &written) == 1 && written > 0;
    if (ok && written < size) {  // a DH secret with leading zeros, padded as Node does
      std::memmove(secret.data() + (size - written), secret.data(), written);
      std::memset(secret.data(), 0, size - written);
    }
  }
  EVP_PKEY_CTX_free(ctx);
  if (!ok) return ThrowOpenSslError(isolate, "diffieHellman failed");
  ERR_clear_error();
  ReturnBytes(info, secret);
}

constexpr NativeMethod kMethods[] = {
    {"getVerifyError", VerifyError, 0},
    {"generateKeys", GenerateKeys, 0},
    {"computeSecret", ComputeSecret, 1},
    {"getPrime", GetNumber<Field::kPrime>, 0},
    {"getGenerator", GetNumber<Field::kGenerator>, 0},
    {"getPublicKey", GetNumber<Field::kPublic>, 0},
    {"getPrivateKey", GetNumber<Field::kPrivate>, 0},
    {"setPublicKey", SetKey<true>, 1},
    {"setPrivateKey", SetKey<false>, 1},
};

constexpr NativeFunction kFunctions[] = {
    {"cryptoDiffieHellman", Stateless, 2},
};

const NativeClass kDhClass{"DiffieHellman", Construct, 2, kMethods, {}, DhState::Restore, 1};
const NativeClass kDhGroupClass{"DiffieHellmanGroup", ConstructGroup, 1, {}, {}, DhState::Restore, 1,
                                {}, {}, &kDhClass};

}  // namespace

const NativeClass& CryptoDhClass() { return kDhClass; }
const NativeClass& CryptoDhGroupClass() { return kDhGroupClass; }
absl::Span<const NativeFunction> CryptoDhFunctions() { return kFunctions; }

}  // namespace toysnap::node
