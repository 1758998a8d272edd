// Natives of the console extension.
#include "runtime/console_natives.h"

#include "runtime/binding.h"
#include "runtime/js_error.h"
#include "runtime/natives.h"
#include "v8-container.h"
#include "v8-primitive.h"

namespace toysnap {
namespace {

// print(fd, text): fd 2 is stderr, anything else stdout.
void Print(NativeCall& call, int32_t fd, std::string text) {
  if (NativeHost* host = NativeHost::From(call.isolate)) host->Print(fd == 2 ? 2 : 1, text);
}
constexpr const char* kPrintArgs[] = {"fd", "text"};

// promiseDetails(promise) -> [state, result]: V8's 0 pending, 1 fulfilled,
// 2 rejected; plain JS cannot see a promise's state, console.log needs it.
v8::Local<v8::Value> PromiseDetails(NativeCall& call, v8::Local<v8::Value> value) {
  if (!value->IsPromise()) return v8::Undefined(call.isolate);
  v8::Local<v8::Promise> promise = value.As<v8::Promise>();
  v8::Local<v8::Value> details[] = {
      v8::Integer::New(call.isolate, static_cast<int>(promise->State())),
      promise->State() == v8::Promise::kPending ? v8::Undefined(call.isolate).As<v8::Value>()
                                                : promise->Result()};
  return v8::Array::New(call.isolate, details, 2);
}
constexpr const char* kPromiseDetailsArgs[] = {"promise"};

// previewEntries(value) -> [kind, entries, isKeyValue] for a Map, Set or
// one of their iterators ('map', 'set', 'mapIterator', 'setIterator'),
// read without advancing an iterator; undefined for anything else.
// console.table lists them.
v8::Local<v8::Value> PreviewEntries(NativeCall& call, v8::Local<v8::Value> value) {
  v8::Isolate* isolate = call.isolate;
  const char* kind = value->IsMap()           ? "map"
                     : value->IsSet()         ? "set"
                     : value->IsMapIterator() ? "mapIterator"
                     : value->IsSetIterator() ? "setIterator"
                                              : nullptr;
  if (kind == nullptr) return v8::Undefined(isolate);
  bool is_key_value = false;
  v8::Local<v8::Array> entries;
  v8::Local<v8::String> name;
  if (!value.As<v8::Object>()->PreviewEntries(&is_key_value).ToLocal(&entries) ||
      !v8::String::NewFromUtf8(isolate, kind).ToLocal(&name)) {
    return v8::Undefined(isolate);
  }
  v8::Local<v8::Value> result[] = {name, entries, v8::Boolean::New(isolate, is_key_value)};
  return v8::Array::New(isolate, result, 3);
}
constexpr const char* kPreviewEntriesArgs[] = {"value"};

// setErrorDescriber(fn): how a report of an uncaught error shows the error.
void SetDescriber(NativeCall& call, v8::Local<v8::Function> describe) {
  SetErrorDescriber(call.isolate->GetCurrentContext(), describe);
}
constexpr const char* kSetDescriberArgs[] = {"describe"};

constexpr NativeFunction kFunctions[] = {
    {"print", Bind<Print, kPrintArgs>, 2},
    {"promiseDetails", Bind<PromiseDetails, kPromiseDetailsArgs>, 1},
    {"previewEntries", Bind<PreviewEntries, kPreviewEntriesArgs>, 1},
    {"setErrorDescriber", Bind<SetDescriber, kSetDescriberArgs>, 1},
};
constexpr absl::string_view kJs[] = {
    "inspect_layout.js", "inspect_brands.js", "inspect_primitives.js", "inspect_errors.js",
    "inspect.js",        "inspect_format.js", "console.js"};
// console.Console, console.table and the methods hello does not need; the
// snapshot build's warm-up.
constexpr absl::string_view kLazyJs[] = {"console_impl.js", "console_table.js", "inspect_colors.js",
                                         "console_warmup.js"};

}  // namespace

const Extension& ConsoleExtension() {
  static const Extension kExtension{"console", 2, kFunctions, {}, {}, {}, kJs, nullptr, kLazyJs};
  return kExtension;
}

}  // namespace toysnap
