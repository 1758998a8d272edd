// Repairs zero-length ArrayBuffers right before V8 10.2 serializes them.
// Called only by the context serializer's embedder-field callback
// (native_classes.cc), which V8 runs for every ArrayBuffer it writes.
//
// Why: V8 10.2's serializer writes JSArrayBuffer::extension (a C++ pointer of
// the building process) unchanged when the buffer has no backing store, which
// is what a zero-length or detached buffer made by JS has; its deserializer
// keeps that pointer too, so the restored process's first full GC marks freed
// memory (JSArrayBuffer::MarkExtension) and crashes. Later V8s clear the field
// in both places. A buffer without backing store needs no extension (V8
// makes one again if it ever gets memory), so clearing it here is exactly what
// the fixed serializer writes.
#ifndef TOYSNAP_RUNTIME_SNAPSHOT_ARRAY_BUFFERS_H_
#define TOYSNAP_RUNTIME_SNAPSHOT_ARRAY_BUFFERS_H_

#include <cstddef>

#include "absl/status/status.h"
#include "v8-object.h"

namespace toysnap {

// Counts what one CreateBlob did to buffers; owned by whoever calls CreateBlob.
struct ArrayBufferRepairs {
  size_t cleared = 0;     // empty buffers whose stale extension was cleared
  size_t unrepaired = 0;  // empty buffers with an extension this build cannot clear

  // An error naming the problem if any buffer went unrepaired: its snapshot
  // would crash when restored.
  absl::Status status() const;
};

// `holder` is an ArrayBuffer or SharedArrayBuffer being serialized (GC and JS
// disallowed: this only reads and writes the object's own fields). Clears the
// extension of one that has no backing store; `repairs` may be null.
void RepairArrayBufferForSnapshot(v8::Local<v8::Object> holder, ArrayBufferRepairs* repairs);

// True if this V8 build lays out JSArrayBuffer as the repair expects; checked
// against a live buffer by the unit test.
bool ArrayBufferLayoutKnown();

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_SNAPSHOT_ARRAY_BUFFERS_H_
