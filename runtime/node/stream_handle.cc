// StreamHandle: one libuv stream and what JS waits for on it (reads, writes,
// shutdown, connect, connections, close). See stream_handle.h.
#include "runtime/async_context.h"
#include "runtime/node/stream_handle.h"

#include <poll.h>

#include <cerrno>
#include <cstring>
#include <utility>
#include <vector>

#include "runtime/event_loop.h"
#include "runtime/isolate_data.h"
#include "runtime/js_error.h"
#include "runtime/native_util.h"
#include "v8-array-buffer.h"
#include "v8-exception.h"
#include "v8-primitive.h"
#include "v8-typed-array.h"

namespace toysnap::node {
namespace {

constexpr size_t kReadSize = 64 * 1024;  // what one read asks of libuv, as Node
constexpr size_t kMaxBuf = size_t{1} << 30;  // uv_buf_t holds an unsigned length

// `size` bytes at `data` as libuv buffers of at most kMaxBuf each.
std::vector<uv_buf_t> Buffers(const char* data, size_t size) {
  std::vector<uv_buf_t> buffers;
  while (size > 0) {
    size_t part = size < kMaxBuf ? size : kMaxBuf;
    buffers.push_back(uv_buf_init(const_cast<char*>(data), static_cast<unsigned>(part)));
    data += part;
    size -= part;
  }
  return buffers;
}

using Args = std::vector<v8::Local<v8::Value>>;  // what a callback is called with

EventLoop* LoopOf(v8::Isolate* isolate) {
  IsolateData* data = isolate != nullptr ? IsolateData::From(isolate) : nullptr;
  return data != nullptr ? data->loop : nullptr;
}

}  // namespace

// A write libuv could not finish at once: the rest of the bytes, kept alive.
struct StreamHandle::WriteRequest {
  uv_write_t request;
  StreamHandle* owner;
  std::shared_ptr<v8::BackingStore> keep;  // the JS buffer's memory, or null
  std::string copy;                        // or a copy of the bytes
  AsyncCallback callback;
};

struct StreamHandle::ShutdownRequest {
  uv_shutdown_t request;
  StreamHandle* owner;
  AsyncCallback callback;
};

struct StreamHandle::ConnectRequest {
  uv_connect_t request;
  StreamHandle* owner;
  AsyncCallback callback;
};

StreamHandle::StreamHandle(v8::Isolate* isolate, HandleKind kind, uv_loop_t* loop, int fd,
                           bool ipc)
    : isolate_(isolate), kind_(kind) {
  std::memset(&handle_, 0, sizeof(handle_));
  switch (kind) {
    case HandleKind::kPipe:
      init_error_ = uv_pipe_init(loop, &handle_.pipe, ipc ? 1 : 0);
      break;
    case HandleKind::kTcp:
      init_error_ = uv_tcp_init(loop, &handle_.tcp);
      break;
    case HandleKind::kTty:
      init_error_ = uv_tty_init(loop, &handle_.tty, fd, fd == 0 ? 1 : 0);
      break;
  }
  live_ = init_error_ == 0;
  handle_.handle.data = this;
}

StreamHandle::StreamHandle(HandleKind kind) : kind_(kind) {
  std::memset(&handle_, 0, sizeof(handle_));
}

// Reached after close (the object was collected) or once the runtime's loop
// is gone (it closed every handle itself): never with libuv still holding
// the handle, since an open handle keeps its object alive.
StreamHandle::~StreamHandle() {
  if (raw_) uv_tty_reset_mode();
}

std::string StreamHandle::Serialize() const { return std::string(1, static_cast<char>(kind_)); }

void StreamHandle::Attach(v8::Local<v8::Object> object, const std::string& description,
                          const std::string& where) {
  if (!live_) return;
  self_.Reset(isolate_, object);
  created_in_.Capture(isolate_);
  if (EventLoop* loop = LoopOf(isolate_)) resource_id_ = loop->TrackResource(description, where);
}

template <typename MakeArgs>
void StreamHandle::Deliver(AsyncCallback& callback, MakeArgs make_args) {
  EventLoop* loop = LoopOf(isolate_);
  if (loop == nullptr || callback.IsEmpty()) return;
  loop->RunCallback([&](v8::Local<v8::Context> context) -> absl::Status {
    v8::TryCatch try_catch(isolate_);
    Args args = make_args(context);
    v8::Local<v8::Value> ignored;
    if (!callback.Call(context, v8::Undefined(isolate_), static_cast<int>(args.size()),
                       args.data())
             .ToLocal(&ignored)) {
      return TryCatchToStatus(isolate_, context, try_catch);
    }
    return absl::OkStatus();
  });
}

int StreamHandle::ReadStart(v8::Local<v8::Function> onread) {
  if (!live_ || closing_) return UV_EBADF;
  onread_.Reset(isolate_, onread, created_in_);
  return uv_read_start(&handle_.stream, OnAlloc, OnRead);
}

int StreamHandle::ReadStop() {
  if (!live_ || closing_) return UV_EBADF;
  return uv_read_stop(&handle_.stream);
}

void StreamHandle::OnAlloc(uv_handle_t* handle, size_t, uv_buf_t* buf) {
  auto* self = static_cast<StreamHandle*>(handle->data);
  if (self->read_buffer_ == nullptr) self->read_buffer_.reset(new char[kReadSize]);
  *buf = uv_buf_init(self->read_buffer_.get(), kReadSize);
}

void StreamHandle::OnRead(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf) {
  auto* self = static_cast<StreamHandle*>(stream->data);
  if (nread == 0) return;  // libuv's "nothing now" (EAGAIN)
  if (nread > 0) self->bytes_read_ += static_cast<size_t>(nread);
  self->Deliver(self->onread_, [&](v8::Local<v8::Context>) -> Args {
    if (nread < 0) return {v8::Integer::New(self->isolate_, static_cast<int>(nread))};
    size_t size = static_cast<size_t>(nread);
    std::unique_ptr<v8::BackingStore> store =
        v8::ArrayBuffer::NewBackingStore(self->isolate_, size);
    std::memcpy(store->Data(), buf->base, size);
    v8::Local<v8::ArrayBuffer> buffer = v8::ArrayBuffer::New(self->isolate_, std::move(store));
    return {v8::Uint8Array::New(buffer, 0, size)};
  });
}

int StreamHandle::WriteBlocking(const char* data, size_t size) {
  while (size > 0) {
    uv_buf_t buf = uv_buf_init(const_cast<char*>(data),
                               static_cast<unsigned>(size < kMaxBuf ? size : kMaxBuf));
    int written = uv_try_write(&handle_.stream, &buf, 1);
    if (written > 0) {
      data += written;
      size -= static_cast<size_t>(written);
      bytes_written_ += static_cast<size_t>(written);
      continue;
    }
    if (written != UV_EAGAIN) return written;
    uv_os_fd_t fd;
    if (uv_fileno(&handle_.handle, &fd) != 0) return UV_EBADF;
    pollfd wait = {fd, POLLOUT, 0};
    if (poll(&wait, 1, -1) < 0 && errno != EINTR) return -errno;
  }
  return 0;
}

int StreamHandle::Write(const char* data, size_t size, std::shared_ptr<v8::BackingStore> keep,
                        std::string owned, v8::Local<v8::Value> callback) {
  if (!live_ || closing_) return UV_EBADF;
  if (size == 0) return 0;
  if (blocking_) return WriteBlocking(data, size);
  size_t done = 0;
  if (uv_stream_get_write_queue_size(&handle_.stream) == 0) {
    uv_buf_t buf = uv_buf_init(const_cast<char*>(data),
                               static_cast<unsigned>(size < kMaxBuf ? size : kMaxBuf));
    int written = uv_try_write(&handle_.stream, &buf, 1);
    if (written >= 0) {
      done = static_cast<size_t>(written);
    } else if (written != UV_EAGAIN && written != UV_ENOSYS) {
      return written;
    }
  }
  bytes_written_ += done;
  if (done == size) return 0;
  auto request = std::make_unique<WriteRequest>();
  request->owner = this;
  const char* rest = data + done;
  size_t rest_size = size - done;
  if (keep != nullptr) {
    request->keep = std::move(keep);
  } else if (!owned.empty() && owned.data() == data) {
    request->copy = std::move(owned);
    rest = request->copy.data() + done;
  } else {
    request->copy.assign(rest, rest_size);
    rest = request->copy.data();
  }
  if (callback->IsFunction()) request->callback.Reset(isolate_, callback.As<v8::Function>());
  std::vector<uv_buf_t> buffers = Buffers(rest, rest_size);
  request->request.data = request.get();
  int error = uv_write(&request->request, &handle_.stream, buffers.data(),
                       static_cast<unsigned>(buffers.size()), OnWrite);
  if (error != 0) return error;
  bytes_written_ += rest_size;
  request.release();  // OnWrite owns it
  return 1;
}

void StreamHandle::OnWrite(uv_write_t* raw, int status) {
  std::unique_ptr<WriteRequest> request(static_cast<WriteRequest*>(raw->data));
  StreamHandle* self = request->owner;
  self->Deliver(request->callback, [&](v8::Local<v8::Context>) -> Args {
    return {v8::Integer::New(self->isolate_, status)};
  });
}

int StreamHandle::Shutdown(v8::Local<v8::Function> callback) {
  if (!live_ || closing_) return UV_EBADF;
  auto request = std::make_unique<ShutdownRequest>();
  request->owner = this;
  request->callback.Reset(isolate_, callback);
  request->request.data = request.get();
  int error = uv_shutdown(&request->request, &handle_.stream, OnShutdown);
  if (error == 0) request.release();
  return error;
}

void StreamHandle::OnShutdown(uv_shutdown_t* raw, int status) {
  std::unique_ptr<ShutdownRequest> request(static_cast<ShutdownRequest*>(raw->data));
  StreamHandle* self = request->owner;
  self->Deliver(request->callback, [&](v8::Local<v8::Context>) -> Args {
    return {v8::Integer::New(self->isolate_, status)};
  });
}

uv_connect_t* StreamHandle::NewConnect(v8::Local<v8::Function> callback) {
  // libuv keeps one connect request per handle: a second would be lost.
  if (connecting_ || !live_ || closing_) return nullptr;
  connecting_ = true;
  auto* request = new ConnectRequest;
  request->owner = this;
  request->callback.Reset(isolate_, callback);
  request->request.data = request;
  return &request->request;
}

void StreamHandle::FailConnect(uv_connect_t* raw) {
  auto* request = static_cast<ConnectRequest*>(raw->data);
  request->owner->connecting_ = false;
  delete request;
}

void StreamHandle::OnConnect(uv_connect_t* raw, int status) {
  std::unique_ptr<ConnectRequest> request(static_cast<ConnectRequest*>(raw->data));
  StreamHandle* self = request->owner;
  self->connecting_ = false;
  self->Deliver(request->callback, [&](v8::Local<v8::Context>) -> Args {
    return {v8::Integer::New(self->isolate_, status)};
  });
}

int StreamHandle::Listen(int backlog, v8::Local<v8::Function> onconnection) {
  if (!live_ || closing_) return UV_EBADF;
  onconnection_.Reset(isolate_, onconnection, created_in_);
  int error = uv_listen(&handle_.stream, backlog, OnConnection);
  if (error != 0) onconnection_.Reset();
  return error;
}

void StreamHandle::OnConnection(uv_stream_t* server, int status) {
  auto* self = static_cast<StreamHandle*>(server->data);
  self->Deliver(self->onconnection_,
                [&](v8::Local<v8::Context>) -> Args {
                  return {v8::Integer::New(self->isolate_, status)};
                });
}

int StreamHandle::Accept(StreamHandle* client) {
  if (!live_ || closing_ || client == nullptr || !client->live_ || client->closing_) {
    return UV_EBADF;
  }
  // As in Node, an accepted connection belongs to no caller's async context
  // (its handle is made before the server's callback runs).
  client->created_in_.Reset();
  return uv_accept(&handle_.stream, &client->handle_.stream);
}

int StreamHandle::SetRawMode(bool raw) {
  if (!live_ || closing_ || kind_ != HandleKind::kTty) return UV_EBADF;
  int error = uv_tty_set_mode(&handle_.tty, raw ? UV_TTY_MODE_RAW : UV_TTY_MODE_NORMAL);
  if (error == 0) raw_ = raw;
  return error;
}

void StreamHandle::Close(v8::Local<v8::Value> callback) {
  if (!live_ || closing_) return;
  closing_ = true;
  if (raw_) {
    uv_tty_set_mode(&handle_.tty, UV_TTY_MODE_NORMAL);
    raw_ = false;
  }
  if (callback->IsFunction()) onclose_.Reset(isolate_, callback.As<v8::Function>(), created_in_);
  uv_close(&handle_.handle, OnClose);
}

void StreamHandle::OnClose(uv_handle_t* handle) {
  auto* self = static_cast<StreamHandle*>(handle->data);
  self->live_ = false;
  if (EventLoop* loop = LoopOf(self->isolate_)) loop->UntrackResource(self->resource_id_);
  self->onread_.Reset();
  self->onconnection_.Reset();
  self->read_buffer_.reset();
  AsyncCallback onclose = std::move(self->onclose_);
  self->Deliver(onclose, [](v8::Local<v8::Context>) { return Args{}; });
  // Last: from here the object may be collected, and this state with it.
  self->self_.Reset();
  self->created_in_.Reset();
}

}  // namespace toysnap::node
