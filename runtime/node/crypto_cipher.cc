// Symmetric ciphers (OpenSSL EVP_CIPHER_CTX) as the native class CryptoCipher,
// which runtime/js/crypto_cipher.js wraps as Node's Cipheriv and Decipheriv,
// and getCipherInfo. JS API:
//   new CryptoCipher(decrypt, algorithm, key, iv | null, authTagLength (-1: none), building)
//     throws Node's errors for an unknown cipher or a bad key, IV or tag length
//   update(data, encoding) -> ArrayBuffer   final() -> ArrayBuffer
//   setAutoPadding(bool) / setAAD(bytes, plaintextLength) / setAuthTag(bytes) -> false when
//     the state does not allow it (JS throws ERR_CRYPTO_INVALID_STATE)
//   getAuthTag() -> ArrayBuffer, or undefined before final()
//   cryptoCipherInfo(nameOrNid, keyLength, ivLength) -> {mode, name, ...} | undefined
// AEAD modes: GCM, CCM, OCB and ChaCha20-Poly1305; key wrapping (id-aes*-wrap*). A cipher made at build time and not finalized is a loop
// resource: the build fails naming where it was made.
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "runtime/event_loop.h"
#include "runtime/isolate_data.h"
#include "runtime/native_util.h"
#include "runtime/node/crypto_bytes.h"
#include "runtime/node/crypto_internal.h"
#include "runtime/node/crypto_keys.h"
#include "runtime/v8_strings.h"
#include "v8-exception.h"
#include "v8-primitive.h"

namespace toysnap::node {
namespace {

using Info = v8::FunctionCallbackInfo<v8::Value>;

struct CipherCtxFree {
  void operator()(EVP_CIPHER_CTX* ctx) const { EVP_CIPHER_CTX_free(ctx); }
};

const EVP_CIPHER* LookupCipher(const std::string& name) {
  return name.empty() ? nullptr : EVP_get_cipherbyname(name.c_str());
}

bool IsAead(const EVP_CIPHER* cipher) {
  int mode = EVP_CIPHER_get_mode(cipher);
  return mode == EVP_CIPH_GCM_MODE || mode == EVP_CIPH_CCM_MODE || mode == EVP_CIPH_OCB_MODE ||
         EVP_CIPHER_get_nid(cipher) == NID_chacha20_poly1305;
}

bool ValidGcmTagLength(int length) { return length == 4 || length == 8 || (length >= 12 && length <= 16); }

class CipherState final : public NativeState {
 public:
  CipherState(v8::Isolate* isolate, bool decrypt) : isolate_(isolate), decrypt_(decrypt) {}
  ~CipherState() override { Untrack(); }
  // Only a finished (or never usable) cipher enters a snapshot: a live one
  // is a tracked resource and fails the build.
  std::string Serialize() const override { return ""; }
  static absl::StatusOr<std::unique_ptr<NativeState>> Restore(absl::string_view) {
    return std::make_unique<CipherState>(nullptr, false);
  }

