// Random bytes (OpenSSL's CSPRNG) and constant-time comparison for
// runtime/js/crypto_random.js. JS API:
//   cryptoRandomFill(view, offset, size, done?) -> fills view's bytes
//     [offset, offset + size) (JS checked the bounds); with `done`, on the
//     thread pool, then done(error | null).
//   cryptoTimingSafeEqual(a, b) -> bool (views of the same length)
#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <memory>

#include "runtime/native_util.h"
#include "runtime/node/crypto_internal.h"
#include "v8-array-buffer.h"
#include "v8-primitive.h"

namespace toysnap::node {
namespace {

using Info = v8::FunctionCallbackInfo<v8::Value>;

class RandomFillJob final : public CryptoJob {
 public:
  RandomFillJob(std::shared_ptr<v8::BackingStore> store, size_t offset, size_t size)
      : store_(std::move(store)), offset_(offset), size_(size) {}
  void Work() override {
    // The store is kept alive (even if JS detaches its buffer) until now.
    auto* bytes = static_cast<unsigned char*>(store_->Data()) + offset_;
    for (size_t done = 0; done < size_;) {
      int chunk = static_cast<int>(std::min<size_t>(size_ - done, 1 << 30));
      if (RAND_bytes(bytes + done, chunk) != 1) {
        error_message = "random number generation failed";
        error_code = "ERR_CRYPTO_OPERATION_FAILED";
        return;
      }
      done += static_cast<size_t>(chunk);
    }
  }

 private:
  std::shared_ptr<v8::BackingStore> store_;
  size_t offset_;
  size_t size_;
};

void RandomFill(const Info& info) {
  v8::Isolate* isolate = info.GetIsolate();
  std::shared_ptr<v8::BackingStore> store;
  size_t base = 0;
  size_t length = 0;
  if (info[0]->IsArrayBufferView()) {
    v8::Local<v8::ArrayBufferView> view = info[0].As<v8::ArrayBufferView>();
    store = view->Buffer()->GetBackingStore();
    base = view->ByteOffset();
    length = view->ByteLength();
  } else if (info[0]->IsArrayBuffer()) {
    store = info[0].As<v8::ArrayBuffer>()->GetBackingStore();
    length = store->ByteLength();
  } else {
    return ThrowInvalidArgType(isolate, "buf", "an instance of ArrayBuffer or ArrayBufferView",
                               info[0]);
  }
  double offset = info[1]->IsNumber() ? info[1].As<v8::Number>()->Value() : 0;
  double size = info[2]->IsNumber() ? info[2].As<v8::Number>()->Value() : 0;
  if (!(offset >= 0 && size >= 0 && offset + size <= static_cast<double>(length))) {
    return ThrowError(isolate, ErrorKind::kRangeError, "randomFill bounds out of range",
                      "ERR_OUT_OF_RANGE");
  }
  RunCryptoJob(info, std::make_unique<RandomFillJob>(std::move(store),
                                                     base + static_cast<size_t>(offset),
                                                     static_cast<size_t>(size)),
               info[3]);
}

void TimingSafeEqual(const Info& info) {
  absl::Span<uint8_t> a;
  absl::Span<uint8_t> b;
  if (!GetBytes(info[0], &a) || !GetBytes(info[1], &b) || a.size() != b.size()) {
    return ThrowError(info.GetIsolate(), ErrorKind::kRangeError,
                      "Input buffers must have the same byte length",
                      "ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH");
  }
  info.GetReturnValue().Set(a.empty() || CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0);
}

constexpr NativeFunction kFunctions[] = {
    {"cryptoRandomFill", RandomFill, 4},
    {"cryptoTimingSafeEqual", TimingSafeEqual, 2},
};

}  // namespace

absl::Span<const NativeFunction> CryptoRandomFunctions() { return kFunctions; }

}  // namespace toysnap::node
