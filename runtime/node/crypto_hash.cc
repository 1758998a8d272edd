// Hash and Hmac contexts (OpenSSL EVP_MD_CTX / EVP_MAC_CTX) as the native
// class CryptoHash, which runtime/js/crypto_hash.js wraps as Node's Hash and
// Hmac. JS API:
//   new CryptoHash(isHmac, algorithm | source, outputLength, key, building)
//     algorithm: a digest name (throws Node's error for an unknown one);
//     source: another CryptoHash to copy (hash.copy()); outputLength: -1 for
//     the digest's own size, else an XOF length; key: the HMAC key's bytes.
//   update(data, encoding) -> false when OpenSSL refuses the data
//   digest(encoding) -> a string, or an ArrayBuffer for 'buffer'
// The OpenSSL context is made at the first update or digest, so a Hash made
// at build time and used after restore works; one updated at build time and
// not yet digested is a loop resource, so the build fails naming where it
// was made (a context cannot enter a snapshot).
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "runtime/event_loop.h"
#include "runtime/isolate_data.h"
#include "runtime/native_util.h"
#include "runtime/node/crypto_bytes.h"
#include "runtime/node/crypto_internal.h"
#include "v8-primitive.h"

namespace toysnap::node {
namespace {

using Info = v8::FunctionCallbackInfo<v8::Value>;

struct MdCtxFree {
  void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};
struct MacCtxFree {
  void operator()(EVP_MAC_CTX* ctx) const { EVP_MAC_CTX_free(ctx); }
};

class HashState final : public NativeState {
 public:
  HashState(v8::Isolate* isolate, bool hmac, std::string algorithm, const EVP_MD* md,
            int output_length, std::string key)
      : isolate_(isolate), hmac_(hmac), algorithm_(std::move(algorithm)), md_(md),
        output_length_(output_length), key_(std::move(key)) {}
  ~HashState() override { Untrack(); }

  // "hash|hmac <finalized> <output length> <algorithm>\n<key or digest>"; a context in
  // use is never written (the build refused it: a tracked resource).
  std::string Serialize() const override {
    // A hash has no key: its digest, once it has one, takes the key's place.
    std::string tail = hmac_ ? key_ : std::string(digest_.begin(), digest_.end());
    return absl::StrCat(hmac_ ? "hmac " : "hash ", finalized_ ? 1 : 0, " ", output_length_, " ",
                        algorithm_, "\n", tail);
  }

  static absl::StatusOr<std::unique_ptr<NativeState>> Restore(absl::string_view bytes) {
    size_t newline = bytes.find('\n');
    if (newline == absl::string_view::npos) return absl::DataLossError("bad CryptoHash state");
    std::vector<absl::string_view> fields =
        absl::StrSplit(bytes.substr(0, newline), absl::MaxSplits(' ', 3));
    int finalized = 0;
    int output_length = 0;
    if (fields.size() != 4 || !absl::SimpleAtoi(fields[1], &finalized) ||
        !absl::SimpleAtoi(fields[2], &output_length)) {
      return absl::DataLossError("bad CryptoHash state");
    }
    std::string algorithm(fields[3]);
    const EVP_MD* md = LookupDigest(algorithm);
    if (md == nullptr) return absl::DataLossError("CryptoHash: digest no longer available");
    auto state = std::make_unique<HashState>(nullptr, fields[0] == "hmac", algorithm, md,
                                             output_length, std::string(bytes.substr(newline + 1)));
    state->finalized_ = finalized != 0;
    if (!state->hmac_) {
      state->digest_.assign(state->key_.begin(), state->key_.end());
      state->key_.clear();
    }
    return state;
  }

  // A fresh state with this one's algorithm and key (hash.copy()).
  std::unique_ptr<HashState> Clone(v8::Isolate* isolate) const {
    return std::make_unique<HashState>(isolate, hmac_, algorithm_, md_, output_length_, key_);
  }
  const EVP_MD* md() const { return md_; }
  void set_output_length(int length) { output_length_ = length; }
  void set_isolate(v8::Isolate* isolate) { isolate_ = isolate; }
  void set_building(bool building) { building_ = building; }
  void set_site(std::string site) { site_ = std::move(site); }

