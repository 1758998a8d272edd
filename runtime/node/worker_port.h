// MessagePort's two halves. PortCore is the thread-safe one: an inbox that
// any thread posts to, entangled with a peer, waking its owner's loop. A
// PortState is a MessagePort object's native state on its owner's thread: the
// core it reads, the uv_async_t the core wakes, and what JS to call then.
// Included by runtime/node/worker*.cc.
#ifndef TOYSNAP_RUNTIME_NODE_WORKER_PORT_H_
#define TOYSNAP_RUNTIME_NODE_WORKER_PORT_H_

#include <uv.h>

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "runtime/async_context.h"
#include "runtime/native_classes.h"
#include "v8-array-buffer.h"
#include "v8-function.h"
#include "v8-isolate.h"
#include "v8-persistent-handle.h"

namespace toysnap::node {

class PortCore;
class WorkerRun;

// How a worker's error reaches its parent: a serialized description, its
// text (no JS could describe it), or neither (it ran out of memory, or the
// error could not be serialized).
enum ErrorForm { kSerializedError = 0, kErrorText = 1, kOutOfMemory = 2, kUnserializable = 3 };

// One posted message: the serializer's bytes and what they refer to by index.
struct Message {
  // kUser is postMessage's; the others are a worker's life as its parent's
  // Worker object hears it (kError carries the serialized error).
  enum class Kind { kUser, kOnline, kError, kExit };
  Kind kind = Kind::kUser;
  // kExit: the exit code. kError: how `data` holds the error (ErrorForm).
  int detail = 0;
  std::vector<uint8_t> data;
  std::vector<std::shared_ptr<v8::BackingStore>> array_buffers;   // moved
  std::vector<std::shared_ptr<v8::BackingStore>> shared_buffers;  // shared
  std::vector<std::shared_ptr<PortCore>> ports;                   // moved
};

class PortCore {
 public:
  // Two cores entangled with each other.
  static std::pair<std::shared_ptr<PortCore>, std::shared_ptr<PortCore>> NewPair();
  // A core with no peer: a Worker's own inbox, which its thread delivers to.
  static std::shared_ptr<PortCore> NewLone();
  ~PortCore();
  PortCore(const PortCore&) = delete;
  PortCore& operator=(const PortCore&) = delete;

  // Queues `message` in the peer's inbox and wakes the peer's owner; the
  // message is dropped once this core is disentangled, as the web drops it.
  void PostToPeer(Message message);
  // Queues `message` in this core's own inbox and wakes its owner.
  void Deliver(Message message);
  // Disentangles this core and its peer and empties this inbox; the peer
  // hears of it (PeerGone) after the messages already sent to it.
  void Close();
  // The next message of the inbox, if any.
  std::optional<Message> Take();
  bool HasMessages();
  // True when the inbox is empty and the peer closed or went away.
  bool PeerGone();
  // Called, from any thread, whenever a message or the peer's close arrives;
  // empty to stop. Runs under the core's lock, so it must only wake a loop.
  void SetWaker(std::function<void()> wake);
  bool entangled();

 private:
  PortCore() = default;
  void Disentangle(bool wake);

  std::mutex mutex_;
  std::deque<Message> inbox_;        // guarded by mutex_
  std::weak_ptr<PortCore> peer_;     // guarded by mutex_
  bool had_peer_ = false;            // guarded by mutex_
  bool peer_gone_ = false;           // guarded by mutex_
  std::function<void()> wake_;       // guarded by mutex_
};

// BroadcastChannel's meeting point: the channels of a runtime and of every
// worker it (transitively) starts, by name. Posting copies the message into
// the inbox of each other open channel of that name.
class BroadcastHub {
 public:
  void Join(const std::string& name, const std::shared_ptr<PortCore>& core);
  void Leave(const std::shared_ptr<PortCore>& core);
  void Post(const std::string& name, const std::shared_ptr<PortCore>& from, const Message& message);

 private:
  std::mutex mutex_;
  std::vector<std::pair<std::string, std::weak_ptr<PortCore>>> members_;  // guarded by mutex_
};

// The native state of one MessagePort object. While open it keeps its object
// alive, its uv_async_t on the loop, and a teardown hook that cuts the core
// off before the loop goes (other threads may still post to the core).
class PortState final : public NativeState {
 public:
  PortState() = default;
  ~PortState() override;

  // A closed port: what a snapshot restores (an open port fails the build).
  std::string Serialize() const override { return {}; }

  // Attaches `core` and starts listening on the isolate's loop; JS's
  // `dispatch(port, event)` is called on wake-ups (event: "message" to drain,
  // "close" once closed). False if the runtime has no loop.
  // `kind` and `where` name it if a build ends with it open.
  bool Open(v8::Isolate* isolate, v8::Local<v8::Object> self, std::shared_ptr<PortCore> core,
            v8::Local<v8::Function> dispatch, const std::string& kind, const std::string& where);
  // Detaches the core (for a transfer: its owner moves) or closes it, and
  // closes the handle; "close" is dispatched once libuv has closed it.
  std::shared_ptr<PortCore> Detach();
  void Close();
  bool open() const { return core_ != nullptr; }
  const std::shared_ptr<PortCore>& core() const { return core_; }

  // Whether wake-ups deliver messages (start()) and keep the loop alive (ref()).
  void set_started(bool started);
  bool started() const { return started_; }
  void SetRef(bool ref);
  bool refed() const { return refed_; }

  // The Worker this port is the parent's end of, if it is one.
  std::unique_ptr<WorkerRun> worker;

 private:
  struct Handle;  // the uv_async_t, freed by its close callback
  static void OnWake(uv_async_t* async);
  void Shut(bool dispatch_close);
  void DropLoop();

  v8::Isolate* isolate_ = nullptr;
  std::shared_ptr<PortCore> core_;
  Handle* handle_ = nullptr;  // owned by libuv from uv_close on
  v8::Global<v8::Object> self_;
  AsyncCallback dispatch_;  // called in the async context the port was made in
  bool started_ = false;
  bool refed_ = false;
  int resource_ = 0;
  int hook_ = 0;
};

}  // namespace toysnap::node

#endif  // TOYSNAP_RUNTIME_NODE_WORKER_PORT_H_