  // Node's InitIv; false with the error for Throw().
  bool Init(const EVP_CIPHER* cipher, const std::string& name, const std::string& key,
            const std::string* iv, int tag_length) {
    cipher_ = cipher;
    aead_ = IsAead(cipher);
    int mode = EVP_CIPHER_get_mode(cipher);
    int expected_iv = EVP_CIPHER_get_iv_length(cipher);
    bool has_iv = iv != nullptr && !iv->empty();
    if ((!aead_ && has_iv && static_cast<int>(iv->size()) != expected_iv) ||
        (!aead_ && !has_iv && expected_iv != 0) || (aead_ && !has_iv)) {
      return Fail(ErrorKind::kTypeError, "Invalid initialization vector", "ERR_CRYPTO_INVALID_IV");
    }
    ctx_.reset(EVP_CIPHER_CTX_new());
    if (ctx_ == nullptr || EVP_CipherInit_ex(ctx_.get(), cipher, nullptr, nullptr, nullptr, decrypt_ ? 0 : 1) != 1) {
      return Fail(ErrorKind::kError, "Failed to initialize cipher", "ERR_CRYPTO_OPERATION_FAILED");
    }
    if (mode == EVP_CIPH_WRAP_MODE) EVP_CIPHER_CTX_set_flags(ctx_.get(), EVP_CIPHER_CTX_FLAG_WRAP_ALLOW);
    if (aead_) {
      if (EVP_CIPHER_CTX_ctrl(ctx_.get(), EVP_CTRL_AEAD_SET_IVLEN, static_cast<int>(iv->size()), nullptr) != 1) {
        return Fail(ErrorKind::kTypeError, "Invalid initialization vector", "ERR_CRYPTO_INVALID_IV");
      }
      if (mode == EVP_CIPH_GCM_MODE) {
        if (tag_length >= 0 && !ValidGcmTagLength(tag_length)) return InvalidTag(tag_length);
      } else if (mode == EVP_CIPH_CCM_MODE || mode == EVP_CIPH_OCB_MODE) {
        // The tag's length is fixed up front and OpenSSL checks it.
        if (tag_length < 0) {
          return Fail(ErrorKind::kTypeError, absl::StrCat("authTagLength required for ", name),
                      "ERR_CRYPTO_INVALID_AUTH_TAG");
        }
        if (EVP_CIPHER_CTX_ctrl(ctx_.get(), EVP_CTRL_AEAD_SET_TAG, tag_length, nullptr) != 1) {
          ERR_clear_error();
          return InvalidTag(tag_length);
        }
        // CCM's length field has 15 - IV length bytes (Node's limits).
        size_t iv_length = iv->size();
        if (mode == EVP_CIPH_CCM_MODE) max_message_ = iv_length == 13 ? 65535 : iv_length == 12 ? 16777215 : INT32_MAX;
      } else if (tag_length >= 0 && (tag_length < 1 || tag_length > 16)) {
        return InvalidTag(tag_length);  // ChaCha20-Poly1305
      }
      tag_length_given_ = tag_length >= 0;
      tag_length_ = tag_length >= 0 ? tag_length : 16;
    }
    if (EVP_CIPHER_CTX_set_key_length(ctx_.get(), static_cast<int>(key.size())) != 1) {
      ERR_clear_error();
      return Fail(ErrorKind::kRangeError, "Invalid key length", "ERR_CRYPTO_INVALID_KEYLEN");
    }
    const auto* iv_bytes = has_iv ? reinterpret_cast<const unsigned char*>(iv->data()) : nullptr;
    if (EVP_CipherInit_ex(ctx_.get(), nullptr, nullptr, reinterpret_cast<const unsigned char*>(key.data()),
                          iv_bytes, decrypt_ ? 0 : 1) != 1) {
      return FailOpenSsl("Failed to initialize cipher");
    }
    return true;
  }

  void Track(const std::string& site) {
    if (EventLoop* loop = Loop()) {
      resource_id_ = loop->TrackResource(
          absl::StrCat("crypto.", decrypt_ ? "Decipheriv" : "Cipheriv", " ('",
                       absl::AsciiStrToLower(OBJ_nid2sn(EVP_CIPHER_get_nid(cipher_))),
                       "', not yet finalized: OpenSSL state cannot enter a snapshot)"),
          site);
    }
  }