  // Copies `source`'s running context (hash.copy()).
  bool CopyFrom(const HashState& source) {
    if (source.md_ctx_ == nullptr) return true;  // nothing hashed yet: a fresh one is equal
    md_ctx_.reset(EVP_MD_CTX_new());
    if (md_ctx_ == nullptr || EVP_MD_CTX_copy_ex(md_ctx_.get(), source.md_ctx_.get()) != 1) {
      return false;
    }
    Track();
    return true;
  }

  bool Update(absl::string_view data) {
    if (!Start()) return false;
    const auto* bytes = reinterpret_cast<const unsigned char*>(data.data());
    return hmac_ ? EVP_MAC_update(mac_ctx_.get(), bytes, data.size()) == 1
                 : EVP_DigestUpdate(md_ctx_.get(), bytes, data.size()) == 1;
  }

  // The digest; an empty vector after an error (or an XOF length of 0).
  bool Finish(std::vector<uint8_t>* out) {
    // As Node's: a hash digested once (by a stream's flush) gives the same
    // digest again; an HMAC gives nothing.
    if (finalized_) {
      if (!hmac_) *out = digest_;
      return true;
    }
    bool ok = Start();
    finalized_ = true;
    if (ok && hmac_) {
      size_t size = 0;
      out->resize(EVP_MAX_MD_SIZE);
      ok = EVP_MAC_final(mac_ctx_.get(), out->data(), &size, out->size()) == 1;
      out->resize(ok ? size : 0);
    } else if (ok) {
      size_t size = output_length_ >= 0 ? static_cast<size_t>(output_length_)
                                        : static_cast<size_t>(EVP_MD_get_size(md_));
      out->resize(size);
      if (IsXof(md_)) {
        ok = size == 0 || EVP_DigestFinalXOF(md_ctx_.get(), out->data(), size) == 1;
      } else {
        unsigned int written = 0;
        ok = EVP_DigestFinal_ex(md_ctx_.get(), out->data(), &written) == 1;
        out->resize(ok ? written : 0);
      }
    }
    md_ctx_.reset();
    mac_ctx_.reset();
    Untrack();
    if (ok && !hmac_) digest_ = *out;
    return ok;
  }

 private:
  // Makes the context on first use.
  bool Start() {
    if (md_ctx_ != nullptr || mac_ctx_ != nullptr) return true;
    if (finalized_) return false;
    if (hmac_) {
      // Fetched once for the process.
      static EVP_MAC* const mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
      if (mac == nullptr) return false;
      mac_ctx_.reset(EVP_MAC_CTX_new(mac));
      std::string digest = EVP_MD_get0_name(md_);
      OSSL_PARAM params[] = {
          OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest.data(), 0),
          OSSL_PARAM_construct_end()};
      // OpenSSL refuses a null key pointer even for an empty key.
      static const unsigned char kEmpty = 0;
      const auto* key = key_.empty() ? &kEmpty : reinterpret_cast<const unsigned char*>(key_.data());
      if (mac_ctx_ == nullptr || EVP_MAC_init(mac_ctx_.get(), key, key_.size(), params) != 1) {
        mac_ctx_.reset();
        return false;
      }
    } else {
      md_ctx_.reset(EVP_MD_CTX_new());
      if (md_ctx_ == nullptr || EVP_DigestInit_ex(md_ctx_.get(), md_, nullptr) != 1) {
        md_ctx_.reset();
        return false;
      }
    }
    Track();
    return true;
  }

  EventLoop* Loop() const {
    IsolateData* data = isolate_ != nullptr ? IsolateData::From(isolate_) : nullptr;
    return data != nullptr ? data->loop : nullptr;
  }
  void Track() {
    if (!building_ || resource_id_ >= 0) return;
    if (EventLoop* loop = Loop()) {
      resource_id_ = loop->TrackResource(
          absl::StrCat("crypto.", hmac_ ? "Hmac" : "Hash", " ('", algorithm_,
                       "', updated and not yet digested: OpenSSL state cannot enter a snapshot)"),
          site_);
    }
  }
  void Untrack() {
    if (resource_id_ < 0) return;
    if (EventLoop* loop = Loop()) loop->UntrackResource(resource_id_);
    resource_id_ = -1;
  }

