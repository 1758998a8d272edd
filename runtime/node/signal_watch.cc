// SignalWatch: a libuv signal handle that calls back into JS, for what the
// runtime itself watches (SIGWINCH: a terminal's new size for tty streams).
// Never keeps the loop alive; a lazy class of the net extension (net.cc).
//   new SignalWatch(signum, callback)  callback() on each delivery
//   close()                            idempotent
#include "runtime/async_context.h"
#include "runtime/node/signal_watch.h"

#include <uv.h>

#include <memory>
#include <string>

#include "runtime/event_loop.h"
#include "runtime/isolate_data.h"
#include "runtime/js_error.h"
#include "runtime/native_util.h"
#include "v8-exception.h"
#include "v8-function.h"
#include "v8-persistent-handle.h"

namespace toysnap::node {
namespace {

extern const NativeClass kSignalWatchClass;

// Owns its uv_signal_t; an open one keeps its JS object alive. As with
// StreamHandle, a runtime's loop closes it when the runtime goes, and the
// state is freed after.
class SignalWatch final : public NativeState {
 public:
  SignalWatch() = default;
  std::string Serialize() const override { return {}; }

  int Start(v8::Isolate* isolate, uv_loop_t* loop, int signum, v8::Local<v8::Object> self,
            v8::Local<v8::Function> callback) {
    isolate_ = isolate;
    int error = uv_signal_init(loop, &handle_);
    if (error != 0) return error;
    live_ = true;
    handle_.data = this;
    error = uv_signal_start(&handle_, OnSignal, signum);
    uv_unref(reinterpret_cast<uv_handle_t*>(&handle_));
    self_.Reset(isolate, self);
    callback_.Reset(isolate, callback);
    IsolateData* data = IsolateData::From(isolate);
    if (data != nullptr && data->loop != nullptr) {
      resource_id_ = data->loop->TrackResource("signal watcher", UserCallSite(isolate));
    }
    if (error != 0) Close();
    return error;
  }

  void Close() {
    if (!live_ || closing_) return;
    closing_ = true;
    uv_close(reinterpret_cast<uv_handle_t*>(&handle_), OnClose);
  }

 private:
  static void OnSignal(uv_signal_t* handle, int) {
    auto* self = static_cast<SignalWatch*>(handle->data);
    IsolateData* data = IsolateData::From(self->isolate_);
    if (data == nullptr || data->loop == nullptr || self->callback_.IsEmpty()) return;
    v8::Isolate* isolate = self->isolate_;
    data->loop->RunCallback([&](v8::Local<v8::Context> context) -> absl::Status {
      v8::TryCatch try_catch(isolate);
      v8::Local<v8::Value> ignored;
      if (!self->callback_.Call(context, v8::Undefined(isolate), 0, nullptr)
               .ToLocal(&ignored)) {
        return TryCatchToStatus(isolate, context, try_catch);
      }
      return absl::OkStatus();
    });
  }

  static void OnClose(uv_handle_t* handle) {
    auto* self = static_cast<SignalWatch*>(handle->data);
    self->live_ = false;
    IsolateData* data = IsolateData::From(self->isolate_);
    if (data != nullptr && data->loop != nullptr) data->loop->UntrackResource(self->resource_id_);
    self->callback_.Reset();
    self->self_.Reset();  // last: the object, and this state, may now be collected
  }

  v8::Isolate* isolate_ = nullptr;
  uv_signal_t handle_;
  bool live_ = false;
  bool closing_ = false;
  int resource_id_ = 0;
  v8::Global<v8::Object> self_;  // strong while open
  AsyncCallback callback_;
};

void Construct(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  if (!info.IsConstructCall()) {
    return ThrowError(isolate, ErrorKind::kTypeError,
                      "Class constructor SignalWatch cannot be invoked without 'new'");
  }
  IsolateData* data = IsolateData::From(isolate);
  if (data == nullptr || data->loop == nullptr) {
    return ThrowError(isolate, ErrorKind::kError, "signal watchers need the runtime's event loop");
  }
  if (!info[0]->IsInt32() || !info[1]->IsFunction()) {
    return ThrowError(isolate, ErrorKind::kTypeError, "new SignalWatch(signum, callback)");
  }
  auto state = std::make_unique<SignalWatch>();
  SignalWatch* raw = state.get();
  WrapNativeState(info.This(), kSignalWatchClass, std::move(state));
  int error = raw->Start(isolate, data->loop->uv_loop(), info[0].As<v8::Int32>()->Value(),
                         info.This(), info[1].As<v8::Function>());
  if (error != 0) {
    ThrowError(isolate, ErrorKind::kError, uv_strerror(error), uv_err_name(error));
  }
}

void Close(const v8::FunctionCallbackInfo<v8::Value>& info) {
  if (auto* self = UnwrapNativeState<SignalWatch>(info, kSignalWatchClass)) self->Close();
}

absl::StatusOr<std::unique_ptr<NativeState>> Restore(absl::string_view) {
  return std::make_unique<SignalWatch>();  // closed
}

constexpr NativeMethod kMethods[] = {{"close", Close, 0}};

const NativeClass kSignalWatchClass = {"SignalWatch", Construct, 2, kMethods, {}, Restore, 1};

}  // namespace

const NativeClass& SignalWatchClass() { return kSignalWatchClass; }

}  // namespace toysnap::node
