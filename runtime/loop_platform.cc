// LoopPlatform: V8's default platform plus wake-ups and a worker-task count.
#include "runtime/loop_platform.h"

#include "libplatform/libplatform.h"

namespace toysnap {
namespace {

// Runs the task, then tells the platform it is done (also when it is dropped
// unrun, at shutdown).
class CountedTask : public v8::Task {
 public:
  CountedTask(std::unique_ptr<v8::Task> task, LoopPlatform* platform)
      : task_(std::move(task)), platform_(platform) {}
  ~CountedTask() override { platform_->WorkerTaskDone(); }
  void Run() override { task_->Run(); }

 private:
  std::unique_ptr<v8::Task> task_;
  LoopPlatform* platform_;  // not owned; outlives every task
};

// The default platform's runner for one isolate, plus a wake-up of its loop.
class WakingTaskRunner : public v8::TaskRunner {
 public:
  WakingTaskRunner(std::shared_ptr<v8::TaskRunner> inner, LoopPlatform* platform,
                   v8::Isolate* isolate)
      : inner_(std::move(inner)), platform_(platform), isolate_(isolate) {}

  void PostTask(std::unique_ptr<v8::Task> task) override {
    inner_->PostTask(std::move(task));
    platform_->Notify(isolate_, 0);
  }
  void PostNonNestableTask(std::unique_ptr<v8::Task> task) override {
    inner_->PostNonNestableTask(std::move(task));
    platform_->Notify(isolate_, 0);
  }
  void PostDelayedTask(std::unique_ptr<v8::Task> task, double delay_s) override {
    inner_->PostDelayedTask(std::move(task), delay_s);
    platform_->Notify(isolate_, delay_s);
  }
  void PostNonNestableDelayedTask(std::unique_ptr<v8::Task> task, double delay_s) override {
    inner_->PostNonNestableDelayedTask(std::move(task), delay_s);
    platform_->Notify(isolate_, delay_s);
  }
  void PostIdleTask(std::unique_ptr<v8::IdleTask> task) override {
    inner_->PostIdleTask(std::move(task));
  }
  bool IdleTasksEnabled() override { return inner_->IdleTasksEnabled(); }
  bool NonNestableTasksEnabled() const override { return inner_->NonNestableTasksEnabled(); }
  bool NonNestableDelayedTasksEnabled() const override {
    return inner_->NonNestableDelayedTasksEnabled();
  }

 private:
  std::shared_ptr<v8::TaskRunner> inner_;
  LoopPlatform* platform_;  // not owned; outlives its runners
  v8::Isolate* isolate_;
};

}  // namespace

LoopPlatform::LoopPlatform(std::unique_ptr<v8::Platform> inner) : inner_(std::move(inner)) {}

// The default platform drops its queued tasks when it goes, and each dropped
// CountedTask reports to this object: it must still be whole then.
LoopPlatform::~LoopPlatform() { inner_.reset(); }

void LoopPlatform::SetWaker(v8::Isolate* isolate, Waker waker) {
  std::lock_guard<std::mutex> lock(mutex_);
  wakers_[isolate] = std::move(waker);
}

void LoopPlatform::ClearWaker(v8::Isolate* isolate) {
  std::lock_guard<std::mutex> lock(mutex_);
  wakers_.erase(isolate);
}

void LoopPlatform::ForgetIsolate(v8::Isolate* isolate) {
  std::lock_guard<std::mutex> lock(mutex_);
  wakers_.erase(isolate);
  runners_.erase(isolate);
}

void LoopPlatform::Notify(v8::Isolate* isolate, double delay_s) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = wakers_.find(isolate);
  if (it != wakers_.end()) it->second(delay_s);
}

std::shared_ptr<v8::TaskRunner> LoopPlatform::GetForegroundTaskRunner(v8::Isolate* isolate) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::shared_ptr<v8::TaskRunner>& runner = runners_[isolate];
  if (runner == nullptr) {
    runner = std::make_shared<WakingTaskRunner>(inner_->GetForegroundTaskRunner(isolate), this,
                                                isolate);
  }
  return runner;
}

void LoopPlatform::CallOnWorkerThread(std::unique_ptr<v8::Task> task) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    ++worker_tasks_;
  }
  inner_->CallOnWorkerThread(std::make_unique<CountedTask>(std::move(task), this));
}

// Jobs run on our CallOnWorkerThread, so the loop's wait covers them too.
std::unique_ptr<v8::JobHandle> LoopPlatform::PostJob(v8::TaskPriority priority,
                                                     std::unique_ptr<v8::JobTask> job_task) {
  return v8::platform::NewDefaultJobHandle(this, priority, std::move(job_task),
                                           NumberOfWorkerThreads());
}

void LoopPlatform::WorkerTaskDone() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (--worker_tasks_ == 0) worker_tasks_done_.notify_all();
}

void LoopPlatform::WaitForWorkerTasks() {
  std::unique_lock<std::mutex> lock(mutex_);
  worker_tasks_done_.wait(lock, [this] { return worker_tasks_ == 0; });
}

bool LoopPlatform::RunForegroundTasks(v8::Isolate* isolate) {
  bool ran = false;
  while (v8::platform::PumpMessageLoop(inner_.get(), isolate)) ran = true;
  return ran;
}

}  // namespace toysnap