  v8::Isolate* isolate_;  // not owned; null until a restored state is first used
  bool hmac_;
  std::string algorithm_;
  const EVP_MD* md_;  // OpenSSL's static table entry, not owned
  int output_length_;
  std::string key_;
  bool finalized_ = false;
  std::vector<uint8_t> digest_;  // a hash's, once finalized
  bool building_ = false;
  std::string site_;
  int resource_id_ = -1;
  std::unique_ptr<EVP_MD_CTX, MdCtxFree> md_ctx_;
  std::unique_ptr<EVP_MAC_CTX, MacCtxFree> mac_ctx_;
};

extern const NativeClass kCryptoHashClass;

void Construct(const Info& info) {
  v8::Isolate* isolate = info.GetIsolate();
  if (!info.IsConstructCall()) return ThrowError(isolate, ErrorKind::kTypeError, "Illegal constructor");
  bool hmac = info[0]->IsTrue();
  int output_length = info[2]->IsInt32() ? info[2].As<v8::Int32>()->Value() : -1;
  bool building = info[4]->IsTrue();
  HashState* source = NativeStateOf<HashState>(info[1], kCryptoHashClass);
  std::string algorithm;
  const EVP_MD* md = nullptr;
  if (source != nullptr) {
    md = source->md();
  } else {
    v8::String::Utf8Value name(isolate, info[1]);
    if (*name != nullptr) algorithm.assign(*name, name.length());
    md = LookupDigest(algorithm);
  }
  if (md == nullptr) {
    if (hmac) {
      return ThrowError(isolate, ErrorKind::kTypeError, absl::StrCat("Invalid digest: ", algorithm),
                        "ERR_CRYPTO_INVALID_DIGEST");
    }
    return ThrowError(isolate, ErrorKind::kError, "Digest method not supported");
  }
  if (!hmac && output_length >= 0 && !IsXof(md) && output_length != EVP_MD_get_size(md)) {
    return ThrowError(isolate, ErrorKind::kError,
                      "error:030000B2:digital envelope routines::not XOF or invalid length",
                      "ERR_OSSL_EVP_NOT_XOF_OR_INVALID_LENGTH");
  }
  if (hmac || !IsXof(md)) output_length = -1;
  std::unique_ptr<HashState> state;
  if (source != nullptr) {
    state = source->Clone(isolate);
    state->set_output_length(output_length);
  } else {
    std::string key;
    if (hmac) ReadBytes(isolate, info[3], Encoding::kUtf8, &key);
    state = std::make_unique<HashState>(isolate, hmac, algorithm, md, output_length, std::move(key));
  }
  state->set_building(building);
  if (building) state->set_site(UserCallSite(isolate));
  if (source != nullptr && !state->CopyFrom(*source)) {
    return ThrowError(isolate, ErrorKind::kError, "Digest method not supported");
  }
  WrapNativeState(info.This(), kCryptoHashClass, std::move(state));
}

void Update(const Info& info) {
  HashState* self = UnwrapNativeState<HashState>(info, kCryptoHashClass);
  if (self == nullptr) return;
  v8::Isolate* isolate = info.GetIsolate();
  self->set_isolate(isolate);
  bool ok;
  absl::Span<uint8_t> bytes;
  if (info[0]->IsString()) {
    std::string data = DecodeString(isolate, info[0].As<v8::String>(),
                                    ParseEncoding(isolate, info[1], Encoding::kUtf8));
    ok = self->Update(data);
  } else if (GetBytes(info[0], &bytes)) {
    ok = self->Update(absl::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
  } else {
    return ThrowInvalidArgType(isolate, "data", "of type string or an instance of Buffer, "
                               "TypedArray, or DataView", info[0]);
  }
  ERR_clear_error();
  info.GetReturnValue().Set(ok);
}

void Digest(const Info& info) {
  HashState* self = UnwrapNativeState<HashState>(info, kCryptoHashClass);
  if (self == nullptr) return;
  v8::Isolate* isolate = info.GetIsolate();
  self->set_isolate(isolate);
  std::vector<uint8_t> out;
  self->Finish(&out);
  ERR_clear_error();
  v8::Local<v8::Value> result;
  if (EncodeBytes(isolate, out, ParseEncoding(isolate, info[0], Encoding::kBuffer)).ToLocal(&result)) {
    info.GetReturnValue().Set(result);
  }
}

constexpr NativeMethod kMethods[] = {{"update", Update, 2}, {"digest", Digest, 1}};

const NativeClass kCryptoHashClass{"CryptoHash", Construct, 5, kMethods, {}, HashState::Restore, 1};

}  // namespace

const NativeClass& CryptoHashClass() { return kCryptoHashClass; }

}  // namespace toysnap::node
