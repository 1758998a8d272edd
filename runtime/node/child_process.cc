// The child_process extension: spawnSync's native (the work is in
// child_process_sync.cc), the Process class (child_process_wrap.cc), the
// permission check, and the JavaScript (child_process.js, loaded at the first
// require of child_process from child_process_impl.js).
#include "runtime/node/child_process.h"

#include <memory>
#include <string>

#include "runtime/native_util.h"
#include "runtime/node/child_process_internal.h"
#include "runtime/node/child_process_ipc.h"
#include "runtime/node/child_process_spec.h"
#include "runtime/node/child_process_sync.h"
#include "runtime/node/stream_handle.h"
#include "runtime/permission_check.h"
#include "v8-array-buffer.h"
#include "v8-container.h"
#include "v8-exception.h"
#include "v8-primitive.h"

namespace toysnap::node {
namespace {

void SetField(v8::Local<v8::Context> context, v8::Local<v8::Object> object, const char* key,
              v8::Local<v8::Value> value) {
  v8::Local<v8::String> name;
  if (!v8::String::NewFromUtf8(context->GetIsolate(), key).ToLocal(&name)) return;
  object->CreateDataProperty(context, name, value).IsJust();
}

v8::Local<v8::Value> BytesOf(v8::Isolate* isolate, std::string bytes) {
  auto owned = std::make_unique<std::string>(std::move(bytes));
  void* data = owned->data();
  size_t size = owned->size();
  std::shared_ptr<v8::BackingStore> store = v8::ArrayBuffer::NewBackingStore(
      data, size, [](void*, size_t, void* text) { delete static_cast<std::string*>(text); },
      owned.release());
  return v8::ArrayBuffer::New(isolate, std::move(store));
}

// spawnSync(options) -> {error?, status, signal, output, pid}, as Node's
// spawn_sync binding: `error` a negative libuv error, `signal` the number of
// the signal that ended the child (JS names it), each output an ArrayBuffer.
void SpawnSync(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  if (!CheckChildProcessAccess(isolate)) return;
  if (!info[0]->IsObject()) {
    return ThrowInvalidArgType(isolate, "options", "of type object", info[0]);
  }
  SpawnSpec spec;
  if (!ReadSpawnSpec(context, info[0].As<v8::Object>(), &spec)) return;
  for (const StdioSpec& one : spec.stdio) {
    if (one.kind == StdioSpec::Kind::kWrap) {
      return ThrowError(isolate, ErrorKind::kTypeError,
                        "a synchronous spawn cannot take a stream as stdio",
                        "ERR_INVALID_ARG_VALUE");
    }
  }
  SyncResult result = RunSync(spec);

  v8::Local<v8::Object> out = v8::Object::New(isolate);
  if (result.error != 0) SetField(context, out, "error", v8::Integer::New(isolate, result.error));
  bool exited = result.spawned && result.term_signal == 0;
  v8::Local<v8::Value> status = v8::Null(isolate);
  if (exited) status = v8::Number::New(isolate, static_cast<double>(result.exit_status));
  SetField(context, out, "status", status);
  v8::Local<v8::Value> signal = v8::Null(isolate);
  if (result.term_signal != 0) signal = v8::Integer::New(isolate, result.term_signal);
  SetField(context, out, "signal", signal);
  if (result.spawned) {
    v8::Local<v8::Array> output = v8::Array::New(isolate, static_cast<int>(result.output.size()));
    for (size_t i = 0; i < result.output.size(); ++i) {
      v8::Local<v8::Value> item = v8::Null(isolate);
      if (result.output[i]) item = BytesOf(isolate, std::move(*result.output[i]));
      output->Set(context, static_cast<uint32_t>(i), item).IsJust();
    }
    SetField(context, out, "output", output);
  } else {
    SetField(context, out, "output", v8::Null(isolate));
  }
  SetField(context, out, "pid", v8::Integer::New(isolate, result.pid));
  info.GetReturnValue().Set(out);
}

// childProcessClasses() -> {Process}: the class is lazy
// (Extension::lazy_classes), made at the first require of child_process, so
// hello's heap does not carry its template.
void ChildProcessClasses(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Object> classes = v8::Object::New(isolate);
  static const NativeClass* const kClasses[] = {&ProcessClass()};
  absl::Status installed = InstallNativeClasses(context, classes, kClasses);
  if (!installed.ok()) return ThrowError(isolate, ErrorKind::kError, installed.message());
  info.GetReturnValue().Set(classes);
}

constexpr NativeFunction kFunctions[] = {
    {"childSpawnSync", SpawnSync, 1},
    {"childProcessClasses", ChildProcessClasses, 0},
    {"ipcSerialize", IpcSerialize, 2},
    {"ipcDeserialize", IpcDeserialize, 2},
};

}  // namespace

bool CheckChildProcessAccess(v8::Isolate* isolate) {
  v8::TryCatch try_catch(isolate);
  if (CheckAccess(isolate, Capability::kChildProcess)) return true;
  if (try_catch.HasCaught() && !try_catch.HasTerminated() && try_catch.Exception()->IsObject()) {
    v8::Local<v8::Context> context = isolate->GetCurrentContext();
    SetField(context, try_catch.Exception().As<v8::Object>(), "resource",
             v8::String::Empty(isolate));
  }
  try_catch.ReThrow();
  return false;
}

uv_stream_t* ChildPipeStream(v8::Isolate* isolate, v8::Local<v8::Object> pipe) {
  StreamHandle* handle = UnwrapStreamHandle(isolate, pipe);
  uv_stream_t* stream = handle != nullptr && handle->kind() == HandleKind::kPipe
                            ? handle->stream() : nullptr;
  if (stream == nullptr) {
    ThrowError(isolate, ErrorKind::kTypeError, "a 'pipe' stdio entry needs an open Pipe handle",
               "ERR_INVALID_ARG_VALUE");
  }
  return stream;
}

uv_stream_t* ChildStdioStream(v8::Isolate* isolate, v8::Local<v8::Object> handle) {
  StreamHandle* state = UnwrapStreamHandle(isolate, handle);
  uv_stream_t* stream = state != nullptr ? state->stream() : nullptr;
  if (stream == nullptr) {
    ThrowError(isolate, ErrorKind::kTypeError, "a stream stdio entry needs an open handle",
               "ERR_INVALID_ARG_VALUE");
  }
  return stream;
}

const Extension& ChildProcessExtension() {
  static const NativeClass* const kClasses[] = {&ProcessClass()};
  static constexpr absl::string_view kJs[] = {"child_process.js"};
  static constexpr absl::string_view kLazyJs[] = {
      "child_process_impl.js", "child_process_exec.js", "child_process_ipc.js",
      "child_process_stdio.js"};
  static const Extension kExtension{
      "child_process", 1, kFunctions, {}, {}, {}, kJs, nullptr, kLazyJs, kClasses};
  return kExtension;
}

}  // namespace toysnap::node
