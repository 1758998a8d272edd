// One Worker's thread: WorkerLink is what the parent and the worker's
// runtime share (the worker's start-up data, and how to stop it from the
// parent's thread); WorkerRun owns the thread on the parent's side. Included
// by runtime/node/worker*.cc.
#ifndef TOYSNAP_RUNTIME_NODE_WORKER_THREAD_H_
#define TOYSNAP_RUNTIME_NODE_WORKER_THREAD_H_

#include <uv.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "runtime/node/worker_port.h"
#include "runtime/sibling_runtime.h"
#include "v8-isolate.h"

namespace toysnap::node {

struct WorkerLink {
  int thread_id = 0;
  std::string name;
  // The worker's program: a file (its URL and path) or code (`eval`).
  bool eval = false;
  std::string url;
  std::string path;
  std::string source;
  std::vector<std::string> argv;
  // resourceLimits as given, -1 where not: maxYoungGenerationSizeMb,
  // maxOldGenerationSizeMb, codeRangeSizeMb, stackSizeMb.
  double limits[4] = {-1, -1, -1, -1};
  // Cloned in the parent, read once by the worker.
  Message worker_data;
  Message environment_data;
  // The Worker object's inbox (user messages, online, error, exit) and the
  // worker's parentPort, entangled with it.
  std::shared_ptr<PortCore> parent_side;
  std::shared_ptr<PortCore> child_side;
  // The BroadcastChannels' hub of the parent, which the worker shares.
  std::shared_ptr<BroadcastHub> hub;
  // Set once the worker's runtime has told the parent how it failed.
  std::atomic<bool> error_sent{false};

  // From the parent's thread: ends the worker's JS and its loop. Safe at any
  // point of the worker's life (before its isolate exists, after it is gone).
  void RequestStop();
  bool stop_requested();
  // Whether the stop came before the worker's runtime existed: then, as in
  // Node, it never comes online and exits with 0 (1 when stopped later).
  bool stopped_before_start();
  // From the worker's thread, while its isolate lives: where RequestStop
  // reaches. False when the stop came first (the isolate is then terminated).
  bool Attach(v8::Isolate* isolate, uv_async_t* stop);
  void DetachRuntime();

 private:
  std::mutex mutex_;
  v8::Isolate* isolate_ = nullptr;  // guarded by mutex_
  uv_async_t* stop_ = nullptr;      // guarded by mutex_; on the worker's loop
  bool stop_requested_ = false;     // guarded by mutex_
  bool started_ = false;            // guarded by mutex_; attached before any stop
};

class WorkerRun {
 public:
  WorkerRun(std::shared_ptr<WorkerLink> link, std::unique_ptr<SiblingRuntime> sibling);
  // Stops the worker, if it still runs, and joins its thread.
  ~WorkerRun();
  WorkerRun(const WorkerRun&) = delete;
  WorkerRun& operator=(const WorkerRun&) = delete;

  // Starts the thread: the worker's runtime, its program, then an exit
  // message to the parent's inbox as the thread's last act.
  void Start();
  void RequestStop() { link_->RequestStop(); }
  // Joins the thread (after its exit message, this does not wait long).
  void Join();
  void StopAndJoin();
  const std::shared_ptr<WorkerLink>& link() const { return link_; }

 private:
  std::shared_ptr<WorkerLink> link_;
  std::unique_ptr<SiblingRuntime> sibling_;  // moves to the thread
  std::thread thread_;
};

}  // namespace toysnap::node

#endif  // TOYSNAP_RUNTIME_NODE_WORKER_THREAD_H_
