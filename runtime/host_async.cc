// Async host functions' promises, settled through the runtime's loop.
#include "runtime/host_async.h"

#include <atomic>

#include "absl/strings/str_cat.h"
#include "runtime/event_loop.h"
#include "runtime/isolate_data.h"
#include "runtime/js_error.h"
#include "runtime/native_util.h"
#include "v8-exception.h"

namespace toysnap {
namespace {

class LoopCompletion : public CompletionCore {
 public:
  LoopCompletion(std::shared_ptr<HostCompletions> hub, uint64_t id, std::string name)
      : hub_(std::move(hub)), id_(id), name_(std::move(name)) {}
  // The last copy gone unsettled: the promise must not wait forever.
  ~LoopCompletion() override {
    if (settled_.exchange(true)) return;
    hub_->Post(id_,
               std::make_unique<host_internal::StatusSettlement>(absl::FailedPreconditionError(
                   absl::StrCat(name_, " dropped its Completion without settling it"))),
               /*reject=*/true);
  }
  bool Settle(std::unique_ptr<Settlement> value, bool reject) override {
    if (settled_.exchange(true)) return false;
    return hub_->Post(id_, std::move(value), reject);
  }
  void Abandon() override {
    if (!settled_.exchange(true)) hub_->Drop(id_);
  }

 private:
  std::shared_ptr<HostCompletions> hub_;
  const uint64_t id_;
  const std::string name_;
  std::atomic<bool> settled_{false};
};

}  // namespace

std::shared_ptr<CompletionCore> CompletionCore::New(HostCall& call,
                                                    v8::Local<v8::Promise>* promise) {
  std::shared_ptr<HostCompletions> hub = HostCompletions::Of(call.isolate());
  v8::Local<v8::Promise::Resolver> resolver;
  if (hub == nullptr || !v8::Promise::Resolver::New(call.context()).ToLocal(&resolver)) {
    return nullptr;
  }
  const std::string& name = call.callee().qualified_name;
  uint64_t id = hub->Add(resolver, absl::StrCat("async host call ", name, "()"));
  *promise = resolver->GetPromise();
  return std::make_shared<LoopCompletion>(std::move(hub), id, name);
}

std::shared_ptr<HostCompletions> HostCompletions::Of(v8::Isolate* isolate) {
  IsolateData* data = IsolateData::From(isolate);
  if (data != nullptr && data->host_completions != nullptr) return data->host_completions;
  if (data == nullptr || data->loop == nullptr) {
    ThrowError(isolate, ErrorKind::kError, "async host functions need the runtime's event loop");
    return nullptr;
  }
  std::shared_ptr<HostCompletions> hub(new HostCompletions(isolate, data->loop));
  data->host_completions = hub;
  return hub;
}

HostCompletions::HostCompletions(v8::Isolate* isolate, EventLoop* loop)
    : isolate_(isolate), loop_(loop) {
  async_ = new uv_async_t();
  uv_async_init(loop->uv_loop(), async_, OnWake);
  async_->data = this;
  uv_unref(reinterpret_cast<uv_handle_t*>(async_));
  hook_ = loop->AddTeardownHook([this] { Shutdown(); });
}

HostCompletions::~HostCompletions() = default;

uint64_t HostCompletions::Add(v8::Local<v8::Promise::Resolver> resolver, const std::string& what) {
  uint64_t id = next_id_++;
  Pending& pending = pending_[id];
  pending.resolver.Reset(isolate_, resolver);
  if (loop_ != nullptr) pending.resource = loop_->TrackResource(what, UserCallSite(isolate_));
  UpdateRef();
  return id;
}

bool HostCompletions::Post(uint64_t id, std::unique_ptr<Settlement> value, bool reject) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (async_ == nullptr) return false;
  queue_.push_back({id, std::move(value), reject});
  uv_async_send(async_);
  return true;
}

void HostCompletions::Drop(uint64_t id) {
  auto it = pending_.find(id);
  if (it == pending_.end()) return;
  if (loop_ != nullptr) loop_->UntrackResource(it->second.resource);
  pending_.erase(it);
  UpdateRef();
}

void HostCompletions::OnWake(uv_async_t* async) {
  static_cast<HostCompletions*>(async->data)->Drain();
}

void HostCompletions::Drain() {
  std::vector<Outcome> outcomes;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    outcomes.swap(queue_);
  }
  for (Outcome& outcome : outcomes) {
    auto it = pending_.find(outcome.id);
    if (it == pending_.end() || loop_ == nullptr) continue;
    v8::Global<v8::Promise::Resolver> resolver = std::move(it->second.resolver);
    loop_->UntrackResource(it->second.resource);
    pending_.erase(it);
    UpdateRef();
    loop_->RunCallback([&](v8::Local<v8::Context> context) -> absl::Status {
      v8::TryCatch try_catch(isolate_);
      JsScope scope{isolate_, context};
      v8::Local<v8::Value> value;
      bool made = false;
      try {
        made = outcome.value->Make(scope).ToLocal(&value);
      } catch (...) {
        ThrowError(isolate_, ErrorKind::kError, "converting a host result threw a C++ exception");
      }
      bool reject = outcome.reject;
      if (!made) {
        if (try_catch.HasTerminated()) return TryCatchToStatus(isolate_, context, try_catch);
        value = try_catch.HasCaught() ? try_catch.Exception() : v8::Undefined(isolate_).As<v8::Value>();
        reject = true;
        try_catch.Reset();
      }
      v8::Local<v8::Promise::Resolver> local = resolver.Get(isolate_);
      v8::Maybe<bool> done = reject ? local->Reject(context, value) : local->Resolve(context, value);
      resolver.Reset();
      if (done.IsNothing()) return TryCatchToStatus(isolate_, context, try_catch);
      return absl::OkStatus();
    });
  }
}

void HostCompletions::UpdateRef() {
  if (async_ == nullptr) return;
  uv_handle_t* handle = reinterpret_cast<uv_handle_t*>(async_);
  if (pending_.empty()) {
    uv_unref(handle);
  } else {
    uv_ref(handle);
  }
}

void HostCompletions::Shutdown() {
  uv_async_t* async;
  std::vector<Outcome> dropped;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    async = async_;
    async_ = nullptr;
    dropped.swap(queue_);
  }
  pending_.clear();
  loop_ = nullptr;
  if (async != nullptr) {
    uv_close(reinterpret_cast<uv_handle_t*>(async),
             [](uv_handle_t* handle) { delete reinterpret_cast<uv_async_t*>(handle); });
  }
}

}  // namespace toysnap
