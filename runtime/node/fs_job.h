// One file-system operation asked for by runtime/js/fs*.js, and how its
// outcome reaches JavaScript: returned or thrown (sync), passed to a callback,
// or settling a promise. Async work runs on libuv's thread pool (uv_fs_*
// requests, or uv_queue_work for compound operations) and completes on the
// runtime's loop through EventLoop::RunCallback. Included by runtime/node/fs*.cc.
#ifndef TOYSNAP_RUNTIME_NODE_FS_JOB_H_
#define TOYSNAP_RUNTIME_NODE_FS_JOB_H_

#include <uv.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "runtime/async_context.h"
#include "runtime/binding.h"
#include "v8-array-buffer.h"
#include "v8-context.h"
#include "v8-function.h"
#include "v8-isolate.h"
#include "v8-persistent-handle.h"
#include "v8-promise.h"

namespace toysnap::node {

// Node's uvException: an Error "<CODE>: <description>, <syscall> '<path>' ->
// '<dest>'" with `errno` (negative), `code`, `syscall`, `path` and `dest`, in
// that order. Names and descriptions are libuv's, the strings Node uses.
v8::Local<v8::Value> UvException(v8::Isolate* isolate, int error, absl::string_view syscall,
                                 const std::string* path, const std::string* dest);

// Where a failed operation went wrong: what a UvException names.
struct FsError {
  int code = 0;  // a negative libuv error; 0 when the operation succeeded
  const char* syscall = "";
  bool with_path = true;  // Node names no path for read/write/close errors
  std::string path;       // when not the job's own path (a child in `rm -r`)
};

class FsJob {
 public:
  // `path` and `dest` are as the program gave them (for error messages).
  FsJob(const char* syscall, std::string path, std::string dest = {});
  virtual ~FsJob() = default;
  FsJob(const FsJob&) = delete;
  FsJob& operator=(const FsJob&) = delete;

  // Does the work now (`async` false), or starts it on `loop` and arranges for
  // Complete() to run on the loop's thread when it is done. A negative libuv
  // error when it could not even start.
  virtual int Start(uv_loop_t* loop, bool async) = 0;
  // The JS value of the success; empty with an exception pending on failure.
  virtual v8::MaybeLocal<v8::Value> Result(v8::Local<v8::Context> context);

  // Once the work is done, success or not, before the outcome reaches JS
  // (the sync form included): for what the runtime records, not JS.
  virtual void Settled(v8::Isolate* isolate) {}

  const FsError& error() const { return error_; }
  // The error thrown or passed on for a failure: Node's UvException.
  virtual v8::Local<v8::Value> Exception(v8::Isolate* isolate) const;

 protected:
  // Records a failure (keeps the first one).
  void Fail(int code, const char* syscall, bool with_path = true);
  // A failure that names `path` (as shown to the program) instead.
  void FailAt(int code, const char* syscall, std::string path);
  const std::string& path() const { return path_; }
  // From a libuv completion on the loop's thread: delivers the outcome to JS
  // (unless the runtime is going away) and deletes the job.
  static void Complete(FsJob* job);

 private:
  friend void RunFsJob(NativeCall& call, std::unique_ptr<FsJob> job, v8::Local<v8::Value> req);
  absl::Status Deliver(v8::Local<v8::Context> context);

  FsError error_;
  std::string path_;
  std::string dest_;
  v8::Isolate* isolate_ = nullptr;
  AsyncCallback callback_;                         // set for the callback form
  v8::Global<v8::Promise::Resolver> resolver_;     // set for the promise form
};

// Runs `job` the way `req` asks: undefined runs it now and returns its result
// or throws; a function is called as callback(err) or callback(null, result)
// when it is done; `true` returns a promise of the result.
void RunFsJob(NativeCall& call, std::unique_ptr<FsJob> job, v8::Local<v8::Value> req);

// A job that is one uv_fs_* request; `start` makes the call with the callback
// it is given (null: synchronous), `result` turns the finished request into JS
// (null: undefined).
class UvFsJob final : public FsJob {
 public:
  using StartFn = std::function<int(uv_loop_t*, uv_fs_t*, uv_fs_cb)>;
  using ResultFn = std::function<v8::MaybeLocal<v8::Value>(v8::Local<v8::Context>, uv_fs_t*)>;
  UvFsJob(const char* syscall, std::string path, std::string dest, StartFn start,
          ResultFn result = nullptr);
  ~UvFsJob() override;

  int Start(uv_loop_t* loop, bool async) override;
  v8::MaybeLocal<v8::Value> Result(v8::Local<v8::Context> context) override;
  // For jobs whose call needs the job's own buffers: set before RunFsJob.
  void set_start(StartFn start) { start_ = std::move(start); }
  // Called by Settled() with the finished request, if set.
  std::function<void(v8::Isolate*, const uv_fs_t&)> on_settled;

  void Settled(v8::Isolate* isolate) override {
    if (on_settled) on_settled(isolate, request_);
  }

  // Memory a read or write uses: kept alive (even if JS detaches its buffer)
  // until the request is finished.
  std::vector<std::shared_ptr<v8::BackingStore>> stores;
  std::vector<uv_buf_t> buffers;
  std::string text;  // a string being written, as its bytes

 private:
  static void OnDone(uv_fs_t* request);

  uv_fs_t request_;
  bool started_ = false;
  StartFn start_;
  ResultFn result_;
};

// A job made of several system calls (a whole-file read, `mkdir -p`, `rm -r`):
// Work() runs on the thread pool, or inline for the synchronous form, and must
// not touch V8.
class WorkJob : public FsJob {
 public:
  using FsJob::FsJob;
  int Start(uv_loop_t* loop, bool async) final;

 protected:
  virtual void Work() = 0;
  // Fail() for the system call `syscall`, from errno.
  void FailErrno(const char* syscall, bool with_path = true) { Fail(-errno, syscall, with_path); }

 private:
  uv_work_t request_;
};

}  // namespace toysnap::node

#endif  // TOYSNAP_RUNTIME_NODE_FS_JOB_H_
