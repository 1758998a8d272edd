// PortCore's inboxes and PortState's handle on the loop (worker_port.h).
#include "runtime/async_context.h"
#include "runtime/node/worker_port.h"

#include "runtime/event_loop.h"
#include "runtime/isolate_data.h"
#include "runtime/js_error.h"
#include "runtime/node/worker_thread.h"
#include "runtime/v8_strings.h"
#include "v8-primitive.h"

namespace toysnap::node {

std::pair<std::shared_ptr<PortCore>, std::shared_ptr<PortCore>> PortCore::NewPair() {
  std::shared_ptr<PortCore> a(new PortCore());
  std::shared_ptr<PortCore> b(new PortCore());
  a->peer_ = b;
  b->peer_ = a;
  a->had_peer_ = b->had_peer_ = true;
  return {a, b};
}

std::shared_ptr<PortCore> PortCore::NewLone() { return std::shared_ptr<PortCore>(new PortCore()); }

PortCore::~PortCore() { Disentangle(/*wake=*/true); }

void PortCore::PostToPeer(Message message) {
  std::shared_ptr<PortCore> peer;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    peer = peer_.lock();
  }
  if (peer != nullptr) peer->Deliver(std::move(message));
}

void PortCore::Deliver(Message message) {
  std::lock_guard<std::mutex> lock(mutex_);
  inbox_.push_back(std::move(message));
  if (wake_) wake_();
}

void PortCore::Disentangle(bool wake) {
  std::shared_ptr<PortCore> peer;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    peer = peer_.lock();
    peer_.reset();
    peer_gone_ = had_peer_;
  }
  if (peer == nullptr) return;
  std::lock_guard<std::mutex> lock(peer->mutex_);
  peer->peer_.reset();
  peer->peer_gone_ = true;
  if (wake && peer->wake_) peer->wake_();
}

void PortCore::Close() {
  Disentangle(/*wake=*/true);
  std::deque<Message> dropped;  // freed unlocked: they may hold cores
  std::lock_guard<std::mutex> lock(mutex_);
  dropped.swap(inbox_);
}

std::optional<Message> PortCore::Take() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (inbox_.empty()) return std::nullopt;
  Message message = std::move(inbox_.front());
  inbox_.pop_front();
  return message;
}

bool PortCore::HasMessages() {
  std::lock_guard<std::mutex> lock(mutex_);
  return !inbox_.empty();
}

bool PortCore::PeerGone() {
  std::lock_guard<std::mutex> lock(mutex_);
  return inbox_.empty() && peer_gone_;
}

bool PortCore::entangled() {
  std::lock_guard<std::mutex> lock(mutex_);
  return !peer_.expired();
}

void PortCore::SetWaker(std::function<void()> wake) {
  std::lock_guard<std::mutex> lock(mutex_);
  wake_ = std::move(wake);
}

void BroadcastHub::Join(const std::string& name, const std::shared_ptr<PortCore>& core) {
  std::lock_guard<std::mutex> lock(mutex_);
  members_.emplace_back(name, core);
}

void BroadcastHub::Leave(const std::shared_ptr<PortCore>& core) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto it = members_.begin(); it != members_.end();) {
    std::shared_ptr<PortCore> member = it->second.lock();
    it = member == nullptr || member == core ? members_.erase(it) : it + 1;
  }
}

void BroadcastHub::Post(const std::string& name, const std::shared_ptr<PortCore>& from,
                        const Message& message) {
  std::vector<std::shared_ptr<PortCore>> targets;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& [member_name, weak] : members_) {
      std::shared_ptr<PortCore> member = weak.lock();
      if (member != nullptr && member != from && member_name == name) targets.push_back(member);
    }
  }
  for (const std::shared_ptr<PortCore>& target : targets) {
    Message copy;
    copy.data = message.data;
    copy.shared_buffers = message.shared_buffers;
    target->Deliver(std::move(copy));
  }
}

// Lives from uv_async_init until its close callback; `state` is null once
// the state no longer wants to hear from it.
struct PortState::Handle {
  uv_async_t async;
  PortState* state = nullptr;
};

namespace {

EventLoop* LoopOf(v8::Isolate* isolate) {
  IsolateData* data = isolate == nullptr ? nullptr : IsolateData::From(isolate);
  return data == nullptr ? nullptr : data->loop;
}

}  // namespace

PortState::~PortState() {
  if (handle_ != nullptr) handle_->state = nullptr;  // the loop is gone; it closed it
  if (core_ != nullptr) {
    core_->SetWaker(nullptr);
    core_->Close();
  }
}

bool PortState::Open(v8::Isolate* isolate, v8::Local<v8::Object> self,
                     std::shared_ptr<PortCore> core, v8::Local<v8::Function> dispatch,
                     const std::string& kind, const std::string& where) {
  EventLoop* loop = LoopOf(isolate);
  if (loop == nullptr || core == nullptr || core_ != nullptr) return false;
  isolate_ = isolate;
  core_ = std::move(core);
  handle_ = new Handle();
  handle_->state = this;
  uv_async_init(loop->uv_loop(), &handle_->async, OnWake);
  handle_->async.data = handle_;
  if (!refed_) uv_unref(reinterpret_cast<uv_handle_t*>(&handle_->async));
  self_.Reset(isolate, self);
  dispatch_.Reset(isolate, dispatch);
  resource_ = loop->TrackResource(kind, where);
  hook_ = loop->AddTeardownHook([this] { DropLoop(); });
  Handle* handle = handle_;
  core_->SetWaker([handle] { uv_async_send(&handle->async); });
  uv_async_send(&handle_->async);  // messages or a close may be waiting already
  return true;
}