  // Each returns false with the error recorded for Throw().
  bool Update(absl::string_view data, std::vector<uint8_t>* out) {
    if (ctx_ == nullptr) return Fail(ErrorKind::kError, "Trying to add data in unsupported state", "");
    bool ccm = EVP_CIPHER_get_mode(cipher_) == EVP_CIPH_CCM_MODE;
    if (ccm && data.size() > max_message_) return InvalidMessageLength();
    if (!PassAuthTag()) return false;
    int block = EVP_CIPHER_CTX_get_block_size(ctx_.get());
    // OpenSSL counts in ints: Node refuses what could overflow one.
    if (data.size() + static_cast<size_t>(block) > static_cast<size_t>(INT32_MAX)) {
      return FailOpenSsl("Trying to add data in unsupported state");
    }
    const auto* in = reinterpret_cast<const unsigned char*>(data.data());
    int size = static_cast<int>(data.size()) + block;
    // Key wrapping writes more than a block beyond its input: ask OpenSSL.
    if (!decrypt_ && EVP_CIPHER_get_mode(cipher_) == EVP_CIPH_WRAP_MODE &&
        EVP_CipherUpdate(ctx_.get(), nullptr, &size, in, static_cast<int>(data.size())) != 1) {
      return UpdateFailed();
    }
    out->resize(static_cast<size_t>(size));
    int written = 0;
    if (EVP_CipherUpdate(ctx_.get(), out->data(), &written, in, static_cast<int>(data.size())) != 1) {
      out->clear();
      // CCM authenticates in update(): a bad tag shows at final(), as Node.
      if (ccm && decrypt_) {
        ERR_clear_error();
        auth_failed_ = true;
        return true;
      }
      return UpdateFailed();
    }
    out->resize(static_cast<size_t>(written));
    return true;
  }

  bool Final(std::vector<uint8_t>* out) {
    if (ctx_ == nullptr) return Fail(ErrorKind::kError, "Invalid state", "ERR_CRYPTO_INVALID_STATE");
    bool ok = PassAuthTag();
    out->resize(static_cast<size_t>(EVP_CIPHER_CTX_get_block_size(ctx_.get())));
    int written = 0;
    if (decrypt_ && aead_ && tag_state_ == TagState::kUnknown) {
      ok = false;  // no tag to check (OpenSSL's ChaCha20-Poly1305 would pass)
    } else if (decrypt_ && EVP_CIPHER_get_mode(cipher_) == EVP_CIPH_CCM_MODE) {
      ok = ok && !auth_failed_;  // OpenSSL's CCM has nothing left for final
    } else {
      ok = ok && EVP_CipherFinal_ex(ctx_.get(), out->data(), &written) == 1;
    }
    out->resize(ok ? static_cast<size_t>(written) : 0);
    if (ok && aead_ && !decrypt_) {
      tag_.resize(static_cast<size_t>(tag_length_));
      ok = EVP_CIPHER_CTX_ctrl(ctx_.get(), EVP_CTRL_AEAD_GET_TAG, tag_length_, tag_.data()) == 1;
      has_tag_ = ok;
    }
    ctx_.reset();
    Untrack();
    if (!ok) {
      return FailOpenSsl(aead_ ? "Unsupported state or unable to authenticate data" : "Unsupported state");
    }
    return true;
  }

  bool SetAutoPadding(bool padding) {
    return ctx_ != nullptr && EVP_CIPHER_CTX_set_padding(ctx_.get(), padding ? 1 : 0) == 1;
  }

  // kThrow: Throw() has Node's error.
  enum class AadResult { kOk, kState, kThrow };
  AadResult SetAad(absl::string_view aad, int64_t plaintext_length) {
    if (ctx_ == nullptr || !aead_) return AadResult::kState;
    int written = 0;
    if (EVP_CIPHER_get_mode(cipher_) == EVP_CIPH_CCM_MODE) {
      // CCM takes the tag and the plaintext's length before the AAD.
      if (plaintext_length < 0) {
        Fail(ErrorKind::kTypeError, "options.plaintextLength required for CCM mode with AAD", "ERR_MISSING_ARGS");
        return AadResult::kThrow;
      }
      if (static_cast<size_t>(plaintext_length) > max_message_) {
        InvalidMessageLength();
        return AadResult::kThrow;
      }
      if (!PassAuthTag() ||
          EVP_CipherUpdate(ctx_.get(), nullptr, &written, nullptr, static_cast<int>(plaintext_length)) != 1) {
        ERR_clear_error();
        return AadResult::kState;
      }
    }
    if (!PassAuthTag()) return AadResult::kState;
    bool ok = EVP_CipherUpdate(ctx_.get(), nullptr, &written, reinterpret_cast<const unsigned char*>(aad.data()),
                               static_cast<int>(aad.size())) == 1;
    ERR_clear_error();
    return ok ? AadResult::kOk : AadResult::kState;
  }

