// Helpers the module loader's files share (module_loader.cc, module_imports.cc,
// module_synthetic.cc). Private to ModuleLoader's implementation: include it
// from those files only.
#ifndef TOYSNAP_RUNTIME_MODULE_LOADER_INTERNAL_H_
#define TOYSNAP_RUNTIME_MODULE_LOADER_INTERNAL_H_

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "v8-isolate.h"
#include "v8-local-handle.h"
#include "v8-value.h"

namespace toysnap::module_loader_internal {

// OK when the fs-read permission covers `disk_path`: module files are read
// under it too, as Node's are. Else an error naming the flag that grants it.
absl::Status ReadableByPermission(v8::Isolate* isolate, const std::string& disk_path);

// `value` as UTF-8; "" when it cannot be converted.
std::string ToUtf8(v8::Isolate* isolate, v8::Local<v8::Value> value);

// Throws an Error; a RangeError instead if `message` is too long for V8.
void ThrowError(v8::Isolate* isolate, absl::string_view message);

// A TypeError with Node's `code`, as Node's loader throws for import
// attribute mismatches; empty if V8 cannot hold the message.
v8::Local<v8::Value> NewCodedError(v8::Isolate* isolate, absl::string_view message,
                                   const char* code);

}  // namespace toysnap::module_loader_internal

#endif  // TOYSNAP_RUNTIME_MODULE_LOADER_INTERNAL_H_