void PortState::set_started(bool started) {
  started_ = started;
  if (started && handle_ != nullptr) uv_async_send(&handle_->async);
}

void PortState::SetRef(bool ref) {
  refed_ = ref;
  if (handle_ == nullptr) return;
  uv_handle_t* handle = reinterpret_cast<uv_handle_t*>(&handle_->async);
  if (ref) {
    uv_ref(handle);
  } else {
    uv_unref(handle);
  }
}

std::shared_ptr<PortCore> PortState::Detach() {
  std::shared_ptr<PortCore> core = core_;
  if (core != nullptr) core->SetWaker(nullptr);
  core_.reset();
  Shut(/*dispatch_close=*/false);
  return core;
}

void PortState::Close() {
  if (core_ != nullptr) {
    std::shared_ptr<PortCore> core = std::move(core_);
    core->SetWaker(nullptr);
    core->Close();
  }
  Shut(/*dispatch_close=*/true);
}

void PortState::Shut(bool dispatch_close) {
  if (handle_ == nullptr) return;
  if (EventLoop* loop = LoopOf(isolate_)) {
    loop->UntrackResource(resource_);
    loop->RemoveTeardownHook(hook_);
  }
  handle_->state = dispatch_close ? this : nullptr;
  uv_close(reinterpret_cast<uv_handle_t*>(&handle_->async), [](uv_handle_t* raw) {
    Handle* handle = static_cast<Handle*>(raw->data);
    PortState* state = handle->state;
    delete handle;
    if (state == nullptr) return;
    // The 'close' event, as Node emits it once the handle has closed; not
    // while the runtime is going away.
    EventLoop* loop = LoopOf(state->isolate_);
    if (loop == nullptr || state->dispatch_.IsEmpty()) {
      state->self_.Reset();
      state->dispatch_.Reset();
      return;
    }
    // The lambda's handles keep the object (and so `state`) alive while it runs.
    loop->RunCallback([state](v8::Local<v8::Context> context) -> absl::Status {
      v8::Isolate* isolate = context->GetIsolate();
      v8::Local<v8::Value> args[] = {state->self_.Get(isolate),
                                     v8::String::NewFromUtf8Literal(isolate, "close")};
      AsyncCallback dispatch = std::move(state->dispatch_);
      state->self_.Reset();
      v8::TryCatch try_catch(isolate);
      v8::Local<v8::Value> ignored;
      if (!dispatch.Call(context, v8::Undefined(isolate), 2, args).ToLocal(&ignored)) {
        return TryCatchToStatus(isolate, context, try_catch);
      }
      return absl::OkStatus();
    });
  });
  handle_ = nullptr;
  if (!dispatch_close) {
    self_.Reset();
    dispatch_.Reset();
  }
}

// The runtime is going away: its worker stops first (its thread may still
// post here), then the core is closed, so peers hear of it.
void PortState::DropLoop() {
  hook_ = 0;
  if (worker != nullptr) worker->StopAndJoin();
  if (core_ != nullptr) {
    std::shared_ptr<PortCore> core = std::move(core_);
    core->SetWaker(nullptr);
    core->Close();
  }
  Shut(/*dispatch_close=*/false);
}

void PortState::OnWake(uv_async_t* async) {
  // Messages are emitted one JS call each, so ticks and microtasks run
  // between them, as under Node; a long queue yields to the rest of the loop.
  constexpr int kMessagesPerWake = 1000;
  Handle* handle = static_cast<Handle*>(async->data);
  for (int i = 0; i < kMessagesPerWake; ++i) {
    PortState* state = handle->state;
    EventLoop* loop = state == nullptr ? nullptr : LoopOf(state->isolate_);
    if (loop == nullptr || state->core_ == nullptr || !state->started_ ||
        state->dispatch_.IsEmpty() || !state->core_->HasMessages()) {
      break;
    }
    loop->RunCallback([state](v8::Local<v8::Context> context) -> absl::Status {
      v8::Isolate* isolate = context->GetIsolate();
      v8::Local<v8::Value> args[] = {state->self_.Get(isolate),
                                     v8::String::NewFromUtf8Literal(isolate, "message")};
      v8::TryCatch try_catch(isolate);
      v8::Local<v8::Value> ignored;
      if (!state->dispatch_.Call(context, v8::Undefined(isolate), 2, args).ToLocal(&ignored)) {
        return TryCatchToStatus(isolate, context, try_catch);
      }
      return absl::OkStatus();
    });
    // A listener may have closed, transferred or stopped the port, and the
    // handle is then closing; `handle` itself lives until its close callback.
    if (i + 1 == kMessagesPerWake && handle->state != nullptr) uv_async_send(async);
  }
  PortState* state = handle->state;
  if (state != nullptr && state->core_ != nullptr && state->worker == nullptr &&
      state->core_->PeerGone()) {
    state->Close();
  }
}

}  // namespace toysnap::node
