// libuv stream handles as native classes: Pipe, TTY and TCP, all kinds of
// StreamHandle, the layer under net.Socket, tty.ReadStream/WriteStream,
// process.stdin/stdout/stderr and child-process stdio. Included by the net
// extension (net.cc) and by natives that hand a stream to libuv (spawn).
//
// JS API: the classes are lazy (Extension::lazy_classes): natives.
// loadHandleClasses() installs them and returns {StreamHandle, Pipe, TCP,
// TTY, SignalWatch}; runtime JS gets that object from
// internals.handleClasses() (net.js).
// For spawn: make `new Pipe(false, 'child stdio')` (initialized, not opened),
// pass it to the native, which takes UnwrapStreamHandle(...)->pipe() as
// uv_stdio_container_t's stream with UV_CREATE_PIPE; after uv_spawn it is a
// connected pipe: wrap it as `new Socket({handle, readable, writable})`.
// Every method returns 0 or a negative libuv error unless it says otherwise;
// callbacks run on the loop via EventLoop::RunCallback.
//   new Pipe(ipc?, kind?, where?)   new TCP(kind?, where?)   new TTY(fd, kind?, where?)
//     `kind` names the handle in the build's "still open" error ("net.Socket"),
//     `where` the file:line:col it is from (default: the innermost user frame;
//     natives.userCallSite() gives it, for handles made later, in callbacks).
//     A TTY is opened at construction; throws Node's uvException on failure.
//   Runtime JS builds on them with internals.netSocket().Socket (a net.Socket
//   over any handle: `new Socket({handle, readable, writable})`).
//   Every StreamHandle:
//     readStart(onread)     onread(bytes: Uint8Array) per chunk, onread(err)
//                           at the end (UV_EOF, -4095) or on an error
//     readStop()
//     write(chunk, encoding?, callback?)  chunk: string (encoding 'utf8',
//                           'latin1', 'ascii', default utf8) or an
//                           ArrayBufferView. Tries to write at once (blocking
//                           mode: waits until it can); returns 0 when all was
//                           written (callback not called), 1 when the rest
//                           is queued (callback(status) later), or an error.
//     shutdown(callback)    callback(status) once queued writes are flushed
//     close(callback?)      idempotent; callback() after libuv closed it
//     ref() unref() hasRef()
//     setBlocking(bool)     writes wait for the descriptor instead of queuing
//     getters: fd (-1 if none), bytesRead, bytesWritten, writeQueueSize,
//              closed, readable, writable (uv_is_readable/writable)
//   Pipe: open(fd), bind(path), listen(backlog, onconnection),
//         accept(pipe), connect(path, callback), getsockname() -> path
//   TCP:  open(fd), bind(address, port, ipv6Only?), listen(backlog,
//         onconnection), accept(tcp), connect(address, port, callback),
//         getsockname()/getpeername() -> {address, family, port} or error,
//         setNoDelay(bool), setKeepAlive(bool, delaySeconds)
//         onconnection(status): the JS makes a handle and calls accept(it).
//   TTY:  getWindowSize() -> [columns, rows] or error, setRawMode(bool)
//   natives.uvErrorName(err) -> [code, description] (libuv's strings, Node's)
//   natives.isIP(text) -> 4 | 6 | 0    natives.userCallSite() -> "file:line:col"
//   natives.guessHandleType(fd) -> 'TTY' | 'PIPE' | 'TCP' | 'UDP' | 'FILE' |
//                                  'UNKNOWN' (Node's names)
//
// Lifetime: an open handle keeps its JS object alive; after close() the
// object is collected as usual. A handle registers itself as a loop resource
// (a snapshot build that ends with one open fails naming it) and is never in
// a snapshot: one restored from a snapshot is closed. A Runtime destroyed with
// handles open closes them with its loop; no callback reaches JS then.
#ifndef TOYSNAP_RUNTIME_NODE_STREAM_HANDLE_H_
#define TOYSNAP_RUNTIME_NODE_STREAM_HANDLE_H_

#include <uv.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "runtime/async_context.h"
#include "runtime/native_classes.h"
#include "runtime/extension.h"
#include "v8-array-buffer.h"
#include "v8-function.h"
#include "v8-isolate.h"
#include "v8-persistent-handle.h"

namespace toysnap::node {

enum class HandleKind : uint8_t { kPipe, kTcp, kTty };

// The C++ state of one JS handle object; owns its libuv handle.
class StreamHandle final : public NativeState {
 public:
  // Initializes the libuv handle on `loop` (a TTY needs `fd`); on failure
  // error() is set and the handle counts as closed.
  StreamHandle(v8::Isolate* isolate, HandleKind kind, uv_loop_t* loop, int fd, bool ipc);
  // A closed handle (one restored from a snapshot).
  explicit StreamHandle(HandleKind kind);
  ~StreamHandle() override;
  std::string Serialize() const override;

