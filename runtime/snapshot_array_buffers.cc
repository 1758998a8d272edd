// See snapshot_array_buffers.h for why zero-length buffers need this.
#include "runtime/snapshot_array_buffers.h"

#include <cstdint>
#include <memory>

#include "absl/strings/str_cat.h"
#include "v8-array-buffer.h"
#include "v8-internal.h"
#include "v8-version.h"

namespace toysnap {
namespace {

// JSArrayBuffer in V8 10.2 without pointer compression or sandbox: the
// JSObject header, then byte_length, max_byte_length, backing_store and
// extension, one word each (src/objects/js-array-buffer.tq).
struct RawArrayBufferFields {
  uintptr_t byte_length;
  uintptr_t max_byte_length;
  uintptr_t backing_store;
  uintptr_t extension;
};

#if V8_MAJOR_VERSION == 10 && V8_MINOR_VERSION == 2 && !defined(V8_COMPRESS_POINTERS) && \
    !defined(V8_SANDBOX) && !defined(V8_SANDBOXED_POINTERS)
constexpr bool kLayoutKnown = sizeof(void*) == 8;
#else
constexpr bool kLayoutKnown = false;
#endif

RawArrayBufferFields* FieldsOf(v8::Local<v8::Object> holder) {
  // A Local is the address of a slot holding the tagged object pointer.
  uintptr_t tagged = *reinterpret_cast<const uintptr_t*>(*holder);
  uintptr_t object = tagged - static_cast<uintptr_t>(v8::internal::kHeapObjectTag);
  return reinterpret_cast<RawArrayBufferFields*>(object +
                                                 v8::internal::Internals::kJSObjectHeaderSize);
}

// The BackingStore the buffer's extension holds (V8 hands out the same object).
const void* BackingStoreOf(v8::Local<v8::Object> holder) {
  if (holder->IsSharedArrayBuffer()) {
    return holder.As<v8::SharedArrayBuffer>()->GetBackingStore().get();
  }
  return holder.As<v8::ArrayBuffer>()->GetBackingStore().get();
}

// ArrayBufferExtension starts with two one-byte atomics, then its
// shared_ptr<BackingStore>: the word after the first is the store's address.
bool IsExtensionOf(uintptr_t extension, const void* store) {
  if (extension % alignof(void*) != 0) return false;
  const void* const* words = reinterpret_cast<const void* const*>(extension);
  return words[1] == store;
}

}  // namespace

absl::Status ArrayBufferRepairs::status() const {
  if (unrepaired == 0) return absl::OkStatus();
  return absl::FailedPreconditionError(absl::StrCat(
      unrepaired,
      " zero-length ArrayBuffer(s) are in the heap, and this V8 build would snapshot "
      "them with a pointer into the building process (the restored program would "
      "crash): create them inside main() instead"));
}

bool ArrayBufferLayoutKnown() { return kLayoutKnown; }

void RepairArrayBufferForSnapshot(v8::Local<v8::Object> holder, ArrayBufferRepairs* repairs) {
  if (!holder->IsArrayBuffer() && !holder->IsSharedArrayBuffer()) return;
  if (!kLayoutKnown) {
    size_t length = holder->IsArrayBuffer() ? holder.As<v8::ArrayBuffer>()->ByteLength()
                                            : holder.As<v8::SharedArrayBuffer>()->ByteLength();
    if (length == 0 && repairs != nullptr) ++repairs->unrepaired;
    return;
  }
  RawArrayBufferFields* fields = FieldsOf(holder);
  // With a backing store V8 clears the extension itself; without one and
  // without an extension there is nothing stale.
  if (fields->backing_store != 0 || fields->extension == 0) return;
  if (fields->byte_length != 0 || !IsExtensionOf(fields->extension, BackingStoreOf(holder))) {
    if (repairs != nullptr) ++repairs->unrepaired;
    return;
  }
  // The extension stays on the heap's sweeper list, which frees it with the
  // isolate; the buffer itself never needed it (it owns no memory).
  fields->extension = 0;
  if (repairs != nullptr) ++repairs->cleared;
}

}  // namespace toysnap