  // Decipher only; false for the state errors, else Throw() has the error.
  enum class TagResult { kOk, kState, kLength };
  TagResult SetAuthTag(absl::string_view tag) {
    if (ctx_ == nullptr || !aead_ || !decrypt_ || tag_state_ != TagState::kUnknown) return TagResult::kState;
    int length = static_cast<int>(tag.size());
    bool valid = tag_length_given_ ? length == tag_length_
                 : EVP_CIPHER_get_mode(cipher_) == EVP_CIPH_GCM_MODE ? ValidGcmTagLength(length)
                                                                     : length >= 1 && length <= 16;
    if (!valid) {
      InvalidTag(length);
      return TagResult::kLength;
    }
    tag_.assign(tag.begin(), tag.end());
    tag_length_ = length;
    tag_state_ = TagState::kKnown;
    return TagResult::kOk;
  }

  const std::vector<uint8_t>* AuthTag() const { return has_tag_ ? &tag_ : nullptr; }

  void Throw(v8::Isolate* isolate) const {
    v8::Local<v8::String> message;
    if (!NewString(isolate, error_message_).ToLocal(&message)) return;
    v8::Local<v8::Value> error = error_kind_ == ErrorKind::kTypeError ? v8::Exception::TypeError(message)
                                 : error_kind_ == ErrorKind::kRangeError ? v8::Exception::RangeError(message)
                                                                         : v8::Exception::Error(message);
    if (error->IsObject()) {
      v8::Local<v8::Object> object = error.As<v8::Object>();
      v8::Local<v8::Context> context = isolate->GetCurrentContext();
      if (!error_library_.empty()) {
        SetString(isolate, context, object, "library", error_library_);
        SetString(isolate, context, object, "reason", error_reason_);
      }
      if (!error_code_.empty()) SetNodeErrorCode(isolate, object, error_code_);
    }
    isolate->ThrowException(error);
  }

 private:
  enum class TagState { kUnknown, kKnown, kPassed };

  static void SetString(v8::Isolate* isolate, v8::Local<v8::Context> context, v8::Local<v8::Object> object,
                        const char* key, const std::string& value) {
    v8::Local<v8::String> name;
    v8::Local<v8::String> text;
    if (NewString(isolate, key).ToLocal(&name) && NewString(isolate, value).ToLocal(&text)) {
      object->Set(context, name, text).IsJust();
    }
  }

  // A decipher's tag goes to OpenSSL before the data (GCM takes it any time
  // before final; ChaCha20-Poly1305 wants it before the first update).
  bool PassAuthTag() {
    if (!decrypt_ || tag_state_ != TagState::kKnown) return true;
    tag_state_ = TagState::kPassed;
    if (EVP_CIPHER_CTX_ctrl(ctx_.get(), EVP_CTRL_AEAD_SET_TAG, static_cast<int>(tag_.size()), tag_.data()) != 1) {
      return FailOpenSsl("Unsupported state or unable to authenticate data");
    }
    return true;
  }

  // Node's Update pops OpenSSL's errors before it throws: no code.
  bool UpdateFailed() {
    ERR_clear_error();
    return Fail(ErrorKind::kError, "Trying to add data in unsupported state", "");
  }

  bool InvalidMessageLength() {
    return Fail(ErrorKind::kRangeError, "Invalid message length", "ERR_CRYPTO_INVALID_MESSAGELEN");
  }

