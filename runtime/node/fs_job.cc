// File-system jobs: running them in each of the three forms, and Node's error
// objects for their failures.
#include "runtime/async_context.h"
#include "runtime/node/fs_job.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "runtime/event_loop.h"
#include "runtime/isolate_data.h"
#include "runtime/js_error.h"
#include "runtime/native_util.h"
#include "runtime/v8_strings.h"
#include "v8-exception.h"
#include "v8-primitive.h"

namespace toysnap::node {
namespace {

void SetProperty(v8::Isolate* isolate, v8::Local<v8::Object> object, const char* key,
                 v8::Local<v8::Value> value) {
  v8::Local<v8::String> name;
  if (!v8::String::NewFromUtf8(isolate, key).ToLocal(&name)) return;
  object->CreateDataProperty(isolate->GetCurrentContext(), name, value).IsJust();
}

v8::Local<v8::Value> Text(v8::Isolate* isolate, absl::string_view text) {
  v8::Local<v8::String> string;
  if (!NewString(isolate, text).ToLocal(&string)) return v8::String::Empty(isolate);
  return string;
}

}  // namespace

v8::Local<v8::Value> UvException(v8::Isolate* isolate, int error, absl::string_view syscall,
                                 const std::string* path, const std::string* dest) {
  const char* code = uv_err_name(error);
  std::string message = absl::StrCat(code, ": ", uv_strerror(error), ", ", syscall);
  if (path != nullptr) absl::StrAppend(&message, " '", *path, "'");
  if (dest != nullptr) absl::StrAppend(&message, " -> '", *dest, "'");
  v8::Local<v8::Value> exception =
      v8::Exception::Error(Text(isolate, message).As<v8::String>());
  if (!exception->IsObject()) return exception;
  v8::Local<v8::Object> object = exception.As<v8::Object>();
  SetProperty(isolate, object, "errno", v8::Integer::New(isolate, error));
  SetProperty(isolate, object, "code", Text(isolate, code));
  SetProperty(isolate, object, "syscall", Text(isolate, syscall));
  if (path != nullptr) SetProperty(isolate, object, "path", Text(isolate, *path));
  if (dest != nullptr) SetProperty(isolate, object, "dest", Text(isolate, *dest));
  return exception;
}

FsJob::FsJob(const char* syscall, std::string path, std::string dest)
    : path_(std::move(path)), dest_(std::move(dest)) {
  error_.syscall = syscall;
}

v8::MaybeLocal<v8::Value> FsJob::Result(v8::Local<v8::Context> context) {
  return v8::Undefined(context->GetIsolate());
}

void FsJob::Fail(int code, const char* syscall, bool with_path) {
  if (error_.code != 0 || code >= 0) return;
  error_ = {code, syscall, with_path, {}};
}

void FsJob::FailAt(int code, const char* syscall, std::string path) {
  if (error_.code != 0 || code >= 0) return;
  error_ = {code, syscall, true, std::move(path)};
}

v8::Local<v8::Value> FsJob::Exception(v8::Isolate* isolate) const {
  if (!error_.path.empty()) {
    return UvException(isolate, error_.code, error_.syscall, &error_.path, nullptr);
  }
  bool named = error_.with_path && !path_.empty();
  return UvException(isolate, error_.code, error_.syscall, named ? &path_ : nullptr,
                     named && !dest_.empty() ? &dest_ : nullptr);
}

void RunFsJob(NativeCall& call, std::unique_ptr<FsJob> job, v8::Local<v8::Value> req) {
  v8::Isolate* isolate = call.isolate;
  IsolateData* data = IsolateData::From(isolate);
  EventLoop* loop = data != nullptr ? data->loop : nullptr;
  if (loop == nullptr) {
    return ThrowError(isolate, ErrorKind::kError, "fs is not available without an event loop");
  }
  if (req->IsUndefined()) {
    int started = job->Start(loop->uv_loop(), /*async=*/false);
    if (started < 0) job->Fail(started, job->error_.syscall);
    job->Settled(isolate);
    if (job->error_.code < 0) {
      isolate->ThrowException(job->Exception(isolate));
      return;
    }
    v8::Local<v8::Value> result;
    if (job->Result(call.context).ToLocal(&result)) call.info.GetReturnValue().Set(result);
    return;
  }
  job->isolate_ = isolate;
  v8::Local<v8::Promise::Resolver> resolver;
  if (req->IsFunction()) {
    job->callback_.Reset(isolate, req.As<v8::Function>());
  } else {
    if (!v8::Promise::Resolver::New(call.context).ToLocal(&resolver)) return;
    job->resolver_.Reset(isolate, resolver);
    call.info.GetReturnValue().Set(resolver->GetPromise());
  }
  int started = job->Start(loop->uv_loop(), /*async=*/true);
  if (started >= 0) {
    job.release();  // Complete() owns it now
    return;
  }
  // libuv refused the request before it began (out of memory, bad arguments).
  job->Fail(started, job->error_.syscall);
  v8::Local<v8::Value> error = job->Exception(isolate);
  if (resolver.IsEmpty()) {
    isolate->ThrowException(error);
  } else {
    resolver->Reject(call.context, error).IsJust();
  }
}

void FsJob::Complete(FsJob* raw) {
  std::unique_ptr<FsJob> job(raw);
  IsolateData* data = IsolateData::From(job->isolate_);
  // A runtime being destroyed finishes its requests without calling into JS.
  if (data == nullptr || data->loop == nullptr) return;
  job->Settled(job->isolate_);
  data->loop->RunCallback(
      [&job](v8::Local<v8::Context> context) { return job->Deliver(context); });
}

absl::Status FsJob::Deliver(v8::Local<v8::Context> context) {
  v8::Isolate* isolate = isolate_;
  v8::TryCatch try_catch(isolate);
  v8::Local<v8::Value> error;
  v8::Local<v8::Value> value;
  if (error_.code < 0) {
    error = Exception(isolate);
  } else if (!Result(context).ToLocal(&value)) {
    if (try_catch.HasTerminated()) return TryCatchToStatus(isolate, context, try_catch);
    error = try_catch.HasCaught() ? try_catch.Exception() : v8::Undefined(isolate).As<v8::Value>();
    try_catch.Reset();
  }
  if (!resolver_.IsEmpty()) {
    v8::Local<v8::Promise::Resolver> resolver = resolver_.Get(isolate);
    bool settled = error.IsEmpty() ? resolver->Resolve(context, value).IsJust()
                                   : resolver->Reject(context, error).IsJust();
    if (!settled && try_catch.HasCaught()) return TryCatchToStatus(isolate, context, try_catch);
    return absl::OkStatus();
  }
  // As Node's FSReqCallback: callback(err), callback(null, result), or
  // callback(null) when the result is undefined.
  v8::Local<v8::Value> args[2] = {error, value};
  int argc = 1;
  if (error.IsEmpty()) {
    args[0] = v8::Null(isolate);
    argc = value->IsUndefined() ? 1 : 2;
  }
  v8::Local<v8::Value> ignored;
  if (!callback_.Call(context, v8::Undefined(isolate), argc, args).ToLocal(&ignored)) {
    return TryCatchToStatus(isolate, context, try_catch);
  }
  return absl::OkStatus();
}

UvFsJob::UvFsJob(const char* syscall, std::string path, std::string dest, StartFn start,
                 ResultFn result)
    : FsJob(syscall, std::move(path), std::move(dest)),
      start_(std::move(start)),
      result_(std::move(result)) {}

UvFsJob::~UvFsJob() {
  if (started_) uv_fs_req_cleanup(&request_);
}

int UvFsJob::Start(uv_loop_t* loop, bool async) {
  request_.data = this;
  started_ = true;
  // Synchronously, the call returns the request's result.
  int status = start_(loop, &request_, async ? OnDone : nullptr);
  if (async) return status;
  if (status < 0) Fail(status, error().syscall);
  return 0;
}

void UvFsJob::OnDone(uv_fs_t* request) {
  UvFsJob* job = static_cast<UvFsJob*>(request->data);
  if (request->result < 0) job->Fail(static_cast<int>(request->result), job->error().syscall);
  Complete(job);
}

v8::MaybeLocal<v8::Value> UvFsJob::Result(v8::Local<v8::Context> context) {
  if (!result_) return v8::Undefined(context->GetIsolate());
  return result_(context, &request_);
}

int WorkJob::Start(uv_loop_t* loop, bool async) {
  if (!async) {
    Work();
    return 0;
  }
  request_.data = this;
  return uv_queue_work(
      loop, &request_, [](uv_work_t* request) { static_cast<WorkJob*>(request->data)->Work(); },
      [](uv_work_t* request, int status) {
        WorkJob* job = static_cast<WorkJob*>(request->data);
        if (status < 0) job->Fail(status, job->error().syscall);
        Complete(job);
      });
}

}  // namespace toysnap::node
