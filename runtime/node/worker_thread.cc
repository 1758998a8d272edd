// A Worker's thread and how the parent stops it (worker_thread.h).
#include "runtime/node/worker_thread.h"

#include <utility>

#include "absl/status/status.h"

namespace toysnap::node {

void WorkerLink::RequestStop() {
  std::lock_guard<std::mutex> lock(mutex_);
  stop_requested_ = true;
  // Ends running JS; the wake-up ends a loop waiting for I/O or timers.
  if (isolate_ != nullptr) isolate_->TerminateExecution();
  if (stop_ != nullptr) uv_async_send(stop_);
}

bool WorkerLink::stop_requested() {
  std::lock_guard<std::mutex> lock(mutex_);
  return stop_requested_;
}

bool WorkerLink::stopped_before_start() {
  std::lock_guard<std::mutex> lock(mutex_);
  return stop_requested_ && !started_;
}

bool WorkerLink::Attach(v8::Isolate* isolate, uv_async_t* stop) {
  std::lock_guard<std::mutex> lock(mutex_);
  isolate_ = isolate;
  stop_ = stop;
  if (stop_requested_) {
    isolate_->TerminateExecution();
    uv_async_send(stop_);
    return false;
  }
  started_ = true;
  return true;
}

void WorkerLink::DetachRuntime() {
  std::lock_guard<std::mutex> lock(mutex_);
  isolate_ = nullptr;
  stop_ = nullptr;
}

WorkerRun::WorkerRun(std::shared_ptr<WorkerLink> link, std::unique_ptr<SiblingRuntime> sibling)
    : link_(std::move(link)), sibling_(std::move(sibling)) {}

WorkerRun::~WorkerRun() { StopAndJoin(); }

void WorkerRun::Start() {
  std::shared_ptr<WorkerLink> link = link_;
  thread_ = std::thread([link, sibling = std::move(sibling_)]() mutable {
    SiblingExit exit = sibling->Run();
    sibling.reset();
    // A runtime that could not even be made (a damaged snapshot, no memory)
    // had no JS to describe its failure in.
    if (!exit.status.ok() && !link->error_sent && !link->stop_requested()) {
      Message error;
      error.kind = Message::Kind::kError;
      if (absl::IsResourceExhausted(exit.status)) {
        error.detail = kOutOfMemory;
      } else {
        error.detail = kErrorText;
        error.data.assign(exit.status.message().begin(), exit.status.message().end());
      }
      link->parent_side->Deliver(std::move(error));
    }
    Message done;
    done.kind = Message::Kind::kExit;
    done.detail = link->stopped_before_start() ? 0 : link->stop_requested() ? 1 : exit.code;
    link->parent_side->Deliver(std::move(done));
  });
}

void WorkerRun::Join() {
  if (thread_.joinable()) thread_.join();
}

void WorkerRun::StopAndJoin() {
  if (!thread_.joinable()) return;
  link_->RequestStop();
  thread_.join();
}

}  // namespace toysnap::node
