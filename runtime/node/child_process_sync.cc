// spawnSync on a private loop. Every handle here is closed through uv_close
// and the loop is run until they all are before it is closed.
#include "runtime/node/child_process_sync.h"

#include <cmath>
#include <memory>

namespace toysnap::node {
namespace {

class SyncRun;

// One stdio pipe: the child reads `input` from it, or the parent collects what
// the child writes, or both.
struct SyncPipe {
  uv_pipe_t pipe;
  SyncRun* run = nullptr;
  bool readable = false;  // by the child
  bool writable = false;  // by the child
  std::string input;
  std::string output;
  bool read_done = false;   // EOF from the child, or nothing to read
  bool write_done = false;  // input written and shut down, or nothing to write
  uv_write_t write;
  uv_shutdown_t shutdown;
  char buffer[64 * 1024];
};

class SyncRun {
 public:
  explicit SyncRun(const SpawnSpec& spec) : spec_(spec) {}

  SyncResult Run() {
    uv_loop_init(&loop_);
    UvProcessOptions options(spec_);
    pipes_.resize(spec_.stdio.size());
    for (size_t i = 0; i < spec_.stdio.size(); ++i) {
      const StdioSpec& one = spec_.stdio[i];
      if (one.kind != StdioSpec::Kind::kPipe) continue;
      auto pipe = std::make_unique<SyncPipe>();
      pipe->run = this;
      pipe->readable = one.readable;
      pipe->writable = one.writable;
      pipe->input = one.input;
      uv_pipe_init(&loop_, &pipe->pipe, 0);
      pipe->pipe.data = pipe.get();
      options.stdio()[i].data.stream = reinterpret_cast<uv_stream_t*>(&pipe->pipe);
      pipes_[i] = std::move(pipe);
    }
    options.get()->exit_cb = OnExit;
    process_.data = this;
    int spawned = uv_spawn(&loop_, &process_, options.get());
    if (spawned < 0) {
      SetError(spawned);
      // libuv initialized the handle before it failed.
      uv_close(reinterpret_cast<uv_handle_t*>(&process_), nullptr);
      CloseAllPipes();
    } else {
      result_.spawned = true;
      result_.pid = process_.pid;
      if (spec_.timeout_ms > 0) StartTimer();
      for (auto& pipe : pipes_) {
        if (pipe) StartPipe(pipe.get());
      }
    }
    uv_run(&loop_, UV_RUN_DEFAULT);
    // Whatever is still open (a pipe a grandchild holds after a kill) closes now.
    uv_walk(&loop_, [](uv_handle_t* handle, void*) {
      if (!uv_is_closing(handle)) uv_close(handle, nullptr);
    }, nullptr);
    uv_run(&loop_, UV_RUN_DEFAULT);
    uv_loop_close(&loop_);
    if (result_.spawned) {
      result_.output.resize(pipes_.size());
      for (size_t i = 0; i < pipes_.size(); ++i) {
        if (pipes_[i] && pipes_[i]->writable) result_.output[i] = std::move(pipes_[i]->output);
      }
    }
    return std::move(result_);
  }

 private:
  void SetError(int error) {
    if (result_.error == 0) result_.error = error;
  }

  void StartTimer() {
    uv_timer_init(&loop_, &timer_);
    timer_.data = this;
    timer_started_ = true;
    double delay = std::ceil(spec_.timeout_ms);
    uv_timer_start(&timer_, OnTimeout, static_cast<uint64_t>(delay), 0);
    // The child and its pipes keep the loop going, not the timer.
    uv_unref(reinterpret_cast<uv_handle_t*>(&timer_));
  }

  void StartPipe(SyncPipe* pipe) {
    uv_stream_t* stream = reinterpret_cast<uv_stream_t*>(&pipe->pipe);
    pipe->read_done = !pipe->writable;
    pipe->write_done = !pipe->readable;
    if (pipe->writable) uv_read_start(stream, OnAlloc, OnRead);
    if (!pipe->readable) return;
    if (pipe->input.empty()) return Shutdown(pipe);
    pipe->write.data = pipe;
    uv_buf_t buf = uv_buf_init(pipe->input.data(), static_cast<unsigned>(pipe->input.size()));
    int started = uv_write(&pipe->write, stream, &buf, 1, OnWritten);
    if (started < 0) {
      SetError(started);
      ClosePipe(pipe);
    }
  }

