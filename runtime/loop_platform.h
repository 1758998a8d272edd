// V8's default platform, wrapped so that event loops hear about V8's work: a
// foreground task posted for an isolate (from any thread) wakes that isolate's
// loop, and a loop about to end can wait for the worker-thread tasks still in
// flight (async WebAssembly compilation, for one), as Node's platform does.
// Created by V8Process; EventLoop registers with it. Not for embedders.
#ifndef TOYSNAP_RUNTIME_LOOP_PLATFORM_H_
#define TOYSNAP_RUNTIME_LOOP_PLATFORM_H_

#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>

#include "v8-platform.h"

namespace toysnap {

class LoopPlatform : public v8::Platform {
 public:
  // Called from any thread when a task is posted for the isolate: `delay_s` is
  // 0 for a task to run now, else the seconds until a delayed one is due.
  using Waker = std::function<void(double delay_s)>;

  explicit LoopPlatform(std::unique_ptr<v8::Platform> inner);
  ~LoopPlatform() override;

  // V8's default platform, for v8::platform::PumpMessageLoop and friends.
  v8::Platform* inner() const { return inner_.get(); }

  // The isolate's loop, woken from any thread; cleared before the loop goes.
  void SetWaker(v8::Isolate* isolate, Waker waker);
  void ClearWaker(v8::Isolate* isolate);
  // Drops what the platform keeps for an isolate about to be disposed.
  void ForgetIsolate(v8::Isolate* isolate);
  // Blocks until no task posted with CallOnWorkerThread (jobs included) is
  // running or queued.
  void WaitForWorkerTasks();
  // Runs the isolate's due foreground tasks; whether any ran.
  bool RunForegroundTasks(v8::Isolate* isolate);

  // v8::Platform:
  v8::PageAllocator* GetPageAllocator() override { return inner_->GetPageAllocator(); }
  void OnCriticalMemoryPressure() override { inner_->OnCriticalMemoryPressure(); }
  bool OnCriticalMemoryPressure(size_t length) override {
    return inner_->OnCriticalMemoryPressure(length);
  }
  int NumberOfWorkerThreads() override { return inner_->NumberOfWorkerThreads(); }
  std::shared_ptr<v8::TaskRunner> GetForegroundTaskRunner(v8::Isolate* isolate) override;
  void CallOnWorkerThread(std::unique_ptr<v8::Task> task) override;
  void CallDelayedOnWorkerThread(std::unique_ptr<v8::Task> task, double delay_s) override {
    inner_->CallDelayedOnWorkerThread(std::move(task), delay_s);
  }
  bool IdleTasksEnabled(v8::Isolate* isolate) override { return inner_->IdleTasksEnabled(isolate); }
  std::unique_ptr<v8::JobHandle> PostJob(v8::TaskPriority priority,
                                         std::unique_ptr<v8::JobTask> job_task) override;
  double MonotonicallyIncreasingTime() override { return inner_->MonotonicallyIncreasingTime(); }
  double CurrentClockTimeMillis() override { return inner_->CurrentClockTimeMillis(); }
  StackTracePrinter GetStackTracePrinter() override { return inner_->GetStackTracePrinter(); }
  v8::TracingController* GetTracingController() override {
    return inner_->GetTracingController();
  }

  // For the task runners: wakes the isolate's loop, if it has one.
  void Notify(v8::Isolate* isolate, double delay_s);
  void WorkerTaskDone();

 private:
  std::unique_ptr<v8::Platform> inner_;
  std::mutex mutex_;
  std::condition_variable worker_tasks_done_;
  int worker_tasks_ = 0;                                    // guarded by mutex_
  std::map<v8::Isolate*, Waker> wakers_;                    // guarded by mutex_
  std::map<v8::Isolate*, std::shared_ptr<v8::TaskRunner>> runners_;  // guarded by mutex_
};

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_LOOP_PLATFORM_H_
