// The native `Process` class under runtime/js/child_process.js's ChildProcess,
// as Node's process_wrap: spawn(options) -> 0 or a libuv error, kill(signal),
// ref/unref/hasRef, close(), and `onexit(status, signal)` called on the
// runtime's loop when the child ends. The libuv handle lives outside the JS
// heap (never in a snapshot) and is freed in its close callback; while the
// child runs, the instance is held strongly and tracked as a live resource.
#include "runtime/async_context.h"
#include "runtime/node/child_process_internal.h"

#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "runtime/event_loop.h"
#include "runtime/isolate_data.h"
#include "runtime/js_error.h"
#include "runtime/native_util.h"
#include "runtime/node/child_process_spec.h"
#include "v8-exception.h"
#include "v8-function.h"
#include "v8-persistent-handle.h"
#include "v8-primitive.h"

namespace toysnap::node {
namespace {

class ProcessState;

// Owned by itself from uv_spawn until its close callback (which deletes it);
// before uv_spawn, by its state.
struct ProcessHandle {
  uv_process_t process;
  IsolateData* data = nullptr;  // outlives every state of its isolate
  v8::Isolate* isolate = nullptr;
  v8::Global<v8::Object> self;  // strong from spawn to close, so onexit can run
  SavedAsyncContext async_context;  // the one spawn ran in, for onexit
  ProcessState* state = nullptr;  // null once the JS object is gone
  int resource = 0;               // the loop's record of the running child
  bool initialized = false;       // uv_spawn was called (the handle needs uv_close)
  bool closing = false;
};

void Untrack(ProcessHandle* handle) {
  if (handle->resource == 0) return;
  if (handle->data->loop != nullptr) handle->data->loop->UntrackResource(handle->resource);
  handle->resource = 0;
}

void OnClosed(uv_handle_t* raw);

class ProcessState final : public NativeState {
 public:
  // `data` may be null (a restored state) until spawn() sets it.
  explicit ProcessState(IsolateData* data) : data_(data) {}
  ~ProcessState() override {
    if (handle_ == nullptr) return;
    handle_->state = nullptr;
    handle_->self.Reset();
    handle_->async_context.Reset();
    Untrack(handle_);
    if (handle_->closing) return;  // its close callback frees it
    if (!handle_->initialized || data_->loop == nullptr) {
      // Never spawned, or the loop already closed every handle as it went.
      delete handle_;
      return;
    }
    handle_->closing = true;
    uv_close(reinterpret_cast<uv_handle_t*>(&handle_->process), OnClosed);
  }
  // A process never outlives its runtime: a restored instance has none.
  std::string Serialize() const override { return {}; }

  ProcessHandle* handle() const { return handle_; }
  void set_handle(ProcessHandle* handle) { handle_ = handle; }
  IsolateData* data() const { return data_; }
  void set_data(IsolateData* data) { data_ = data; }

