// Small helpers for native callbacks: Node-style errors and byte views of
// buffers. Included by the .cc files behind natives.cc and native_classes.cc.
#ifndef TOYSNAP_RUNTIME_NATIVE_UTIL_H_
#define TOYSNAP_RUNTIME_NATIVE_UTIL_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "v8-function-callback.h"
#include "v8-isolate.h"
#include "v8-local-handle.h"
#include "v8-object.h"
#include "v8-value.h"

namespace toysnap {

enum class ErrorKind { kError, kTypeError, kRangeError };

// Gives `error` Node's `code` property and a stack that starts "Name [code]: ".
void SetNodeErrorCode(v8::Isolate* isolate, v8::Local<v8::Object> error, absl::string_view code);

// Throws a new error; with a `code` it gets Node's `code` property too.
void ThrowError(v8::Isolate* isolate, ErrorKind kind, absl::string_view message,
                absl::string_view code = {});

// Node's ERR_INVALID_ARG_TYPE: The "<name>" argument must be <expected>. Received ...
void ThrowInvalidArgType(v8::Isolate* isolate, absl::string_view name, absl::string_view expected,
                         v8::Local<v8::Value> actual);

// Throws `factory(message, name)`, where bootstrap JS passes a function that makes
// a DOMException; a TypeError if `factory` is not a function.
void ThrowDOMException(v8::Isolate* isolate, v8::Local<v8::Value> factory,
                       v8::Local<v8::String> message, absl::string_view name);
void ThrowDOMException(v8::Isolate* isolate, v8::Local<v8::Value> factory,
                       absl::string_view message, absl::string_view name);

// "file:line:col" of the innermost frame of user code on the stack (the
// runtime's own toysnap:internal/ frames skipped), or "" outside JS. Names
// where a live resource was made, for build-time errors.
std::string UserCallSite(v8::Isolate* isolate);

// The bytes of an ArrayBuffer, SharedArrayBuffer or ArrayBufferView; false for
// anything else. Valid until JS runs again (which may detach the buffer).
bool GetBytes(v8::Local<v8::Value> value, absl::Span<uint8_t>* bytes);

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_NATIVE_UTIL_H_