  bool InvalidTag(int length) {
    return Fail(ErrorKind::kTypeError, absl::StrCat("Invalid authentication tag length: ", length),
                "ERR_CRYPTO_INVALID_AUTH_TAG");
  }

  bool Fail(ErrorKind kind, std::string message, std::string code) {
    error_kind_ = kind;
    error_message_ = std::move(message);
    error_code_ = std::move(code);
    error_library_.clear();
    error_reason_.clear();
    return false;
  }

  // Node's ThrowCryptoError: OpenSSL's queued error if there is one
  // ("error:1C800064:Provider routines::bad decrypt", code ERR_OSSL_BAD_DECRYPT,
  // with `library` and `reason`), else `fallback`.
  bool FailOpenSsl(const char* fallback) {
    unsigned long code = ERR_get_error();  // NOLINT(runtime/int): OpenSSL's type
    ERR_clear_error();
    if (code == 0) return Fail(ErrorKind::kError, fallback, "");
    char text[256];
    ERR_error_string_n(code, text, sizeof(text));
    const char* library = ERR_lib_error_string(code);
    const char* reason = ERR_reason_error_string(code);
    Fail(ErrorKind::kError, text, OpenSslErrorCode(code));
    error_library_ = library != nullptr ? library : "";
    error_reason_ = reason != nullptr ? reason : "";
    return false;
  }

  EventLoop* Loop() const {
    IsolateData* data = isolate_ != nullptr ? IsolateData::From(isolate_) : nullptr;
    return data != nullptr ? data->loop : nullptr;
  }
  void Untrack() {
    if (resource_id_ < 0) return;
    if (EventLoop* loop = Loop()) loop->UntrackResource(resource_id_);
    resource_id_ = -1;
  }

