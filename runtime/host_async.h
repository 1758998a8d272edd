// The promises of embedders' async host functions on one runtime: each call
// makes a pending promise; its Completion, on any thread, queues the outcome
// and wakes the runtime's loop through one uv_async_t, and the loop settles
// the promise. Made at a runtime's first async call (IsolateData). Not for
// embedders (they see Completion<R>, embedder_extension.h).
#ifndef TOYSNAP_RUNTIME_HOST_ASYNC_H_
#define TOYSNAP_RUNTIME_HOST_ASYNC_H_

#include <uv.h>

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "runtime/embedder_extension.h"
#include "v8-persistent-handle.h"
#include "v8-promise.h"

namespace toysnap {

class EventLoop;

class HostCompletions : public std::enable_shared_from_this<HostCompletions> {
 public:
  // The runtime's, made now if need be; null (with a JS error thrown) when the
  // isolate has no event loop.
  static std::shared_ptr<HostCompletions> Of(v8::Isolate* isolate);
  ~HostCompletions();

  // Loop thread: registers a pending promise; its id for Post.
  uint64_t Add(v8::Local<v8::Promise::Resolver> resolver, const std::string& what);
  // Any thread: false once the runtime is gone.
  bool Post(uint64_t id, std::unique_ptr<Settlement> value, bool reject);
  // Loop thread: forgets a promise nobody will settle (its call failed).
  void Drop(uint64_t id);

 private:
  struct Pending {
    v8::Global<v8::Promise::Resolver> resolver;
    int resource = 0;
  };
  struct Outcome {
    uint64_t id;
    std::unique_ptr<Settlement> value;
    bool reject;
  };
  HostCompletions(v8::Isolate* isolate, EventLoop* loop);
  static void OnWake(uv_async_t* async);
  void Drain();
  void Shutdown();     // the loop is going away
  void UpdateRef();    // the handle keeps the loop alive while a promise waits

  v8::Isolate* isolate_;  // not owned
  EventLoop* loop_;       // not owned; null after Shutdown
  int hook_ = 0;
  std::mutex mutex_;
  uv_async_t* async_ = nullptr;  // guarded by mutex_; freed by its close callback
  std::vector<Outcome> queue_;   // guarded by mutex_
  uint64_t next_id_ = 1;         // loop thread only, as is pending_
  std::map<uint64_t, Pending> pending_;
};

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_HOST_ASYNC_H_
