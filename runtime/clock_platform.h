// The v8::Platform that V8Process installs: libplatform's default platform,
// except that V8's wall clock (Date.now(), new Date()) read on an isolate whose
// runtime has a fixed clock (clock.h) comes from that clock, and its page
// allocator is the one V8Process passes in. Used by v8_process.cc only.
#ifndef TOYSNAP_RUNTIME_CLOCK_PLATFORM_H_
#define TOYSNAP_RUNTIME_CLOCK_PLATFORM_H_

#include <memory>

#include "v8-platform.h"

namespace toysnap {

class ClockPlatform : public v8::Platform {
 public:
  // `page_allocator` (not owned) must outlive V8; null means the inner one's.
  ClockPlatform(std::unique_ptr<v8::Platform> inner, v8::PageAllocator* page_allocator)
      : inner_(std::move(inner)), page_allocator_(page_allocator) {}

  // The platform this one forwards to (LoopPlatform, under V8Process).
  v8::Platform* inner() const { return inner_.get(); }

  // The one change: a fixed clock's wall time on an isolate that has one.
  double CurrentClockTimeMillis() override;

  // Everything else is libplatform's, including the monotonic time that V8's
  // heap and compiler schedule by: a fixed clock must not stall them.
  v8::PageAllocator* GetPageAllocator() override {
    return page_allocator_ != nullptr ? page_allocator_ : inner_->GetPageAllocator();
  }
  v8::ZoneBackingAllocator* GetZoneBackingAllocator() override {
    return inner_->GetZoneBackingAllocator();
  }
  void OnCriticalMemoryPressure() override { inner_->OnCriticalMemoryPressure(); }
  bool OnCriticalMemoryPressure(size_t length) override {
    return inner_->OnCriticalMemoryPressure(length);
  }
  int NumberOfWorkerThreads() override { return inner_->NumberOfWorkerThreads(); }
  std::shared_ptr<v8::TaskRunner> GetForegroundTaskRunner(v8::Isolate* isolate) override {
    return inner_->GetForegroundTaskRunner(isolate);
  }
  void CallOnWorkerThread(std::unique_ptr<v8::Task> task) override {
    inner_->CallOnWorkerThread(std::move(task));
  }
  void CallBlockingTaskOnWorkerThread(std::unique_ptr<v8::Task> task) override {
    inner_->CallBlockingTaskOnWorkerThread(std::move(task));
  }
  void CallLowPriorityTaskOnWorkerThread(std::unique_ptr<v8::Task> task) override {
    inner_->CallLowPriorityTaskOnWorkerThread(std::move(task));
  }
  void CallDelayedOnWorkerThread(std::unique_ptr<v8::Task> task, double delay_s) override {
    inner_->CallDelayedOnWorkerThread(std::move(task), delay_s);
  }
  bool IdleTasksEnabled(v8::Isolate* isolate) override { return inner_->IdleTasksEnabled(isolate); }
  std::unique_ptr<v8::JobHandle> PostJob(v8::TaskPriority priority,
                                         std::unique_ptr<v8::JobTask> job_task) override {
    return inner_->PostJob(priority, std::move(job_task));
  }
  double MonotonicallyIncreasingTime() override { return inner_->MonotonicallyIncreasingTime(); }
  StackTracePrinter GetStackTracePrinter() override { return inner_->GetStackTracePrinter(); }
  v8::TracingController* GetTracingController() override {
    return inner_->GetTracingController();
  }
  void DumpWithoutCrashing() override { inner_->DumpWithoutCrashing(); }
  v8::HighAllocationThroughputObserver* GetHighAllocationThroughputObserver() override {
    return inner_->GetHighAllocationThroughputObserver();
  }

 private:
  std::unique_ptr<v8::Platform> inner_;  // owned
  v8::PageAllocator* page_allocator_;  // not owned; may be null
};

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_CLOCK_PLATFORM_H_