  HandleKind kind() const { return kind_; }
  int init_error() const { return init_error_; }
  bool closed() const { return !live_; }
  // The libuv stream, or null once closed: for uv_spawn's stdio and the like.
  uv_stream_t* stream() { return live_ ? &handle_.stream : nullptr; }
  uv_pipe_t* pipe() { return live_ && kind_ == HandleKind::kPipe ? &handle_.pipe : nullptr; }
  uv_tcp_t* tcp() { return live_ && kind_ == HandleKind::kTcp ? &handle_.tcp : nullptr; }
  uv_tty_t* tty() { return live_ && kind_ == HandleKind::kTty ? &handle_.tty : nullptr; }

  // Called by the class constructor once the state is wrapped: holds `object`
  // strongly while open, and registers the loop resource: `description`
  // created at `where` (file:line:col).
  void Attach(v8::Local<v8::Object> object, const std::string& description,
              const std::string& where);

  int ReadStart(v8::Local<v8::Function> onread);
  int ReadStop();
  // Writes `data`: 0 done, 1 queued (callback(status) later), or an error.
  // A queued rest is kept alive by `keep` (a JS buffer's memory), taken from
  // `owned` when `data` is its bytes, or else copied.
  int Write(const char* data, size_t size, std::shared_ptr<v8::BackingStore> keep,
            std::string owned, v8::Local<v8::Value> callback);
  int Shutdown(v8::Local<v8::Function> callback);
  void Close(v8::Local<v8::Value> callback);
  int Listen(int backlog, v8::Local<v8::Function> onconnection);
  int Accept(StreamHandle* client);
  // Stores the callback of a connect request about to start; null while
  // another is pending or once closed.
  uv_connect_t* NewConnect(v8::Local<v8::Function> callback);
  void FailConnect(uv_connect_t* request);
  void SetBlocking(bool blocking) { blocking_ = blocking; }
  int SetRawMode(bool raw);

  size_t bytes_read() const { return bytes_read_; }
  size_t bytes_written() const { return bytes_written_; }

  static void OnConnect(uv_connect_t* request, int status);

 private:
  struct WriteRequest;
  struct ShutdownRequest;
  struct ConnectRequest;
  static void OnAlloc(uv_handle_t* handle, size_t suggested, uv_buf_t* buf);
  static void OnRead(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf);
  static void OnWrite(uv_write_t* request, int status);
  static void OnShutdown(uv_shutdown_t* request, int status);
  static void OnConnection(uv_stream_t* server, int status);
  static void OnClose(uv_handle_t* handle);
  // Calls `callback(args)` on the loop, unless the runtime is going away.
  // `make_args(context)` gives the arguments.
  template <typename MakeArgs>
  void Deliver(AsyncCallback& callback, MakeArgs make_args);
  int WriteBlocking(const char* data, size_t size);

  v8::Isolate* isolate_ = nullptr;
  HandleKind kind_;
  union {
    uv_handle_t handle;
    uv_stream_t stream;
    uv_pipe_t pipe;
    uv_tcp_t tcp;
    uv_tty_t tty;
  } handle_;
  bool live_ = false;      // initialized and not yet closed by libuv
  bool closing_ = false;   // close() called
  bool blocking_ = false;  // writes wait instead of queuing
  bool raw_ = false;       // a TTY in raw mode
  bool connecting_ = false;  // a connect request is pending
  int init_error_ = 0;
  int resource_id_ = 0;    // the loop's record of this open handle
  size_t bytes_read_ = 0;
  size_t bytes_written_ = 0;
  std::unique_ptr<char[]> read_buffer_;  // owned; one read's worth, reused
  v8::Global<v8::Object> self_;          // strong while open
  SavedAsyncContext created_in_;  // the async context of Attach (root if accepted)
  AsyncCallback onread_;  // these three run in created_in_
  AsyncCallback onconnection_;
  AsyncCallback onclose_;
};

// The state of `value` if it is a live Pipe, TCP or TTY object of this
// isolate, else null. For natives that take a handle (spawn's stdio pipes).
StreamHandle* UnwrapStreamHandle(v8::Isolate* isolate, v8::Local<v8::Value> value);

// The classes, parent first, for the extension that installs them
// (natives.loadHandleClasses in net.cc).
absl::Span<const NativeClass* const> StreamHandleClasses();
// natives.uvErrorName, isIP and guessHandleType.
absl::Span<const NativeFunction> StreamHandleFunctions();

// "<kind>" for fd 0..: Node's guessHandleType.
const char* GuessHandleType(int fd);

}  // namespace toysnap::node

#endif  // TOYSNAP_RUNTIME_NODE_STREAM_HANDLE_H_