 private:
  IsolateData* data_;  // not owned; set whenever handle_ is
  ProcessHandle* handle_ = nullptr;
};

void OnClosed(uv_handle_t* raw) {
  auto* handle = static_cast<ProcessHandle*>(raw->data);
  if (handle->state != nullptr) handle->state->set_handle(nullptr);
  delete handle;
}

void OnExit(uv_process_t* process, int64_t exit_status, int term_signal) {
  auto* handle = static_cast<ProcessHandle*>(process->data);
  Untrack(handle);
  EventLoop* loop = handle->data->loop;
  // A runtime going away ends its children's handles without calling JS.
  if (loop == nullptr || handle->self.IsEmpty()) return;
  v8::Isolate* isolate = handle->isolate;
  loop->RunCallback([&](v8::Local<v8::Context> context) -> absl::Status {
    v8::Local<v8::Object> self = handle->self.Get(isolate);
    v8::Local<v8::Value> onexit;
    v8::TryCatch try_catch(isolate);
    if (!self->Get(context, v8::String::NewFromUtf8Literal(isolate, "onexit")).ToLocal(&onexit) ||
        !onexit->IsFunction()) {
      return absl::OkStatus();
    }
    v8::Local<v8::Value> args[] = {
        v8::Number::New(isolate, static_cast<double>(exit_status)),
        v8::Integer::New(isolate, term_signal)};
    v8::Local<v8::Value> ignored;
    AsyncContextScope scope(context, handle->async_context.Get(isolate));
    if (!onexit.As<v8::Function>()->Call(context, self, 2, args).ToLocal(&ignored)) {
      return TryCatchToStatus(isolate, context, try_catch);
    }
    return absl::OkStatus();
  });
}

void Construct(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  IsolateData* data = IsolateData::From(isolate);
  if (!info.IsConstructCall() || data == nullptr) {
    return ThrowError(isolate, ErrorKind::kTypeError, "Illegal constructor");
  }
  WrapNativeState(info.This(), ProcessClass(), std::make_unique<ProcessState>(data));
}

// spawn(options) -> 0, or a negative libuv error (the handle then needs close()).
void Spawn(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  auto* state = UnwrapNativeState<ProcessState>(info, ProcessClass());
  if (state == nullptr) return;
  if (!CheckChildProcessAccess(isolate)) return;
  if (state->handle() != nullptr) {
    return ThrowError(isolate, ErrorKind::kError, "this Process was already spawned");
  }
  if (state->data() == nullptr) state->set_data(IsolateData::From(isolate));
  EventLoop* loop = state->data() != nullptr ? state->data()->loop : nullptr;
  if (loop == nullptr) {
    return ThrowError(isolate, ErrorKind::kError,
                      "child_process is not available without an event loop");
  }
  if (!info[0]->IsObject()) {
    return ThrowInvalidArgType(isolate, "options", "of type object", info[0]);
  }
  SpawnSpec spec;
  if (!ReadSpawnSpec(context, info[0].As<v8::Object>(), &spec)) return;
  UvProcessOptions options(spec);
  for (size_t i = 0; i < spec.stdio.size(); ++i) {
    if (spec.stdio[i].kind == StdioSpec::Kind::kWrap) {
      uv_stream_t* stream = ChildStdioStream(isolate, spec.stdio[i].handle);
      if (stream == nullptr) return;  // thrown
      options.stdio()[i].data.stream = stream;
      continue;
    }
    if (spec.stdio[i].kind != StdioSpec::Kind::kPipe) continue;
    uv_stream_t* stream = ChildPipeStream(isolate, spec.stdio[i].handle);
    if (stream == nullptr) return;  // thrown
    options.stdio()[i].data.stream = stream;
    // As Node's process_wrap: an async pipe goes both ways, whatever the
    // descriptor's usual direction (a child may read what it got on fd 4).
    options.stdio()[i].flags =
        static_cast<uv_stdio_flags>(UV_CREATE_PIPE | UV_READABLE_PIPE | UV_WRITABLE_PIPE);
  }
  options.get()->exit_cb = OnExit;
  auto handle = std::make_unique<ProcessHandle>();
  handle->data = state->data();
  handle->isolate = isolate;
  handle->state = state;
  handle->process.data = handle.get();
  handle->initialized = true;
  int error = uv_spawn(loop->uv_loop(), &handle->process, options.get());
  if (error == 0) {
    handle->self.Reset(isolate, info.This());
    handle->async_context.Capture(isolate);
    handle->resource = loop->TrackResource(absl::StrCat("child process '", spec.file, "'"),
                                           UserCallSite(isolate));
    info.This()
        ->Set(context, v8::String::NewFromUtf8Literal(isolate, "pid"),
              v8::Integer::New(isolate, handle->process.pid))
        .IsJust();
  }
  state->set_handle(handle.release());
  info.GetReturnValue().Set(error);
}

ProcessHandle* LiveHandle(const v8::FunctionCallbackInfo<v8::Value>& info) {
  auto* state = UnwrapNativeState<ProcessState>(info, ProcessClass());
  if (state == nullptr || state->handle() == nullptr || state->handle()->closing) return nullptr;
  return state->handle();
}

// kill(signal) -> 0 or a negative libuv error.
void Kill(const v8::FunctionCallbackInfo<v8::Value>& info) {
  ProcessHandle* handle = LiveHandle(info);
  if (handle == nullptr) return info.GetReturnValue().Set(UV_ESRCH);
  int signal = info[0]->IsInt32() ? info[0].As<v8::Int32>()->Value() : SIGTERM;
  info.GetReturnValue().Set(uv_process_kill(&handle->process, signal));
}

void Ref(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (ProcessHandle* handle = LiveHandle(info)) {
    uv_ref(reinterpret_cast<uv_handle_t*>(&handle->process));
  }
}

void Unref(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (ProcessHandle* handle = LiveHandle(info)) {
    uv_unref(reinterpret_cast<uv_handle_t*>(&handle->process));
  }
}

void HasRef(const v8::FunctionCallbackInfo<v8::Value>& info) {
  ProcessHandle* handle = LiveHandle(info);
  info.GetReturnValue().Set(handle != nullptr &&
                            uv_has_ref(reinterpret_cast<uv_handle_t*>(&handle->process)) != 0);
}

void Close(const v8::FunctionCallbackInfo<v8::Value>& info) {
  ProcessHandle* handle = LiveHandle(info);
  if (handle == nullptr) return;
  handle->self.Reset();
  handle->async_context.Reset();
  Untrack(handle);
  if (!handle->initialized) return;
  handle->closing = true;
  uv_close(reinterpret_cast<uv_handle_t*>(&handle->process), OnClosed);
}

// A Process in a snapshot had no running child (a build with one fails), so
// it comes back as one that has none: kill() gives ESRCH, as after close().
absl::StatusOr<std::unique_ptr<NativeState>> Restore(absl::string_view) {
  return std::make_unique<ProcessState>(nullptr);
}

constexpr NativeMethod kMethods[] = {
    {"spawn", Spawn, 1}, {"kill", Kill, 1},     {"ref", Ref, 0},
    {"unref", Unref, 0}, {"hasRef", HasRef, 0}, {"close", Close, 0},
};

}  // namespace

const NativeClass& ProcessClass() {
  static const NativeClass kClass = {"Process", Construct, 0, kMethods, {}, Restore, 1};
  return kClass;
}

}  // namespace toysnap::node
