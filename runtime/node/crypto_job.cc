// CryptoJob (crypto_internal.h): work on libuv's thread pool that completes
// into JS through the runtime's loop, the way fs's WorkJob does.
#include <utility>

#include "runtime/event_loop.h"
#include "runtime/isolate_data.h"
#include "runtime/js_error.h"
#include "runtime/native_util.h"
#include "runtime/node/crypto_bytes.h"
#include "runtime/node/crypto_internal.h"
#include "runtime/v8_strings.h"
#include "v8-exception.h"
#include "v8-primitive.h"

namespace toysnap::node {

v8::Local<v8::Value> CryptoJob::Result(v8::Isolate* isolate) {
  if (use_output) return NewArrayBufferCopy(isolate, output);
  return v8::Undefined(isolate);
}

v8::Local<v8::Value> CryptoJob::Error(v8::Isolate* isolate) const {
  v8::Local<v8::String> message;
  if (!NewString(isolate, error_message).ToLocal(&message)) message = v8::String::Empty(isolate);
  v8::Local<v8::Value> error = v8::Exception::Error(message);
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  for (const auto& [key, value] : {std::pair<const char*, const std::string*>{"library", &error_library},
                                   {"reason", &error_reason}}) {
    v8::Local<v8::String> name, text;
    if (!value->empty() && error->IsObject() && NewString(isolate, key).ToLocal(&name) &&
        NewString(isolate, *value).ToLocal(&text)) {
      error.As<v8::Object>()->Set(context, name, text).IsJust();
    }
  }
  if (!error_code.empty() && error->IsObject()) {
    SetNodeErrorCode(isolate, error.As<v8::Object>(), error_code);
  }
  return error;
}

void RunCryptoJob(const v8::FunctionCallbackInfo<v8::Value>& info, std::unique_ptr<CryptoJob> job,
                  v8::Local<v8::Value> done) {
  v8::Isolate* isolate = info.GetIsolate();
  IsolateData* data = IsolateData::From(isolate);
  EventLoop* loop = data != nullptr ? data->loop : nullptr;
  if (!done->IsFunction() || loop == nullptr) {
    job->Work();
    if (!job->error_message.empty()) {
      isolate->ThrowException(job->Error(isolate));
      return;
    }
    info.GetReturnValue().Set(job->Result(isolate));
    return;
  }
  job->isolate_ = isolate;
  job->done_.Reset(isolate, done.As<v8::Function>());
  job->request_ = new uv_work_t;
  job->request_->data = job.get();
  int queued = uv_queue_work(
      loop->uv_loop(), job->request_,
      [](uv_work_t* request) { static_cast<CryptoJob*>(request->data)->Work(); },
      [](uv_work_t* request, int) { CryptoJob::Complete(static_cast<CryptoJob*>(request->data)); });
  if (queued != 0) {
    delete job->request_;
    job->request_ = nullptr;
    return ThrowError(isolate, ErrorKind::kError, "could not queue crypto work");
  }
  job.release();  // Complete() owns it now
}

void CryptoJob::Complete(CryptoJob* raw) {
  std::unique_ptr<CryptoJob> job(raw);
  delete job->request_;
  job->request_ = nullptr;
  v8::Isolate* isolate = job->isolate_;
  IsolateData* data = IsolateData::From(isolate);
  // A runtime being destroyed finishes its work without calling into JS.
  if (data == nullptr || data->loop == nullptr) return;
  data->loop->RunCallback([&job, isolate](v8::Local<v8::Context> context) -> absl::Status {
    v8::TryCatch try_catch(isolate);
    v8::Local<v8::Value> args[2];
    int argc = 1;
    if (!job->error_message.empty()) {
      args[0] = job->Error(isolate);
    } else {
      args[0] = v8::Null(isolate);
      args[1] = job->Result(isolate);
      argc = 2;
    }
    v8::Local<v8::Value> ignored;
    if (!job->done_.Get(isolate)->Call(context, v8::Undefined(isolate), argc, args).ToLocal(&ignored)) {
      return TryCatchToStatus(isolate, context, try_catch);
    }
    return absl::OkStatus();
  });
}

}  // namespace toysnap::node