  void Shutdown(SyncPipe* pipe) {
    pipe->shutdown.data = pipe;
    int started = uv_shutdown(&pipe->shutdown, reinterpret_cast<uv_stream_t*>(&pipe->pipe),
                              OnShutdown);
    if (started < 0) {
      SetError(started);
      ClosePipe(pipe);
    }
  }

  // A pipe closes once both of its directions are done.
  void MaybeClosePipe(SyncPipe* pipe) {
    if (pipe->read_done && pipe->write_done) ClosePipe(pipe);
  }

  void ClosePipe(SyncPipe* pipe) {
    uv_handle_t* handle = reinterpret_cast<uv_handle_t*>(&pipe->pipe);
    if (!uv_is_closing(handle)) uv_close(handle, nullptr);
  }

  void CloseAllPipes() {
    for (auto& pipe : pipes_) {
      if (pipe) ClosePipe(pipe.get());
    }
  }

  // As Node's: the kill signal, SIGKILL if that cannot be sent; then the
  // pipes and the timer close, so a grandchild holding them cannot keep
  // spawnSync waiting.
  void Kill() {
    if (killed_) return;
    killed_ = true;
    if (!exited_) {
      int sent = uv_process_kill(&process_, spec_.kill_signal);
      if (sent < 0 && sent != UV_ESRCH) {
        SetError(sent);
        uv_process_kill(&process_, SIGKILL);
      }
    }
    CloseAllPipes();
    if (timer_started_ && !uv_is_closing(reinterpret_cast<uv_handle_t*>(&timer_))) {
      uv_close(reinterpret_cast<uv_handle_t*>(&timer_), nullptr);
    }
  }

  static void OnExit(uv_process_t* process, int64_t exit_status, int term_signal) {
    SyncRun* run = static_cast<SyncRun*>(process->data);
    run->exited_ = true;
    run->result_.exit_status = exit_status;
    run->result_.term_signal = term_signal;
    uv_close(reinterpret_cast<uv_handle_t*>(process), nullptr);
  }

  static void OnTimeout(uv_timer_t* timer) {
    SyncRun* run = static_cast<SyncRun*>(timer->data);
    run->SetError(UV_ETIMEDOUT);
    run->Kill();
  }

  static void OnAlloc(uv_handle_t* handle, size_t, uv_buf_t* buf) {
    SyncPipe* pipe = static_cast<SyncPipe*>(handle->data);
    *buf = uv_buf_init(pipe->buffer, sizeof(pipe->buffer));
  }

  static void OnRead(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf) {
    SyncPipe* pipe = static_cast<SyncPipe*>(stream->data);
    SyncRun* run = pipe->run;
    if (nread > 0) {
      pipe->output.append(buf->base, static_cast<size_t>(nread));
      run->buffered_ += static_cast<double>(nread);
      if (run->spec_.max_buffer > 0 && run->buffered_ > run->spec_.max_buffer) {
        run->SetError(UV_ENOBUFS);
        run->Kill();
      }
      return;
    }
    if (nread == 0) return;
    if (nread != UV_EOF) run->SetError(static_cast<int>(nread));
    uv_read_stop(stream);
    pipe->read_done = true;
    run->MaybeClosePipe(pipe);
  }

  static void OnWritten(uv_write_t* request, int status) {
    SyncPipe* pipe = static_cast<SyncPipe*>(request->data);
    if (status < 0) {
      if (status != UV_ECANCELED) pipe->run->SetError(status);
      return pipe->run->ClosePipe(pipe);
    }
    pipe->run->Shutdown(pipe);
  }

  static void OnShutdown(uv_shutdown_t* request, int status) {
    SyncPipe* pipe = static_cast<SyncPipe*>(request->data);
    if (status < 0 && status != UV_ECANCELED && status != UV_ENOTCONN) {
      pipe->run->SetError(status);
    }
    pipe->write_done = true;
    pipe->run->MaybeClosePipe(pipe);
  }

  const SpawnSpec& spec_;
  uv_loop_t loop_;
  uv_process_t process_;
  uv_timer_t timer_;
  bool timer_started_ = false;
  bool exited_ = false;
  bool killed_ = false;
  double buffered_ = 0;  // bytes read from all pipes
  std::vector<std::unique_ptr<SyncPipe>> pipes_;  // by stdio index; null where no pipe
  SyncResult result_;
};

}  // namespace

SyncResult RunSync(const SpawnSpec& spec) {
  SyncRun run(spec);
  return run.Run();
}

}  // namespace toysnap::node