  v8::Isolate* isolate_;  // not owned
  bool decrypt_;
  const EVP_CIPHER* cipher_ = nullptr;  // OpenSSL's table entry, not owned
  bool aead_ = false;
  bool tag_length_given_ = false;
  int tag_length_ = 16;
  TagState tag_state_ = TagState::kUnknown;
  std::vector<uint8_t> tag_;
  bool has_tag_ = false;
  size_t max_message_ = INT32_MAX;  // CCM's longest message
  bool auth_failed_ = false;        // a CCM decipher's update() failed
  int resource_id_ = -1;
  std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree> ctx_;
  ErrorKind error_kind_ = ErrorKind::kError;
  std::string error_message_, error_code_, error_library_, error_reason_;
};

extern const NativeClass kCryptoCipherClass;

std::string StringArg(v8::Isolate* isolate, v8::Local<v8::Value> value) {
  v8::String::Utf8Value text(isolate, value);
  return *text != nullptr ? std::string(*text, text.length()) : "";
}

void Construct(const Info& info) {
  v8::Isolate* isolate = info.GetIsolate();
  if (!info.IsConstructCall()) return ThrowError(isolate, ErrorKind::kTypeError, "Illegal constructor");
  bool decrypt = info[0]->IsTrue();
  std::string name = StringArg(isolate, info[1]);
  const EVP_CIPHER* cipher = LookupCipher(name);
  if (cipher == nullptr) return ThrowError(isolate, ErrorKind::kError, "Unknown cipher", "ERR_CRYPTO_UNKNOWN_CIPHER");
  std::string key;
  std::string iv;
  ReadBytes(isolate, info[2], Encoding::kUtf8, &key);
  bool has_iv = ReadBytes(isolate, info[3], Encoding::kUtf8, &iv);
  int tag_length = info[4]->IsInt32() ? info[4].As<v8::Int32>()->Value() : -1;
  auto state = std::make_unique<CipherState>(isolate, decrypt);
  ERR_clear_error();
  if (!state->Init(cipher, name, key, has_iv ? &iv : nullptr, tag_length)) return state->Throw(isolate);
  if (info[5]->IsTrue()) state->Track(UserCallSite(isolate));
  WrapNativeState(info.This(), kCryptoCipherClass, std::move(state));
}

CipherState* Self(const Info& info) { return UnwrapNativeState<CipherState>(info, kCryptoCipherClass); }

void ReturnBytes(const Info& info, const std::vector<uint8_t>& bytes) {
  info.GetReturnValue().Set(NewArrayBufferCopy(info.GetIsolate(), bytes));
}

void Update(const Info& info) {
  CipherState* self = Self(info);
  if (self == nullptr) return;
  v8::Isolate* isolate = info.GetIsolate();
  std::string decoded;
  absl::Span<uint8_t> view;
  absl::string_view data;
  if (info[0]->IsString()) {
    decoded = DecodeString(isolate, info[0].As<v8::String>(), ParseEncoding(isolate, info[1], Encoding::kUtf8));
    data = decoded;
  } else if (GetBytes(info[0], &view)) {
    data = absl::string_view(reinterpret_cast<const char*>(view.data()), view.size());
  } else {
    return ThrowInvalidArgType(isolate, "data", "of type string or an instance of Buffer, TypedArray, or DataView",
                               info[0]);
  }
  std::vector<uint8_t> out;
  if (!self->Update(data, &out)) return self->Throw(isolate);
  ReturnBytes(info, out);
}

void Final(const Info& info) {
  CipherState* self = Self(info);
  if (self == nullptr) return;
  std::vector<uint8_t> out;
  if (!self->Final(&out)) return self->Throw(info.GetIsolate());
  ReturnBytes(info, out);
}

void SetAutoPadding(const Info& info) {
  if (CipherState* self = Self(info)) info.GetReturnValue().Set(self->SetAutoPadding(info[0]->IsTrue()));
}

void SetAad(const Info& info) {
  CipherState* self = Self(info);
  if (self == nullptr) return;
  std::string aad;
  ReadBytes(info.GetIsolate(), info[0], Encoding::kUtf8, &aad);
  double length = info[1]->IsNumber() ? info[1].As<v8::Number>()->Value() : -1;
  int64_t plaintext_length = length >= 0 && length <= 4294967295.0 ? static_cast<int64_t>(length) : -1;
  CipherState::AadResult result = self->SetAad(aad, plaintext_length);
  if (result == CipherState::AadResult::kThrow) return self->Throw(info.GetIsolate());
  info.GetReturnValue().Set(result == CipherState::AadResult::kOk);
}

void SetAuthTag(const Info& info) {
  CipherState* self = Self(info);
  if (self == nullptr) return;
  std::string tag;
  ReadBytes(info.GetIsolate(), info[0], Encoding::kUtf8, &tag);
  switch (self->SetAuthTag(tag)) {
    case CipherState::TagResult::kOk: return info.GetReturnValue().Set(true);
    case CipherState::TagResult::kState: return info.GetReturnValue().Set(false);
    case CipherState::TagResult::kLength: return self->Throw(info.GetIsolate());
  }
}

void GetAuthTag(const Info& info) {
  CipherState* self = Self(info);
  if (self == nullptr) return;
  if (const std::vector<uint8_t>* tag = self->AuthTag()) ReturnBytes(info, *tag);
}

const char* ModeName(const EVP_CIPHER* cipher) {
  switch (EVP_CIPHER_get_mode(cipher)) {
    case EVP_CIPH_CBC_MODE: return "cbc";
    case EVP_CIPH_CCM_MODE: return "ccm";
    case EVP_CIPH_CFB_MODE: return "cfb";
    case EVP_CIPH_CTR_MODE: return "ctr";
    case EVP_CIPH_ECB_MODE: return "ecb";
    case EVP_CIPH_GCM_MODE: return "gcm";
    case EVP_CIPH_OCB_MODE: return "ocb";
    case EVP_CIPH_OFB_MODE: return "ofb";
    case EVP_CIPH_STREAM_CIPHER: return "stream";
    case EVP_CIPH_WRAP_MODE: return "wrap";
    case EVP_CIPH_XTS_MODE: return "xts";
    default: return nullptr;
  }
}

// cryptoCipherInfo(nameOrNid, keyLength | undefined, ivLength | undefined)
void CipherInfo(const Info& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  const EVP_CIPHER* cipher = info[0]->IsInt32()
                                 ? EVP_get_cipherbynid(info[0].As<v8::Int32>()->Value())
                                 : LookupCipher(StringArg(isolate, info[0]));
  if (cipher == nullptr) return;
  int iv_length = EVP_CIPHER_get_iv_length(cipher);
  int key_length = EVP_CIPHER_get_key_length(cipher);
  int mode = EVP_CIPHER_get_mode(cipher);
  if (info[1]->IsInt32() || info[2]->IsInt32()) {
    std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree> ctx(EVP_CIPHER_CTX_new());
    if (ctx == nullptr || EVP_CipherInit_ex(ctx.get(), cipher, nullptr, nullptr, nullptr, 1) != 1) return;
    if (info[1]->IsInt32()) {
      int wanted = info[1].As<v8::Int32>()->Value();
      if (EVP_CIPHER_CTX_set_key_length(ctx.get(), wanted) != 1) return ERR_clear_error();
      key_length = wanted;
    }
    if (info[2]->IsInt32()) {
      int wanted = info[2].As<v8::Int32>()->Value();
      bool ok;
      switch (mode) {
        case EVP_CIPH_CCM_MODE: ok = wanted >= 7 && wanted <= 13; break;
        case EVP_CIPH_GCM_MODE:
        case EVP_CIPH_OCB_MODE:
          ok = EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_SET_IVLEN, wanted, nullptr) == 1;
          break;
        default: ok = wanted == iv_length;
      }
      ERR_clear_error();
      if (!ok) return;
      iv_length = wanted;
    }
  }
  v8::Local<v8::Object> result = v8::Object::New(isolate);
  auto set = [&](const char* key, v8::Local<v8::Value> value) {
    v8::Local<v8::String> name;
    if (NewString(isolate, key).ToLocal(&name)) result->Set(context, name, value).IsJust();
  };
  v8::Local<v8::String> text;
  if (const char* mode_name = ModeName(cipher)) {
    if (NewString(isolate, mode_name).ToLocal(&text)) set("mode", text);
  }
  if (NewString(isolate, absl::AsciiStrToLower(OBJ_nid2sn(EVP_CIPHER_get_nid(cipher)))).ToLocal(&text)) {
    set("name", text);
  }
  set("nid", v8::Integer::New(isolate, EVP_CIPHER_get_nid(cipher)));
  if (mode != EVP_CIPH_STREAM_CIPHER) {
    set("blockSize", v8::Integer::New(isolate, EVP_CIPHER_get_block_size(cipher)));
  }
  if (iv_length != 0) set("ivLength", v8::Integer::New(isolate, iv_length));
  set("keyLength", v8::Integer::New(isolate, key_length));
  info.GetReturnValue().Set(result);
}

constexpr NativeMethod kMethods[] = {
    {"update", Update, 2},         {"final", Final, 0},           {"setAutoPadding", SetAutoPadding, 1},
    {"setAAD", SetAad, 2},         {"setAuthTag", SetAuthTag, 1}, {"getAuthTag", GetAuthTag, 0},
};

const NativeClass kCryptoCipherClass{"CryptoCipher", Construct, 6, kMethods, {}, CipherState::Restore, 1};

constexpr NativeFunction kFunctions[] = {{"cryptoCipherInfo", CipherInfo, 3}};

}  // namespace

const NativeClass& CryptoCipherClass() { return kCryptoCipherClass; }
absl::Span<const NativeFunction> CryptoCipherFunctions() { return kFunctions; }

}  // namespace toysnap::node
