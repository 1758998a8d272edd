// The JS classes over StreamHandle: StreamHandle (the shared methods), Pipe,
// TCP and TTY, and natives.uvErrorName / guessHandleType. See stream_handle.h.
#include <uv.h>

#include <climits>
#include <cstring>
#include <memory>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "runtime/event_loop.h"
#include "runtime/isolate_data.h"
#include "runtime/native_util.h"
#include "runtime/node/fs_job.h"
#include "runtime/node/stream_handle.h"
#include "runtime/permission_check.h"
#include "runtime/v8_strings.h"
#include "v8-array-buffer.h"
#include "v8-container.h"
#include "v8-exception.h"
#include "v8-primitive.h"
#include "v8-typed-array.h"

namespace toysnap::node {
namespace {

extern const NativeClass kStreamHandleClass;
extern const NativeClass kPipeClass;
extern const NativeClass kTcpClass;
extern const NativeClass kTtyClass;

using Info = v8::FunctionCallbackInfo<v8::Value>;

StreamHandle* Self(const Info& info, const NativeClass& cls = kStreamHandleClass) {
  return UnwrapNativeState<StreamHandle>(info, cls);
}

void ReturnInt(const Info& info, int value) { info.GetReturnValue().Set(value); }

std::string Utf8(v8::Isolate* isolate, v8::Local<v8::Value> value) {
  v8::String::Utf8Value text(isolate, value);
  return *text != nullptr ? std::string(*text, text.length()) : std::string();
}

// An int argument, or `fallback` when it is not a number in int's range.
int IntArg(const Info& info, int index, int fallback) {
  v8::Local<v8::Value> value = info[index];
  if (!value->IsNumber()) return fallback;
  double number = value.As<v8::Number>()->Value();
  if (!(number >= INT_MIN && number <= INT_MAX)) return fallback;  // NaN too
  return static_cast<int>(number);
}

bool RequireFunction(const Info& info, int index, const char* name) {
  if (info[index]->IsFunction()) return true;
  ThrowInvalidArgType(info.GetIsolate(), name, "of type function", info[index]);
  return false;
}

// Makes the state of a new instance: `kind` of handle, described in the
// build's "still open" list by `description` (or the class name), created at
// `where` (or the user's innermost frame).
void Construct(const Info& info, const NativeClass& cls, HandleKind kind, int fd, bool ipc,
               v8::Local<v8::Value> description, v8::Local<v8::Value> where) {
  v8::Isolate* isolate = info.GetIsolate();
  if (!info.IsConstructCall()) {
    return ThrowError(isolate, ErrorKind::kTypeError,
                      absl::StrCat("Class constructor ", cls.name,
                                   " cannot be invoked without 'new'"));
  }
  IsolateData* data = IsolateData::From(isolate);
  if (data == nullptr || data->loop == nullptr) {
    return ThrowError(isolate, ErrorKind::kError, "stream handles need the runtime's event loop");
  }
  auto state = std::make_unique<StreamHandle>(isolate, kind, data->loop->uv_loop(), fd, ipc);
  if (state->init_error() != 0) {
    const char* syscall = kind == HandleKind::kTty ? "uv_tty_init" : "uv_stream_init";
    isolate->ThrowException(UvException(isolate, state->init_error(), syscall, nullptr, nullptr));
    return;
  }
  StreamHandle* raw = state.get();
  WrapNativeState(info.This(), cls, std::move(state));
  std::string name = description->IsString() ? Utf8(isolate, description) : cls.name;
  raw->Attach(info.This(), name,
              where->IsString() ? Utf8(isolate, where) : UserCallSite(isolate));
}

void IllegalConstructor(const Info& info) {
  ThrowError(info.GetIsolate(), ErrorKind::kTypeError, "Illegal constructor");
}

// ---- every stream -----------------------------------------------------------

void ReadStart(const Info& info) {
  StreamHandle* self = Self(info);
  if (self == nullptr || !RequireFunction(info, 0, "onread")) return;
  ReturnInt(info, self->ReadStart(info[0].As<v8::Function>()));
}

void ReadStop(const Info& info) {
  if (StreamHandle* self = Self(info)) ReturnInt(info, self->ReadStop());
}

// Whether a write's encoding argument is 'latin1', 'binary' or 'ascii' (a
// string is then written a byte per character): read without a std::string,
// since every write passes one.
bool IsOneByteEncoding(v8::Isolate* isolate, v8::Local<v8::Value> encoding) {
  if (!encoding->IsString()) return false;
  v8::Local<v8::String> name = encoding.As<v8::String>();
  char text[6];
  int length = name->Length();
  if (length < 5 || length > 6) return false;
  name->WriteOneByte(isolate, reinterpret_cast<uint8_t*>(text), 0, length,
                     v8::String::NO_NULL_TERMINATION);
  absl::string_view view(text, static_cast<size_t>(length));
  return view == "latin1" || view == "binary" || view == "ascii";
}

// write(chunk, encoding, callback): a string as UTF-8 or Latin-1, or bytes.
void Write(const Info& info) {
  StreamHandle* self = Self(info);
  if (self == nullptr) return;
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Value> chunk = info[0];
  v8::Local<v8::Value> callback = info[2];
  // Most writes are short lines: copied to the stack (again only if queued).
  char stack[8192];
  if (chunk->IsArrayBufferView()) {
    v8::Local<v8::ArrayBufferView> view = chunk.As<v8::ArrayBufferView>();
    size_t size = view->ByteLength();
    if (size <= sizeof(stack)) {
      view->CopyContents(stack, size);
      return ReturnInt(info, self->Write(stack, size, nullptr, {}, callback));
    }
    std::shared_ptr<v8::BackingStore> store = view->Buffer()->GetBackingStore();
    const char* data = static_cast<const char*>(store->Data()) + view->ByteOffset();
    if (store->Data() == nullptr) data = "";
    return ReturnInt(info, self->Write(data, size, std::move(store), {}, callback));
  }
  if (!chunk->IsString()) {
    return ThrowInvalidArgType(isolate, "chunk",
                               "of type string or an instance of Buffer or Uint8Array", chunk);
  }
  v8::Local<v8::String> text = chunk.As<v8::String>();
  std::string owned;
  if (IsOneByteEncoding(isolate, info[1])) {
    size_t size = static_cast<size_t>(text->Length());
    char* data = stack;
    if (size > sizeof(stack)) {
      owned.resize(size);
      data = owned.data();
    }
    text->WriteOneByte(isolate, reinterpret_cast<uint8_t*>(data), 0, static_cast<int>(size),
                       v8::String::NO_NULL_TERMINATION);
    return ReturnInt(info, self->Write(data, size, nullptr, std::move(owned), callback));
  }
  absl::string_view bytes = Utf8Of(isolate, text, absl::MakeSpan(stack), &owned);
  ReturnInt(info, self->Write(bytes.data(), bytes.size(), nullptr, std::move(owned), callback));
}

void Shutdown(const Info& info) {
  StreamHandle* self = Self(info);
  if (self == nullptr || !RequireFunction(info, 0, "callback")) return;
  ReturnInt(info, self->Shutdown(info[0].As<v8::Function>()));
}

void Close(const Info& info) {
  if (StreamHandle* self = Self(info)) self->Close(info[0]);
}

void Ref(const Info& info) {
  StreamHandle* self = Self(info);
  if (self != nullptr && self->stream() != nullptr) {
    uv_ref(reinterpret_cast<uv_handle_t*>(self->stream()));
  }
}

void Unref(const Info& info) {
  StreamHandle* self = Self(info);
  if (self != nullptr && self->stream() != nullptr) {
    uv_unref(reinterpret_cast<uv_handle_t*>(self->stream()));
  }
}

void HasRef(const Info& info) {
  StreamHandle* self = Self(info);
  if (self == nullptr) return;
  info.GetReturnValue().Set(self->stream() != nullptr &&
                            uv_has_ref(reinterpret_cast<uv_handle_t*>(self->stream())) != 0);
}

void SetBlocking(const Info& info) {
  if (StreamHandle* self = Self(info)) self->SetBlocking(info[0]->BooleanValue(info.GetIsolate()));
}

void Listen(const Info& info) {
  StreamHandle* self = Self(info);
  if (self == nullptr || !RequireFunction(info, 1, "onconnection")) return;
  ReturnInt(info, self->Listen(IntArg(info, 0, 511), info[1].As<v8::Function>()));
}

void Accept(const Info& info) {
  StreamHandle* self = Self(info);
  if (self == nullptr) return;
  ReturnInt(info, self->Accept(UnwrapStreamHandle(info.GetIsolate(), info[0])));
}

void GetFd(const Info& info) {
  StreamHandle* self = Self(info);
  if (self == nullptr) return;
  uv_os_fd_t fd = -1;
  if (self->stream() == nullptr ||
      uv_fileno(reinterpret_cast<uv_handle_t*>(self->stream()), &fd) != 0) {
    fd = -1;
  }
  ReturnInt(info, fd);
}

void GetBytesRead(const Info& info) {
  if (StreamHandle* self = Self(info)) {
    info.GetReturnValue().Set(static_cast<double>(self->bytes_read()));
  }
}

void GetBytesWritten(const Info& info) {
  if (StreamHandle* self = Self(info)) {
    info.GetReturnValue().Set(static_cast<double>(self->bytes_written()));
  }
}

void GetWriteQueueSize(const Info& info) {
  StreamHandle* self = Self(info);
  if (self == nullptr) return;
  size_t size = self->stream() != nullptr ? uv_stream_get_write_queue_size(self->stream()) : 0;
  info.GetReturnValue().Set(static_cast<double>(size));
}

void GetClosed(const Info& info) {
  if (StreamHandle* self = Self(info)) info.GetReturnValue().Set(self->closed());
}

void GetReadable(const Info& info) {
  StreamHandle* self = Self(info);
  if (self != nullptr) {
    info.GetReturnValue().Set(self->stream() != nullptr && uv_is_readable(self->stream()) != 0);
  }
}

void GetWritable(const Info& info) {
  StreamHandle* self = Self(info);
  if (self != nullptr) {
    info.GetReturnValue().Set(self->stream() != nullptr && uv_is_writable(self->stream()) != 0);
  }
}

// ---- Pipe -----------------------------------------------------------------

void PipeConstruct(const Info& info) {
  Construct(info, kPipeClass, HandleKind::kPipe, -1, info[0]->BooleanValue(info.GetIsolate()),
            info[1], info[2]);
}

void PipeOpen(const Info& info) {
  StreamHandle* self = Self(info, kPipeClass);
  if (self == nullptr) return;
  if (self->pipe() == nullptr) return ReturnInt(info, UV_EBADF);
  ReturnInt(info, uv_pipe_open(self->pipe(), IntArg(info, 0, -1)));
}

void PipeBind(const Info& info) {
  StreamHandle* self = Self(info, kPipeClass);
  if (self == nullptr) return;
  std::string path = Utf8(info.GetIsolate(), info[0]);
  if (!CheckAccess(info.GetIsolate(), Capability::kNet, path)) return;
  if (self->pipe() == nullptr) return ReturnInt(info, UV_EBADF);
  ReturnInt(info, uv_pipe_bind(self->pipe(), path.c_str()));
}

void PipeConnect(const Info& info) {
  StreamHandle* self = Self(info, kPipeClass);
  if (self == nullptr || !RequireFunction(info, 1, "callback")) return;
  std::string path = Utf8(info.GetIsolate(), info[0]);
  if (!CheckAccess(info.GetIsolate(), Capability::kNet, path)) return;
  if (self->pipe() == nullptr) return ReturnInt(info, UV_EBADF);
  uv_connect_t* request = self->NewConnect(info[1].As<v8::Function>());
  if (request == nullptr) return ReturnInt(info, UV_EALREADY);
  uv_pipe_connect(request, self->pipe(), path.c_str(), StreamHandle::OnConnect);
  ReturnInt(info, 0);
}

void PipeGetSockName(const Info& info) {
  StreamHandle* self = Self(info, kPipeClass);
  if (self == nullptr) return;
  if (self->pipe() == nullptr) return ReturnInt(info, UV_EBADF);
  char name[1024];
  size_t size = sizeof(name);
  int error = uv_pipe_getsockname(self->pipe(), name, &size);
  if (error != 0) return ReturnInt(info, error);
  v8::Local<v8::String> text;
  if (NewString(info.GetIsolate(), absl::string_view(name, size)).ToLocal(&text)) {
    info.GetReturnValue().Set(text);
  }
}

// ---- TCP ------------------------------------------------------------------

// `address` and `port` as a socket address; false if `address` is no IP.
bool ToSockAddr(const std::string& address, int port, sockaddr_storage* out) {
  std::memset(out, 0, sizeof(*out));
  if (uv_ip4_addr(address.c_str(), port, reinterpret_cast<sockaddr_in*>(out)) == 0) return true;
  return uv_ip6_addr(address.c_str(), port, reinterpret_cast<sockaddr_in6*>(out)) == 0;
}

// {address, family, port} as Node's address() gives it.
v8::Local<v8::Value> SockAddrObject(v8::Isolate* isolate, const sockaddr_storage& address) {
  char text[INET6_ADDRSTRLEN] = "";
  int port = 0;
  const char* family = "IPv4";
  if (address.ss_family == AF_INET6) {
    const auto* in6 = reinterpret_cast<const sockaddr_in6*>(&address);
    uv_ip6_name(in6, text, sizeof(text));
    port = ntohs(in6->sin6_port);
    family = "IPv6";
  } else {
    const auto* in = reinterpret_cast<const sockaddr_in*>(&address);
    uv_ip4_name(in, text, sizeof(text));
    port = ntohs(in->sin_port);
  }
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Object> object = v8::Object::New(isolate);
  object->CreateDataProperty(context, v8::String::NewFromUtf8Literal(isolate, "address"),
                             v8::String::NewFromUtf8(isolate, text).FromMaybe(
                                 v8::String::Empty(isolate)))
      .IsJust();
  object->CreateDataProperty(context, v8::String::NewFromUtf8Literal(isolate, "family"),
                             v8::String::NewFromUtf8(isolate, family).FromMaybe(
                                 v8::String::Empty(isolate)))
      .IsJust();
  object->CreateDataProperty(context, v8::String::NewFromUtf8Literal(isolate, "port"),
                             v8::Integer::New(isolate, port))
      .IsJust();
  return object;
}

void TcpConstruct(const Info& info) {
  Construct(info, kTcpClass, HandleKind::kTcp, -1, false, info[0], info[1]);
}

void TcpOpen(const Info& info) {
  StreamHandle* self = Self(info, kTcpClass);
  if (self == nullptr) return;
  if (self->tcp() == nullptr) return ReturnInt(info, UV_EBADF);
  ReturnInt(info, uv_tcp_open(self->tcp(), IntArg(info, 0, -1)));
}

void TcpBind(const Info& info) {
  StreamHandle* self = Self(info, kTcpClass);
  if (self == nullptr) return;
  std::string address = Utf8(info.GetIsolate(), info[0]);
  int port = IntArg(info, 1, 0);
  if (!CheckAccess(info.GetIsolate(), Capability::kNet, absl::StrCat(address, ":", port))) return;
  if (self->tcp() == nullptr) return ReturnInt(info, UV_EBADF);
  sockaddr_storage peer;
  if (!ToSockAddr(address, port, &peer)) return ReturnInt(info, UV_EINVAL);
  unsigned flags = info[2]->BooleanValue(info.GetIsolate()) ? UV_TCP_IPV6ONLY : 0;
  ReturnInt(info, uv_tcp_bind(self->tcp(), reinterpret_cast<sockaddr*>(&peer), flags));
}

void TcpConnect(const Info& info) {
  StreamHandle* self = Self(info, kTcpClass);
  if (self == nullptr || !RequireFunction(info, 2, "callback")) return;
  std::string address = Utf8(info.GetIsolate(), info[0]);
  int port = IntArg(info, 1, 0);
  if (!CheckAccess(info.GetIsolate(), Capability::kNet, absl::StrCat(address, ":", port))) return;
  if (self->tcp() == nullptr) return ReturnInt(info, UV_EBADF);
  sockaddr_storage peer;
  if (!ToSockAddr(address, port, &peer)) return ReturnInt(info, UV_EINVAL);
  uv_connect_t* request = self->NewConnect(info[2].As<v8::Function>());
  if (request == nullptr) return ReturnInt(info, UV_EALREADY);
  int error = uv_tcp_connect(request, self->tcp(), reinterpret_cast<sockaddr*>(&peer),
                             StreamHandle::OnConnect);
  if (error != 0) self->FailConnect(request);
  ReturnInt(info, error);
}

template <int (*Get)(const uv_tcp_t*, sockaddr*, int*)>
void TcpName(const Info& info) {
  StreamHandle* self = Self(info, kTcpClass);
  if (self == nullptr) return;
  if (self->tcp() == nullptr) return ReturnInt(info, UV_EBADF);
  sockaddr_storage address;
  int size = sizeof(address);
  int error = Get(self->tcp(), reinterpret_cast<sockaddr*>(&address), &size);
  if (error != 0) return ReturnInt(info, error);
  info.GetReturnValue().Set(SockAddrObject(info.GetIsolate(), address));
}

void TcpSetNoDelay(const Info& info) {
  StreamHandle* self = Self(info, kTcpClass);
  if (self == nullptr) return;
  if (self->tcp() == nullptr) return ReturnInt(info, UV_EBADF);
  ReturnInt(info, uv_tcp_nodelay(self->tcp(), info[0]->BooleanValue(info.GetIsolate()) ? 1 : 0));
}

void TcpSetKeepAlive(const Info& info) {
  StreamHandle* self = Self(info, kTcpClass);
  if (self == nullptr) return;
  if (self->tcp() == nullptr) return ReturnInt(info, UV_EBADF);
  bool enable = info[0]->BooleanValue(info.GetIsolate());
  unsigned delay = static_cast<unsigned>(IntArg(info, 1, 0) > 0 ? IntArg(info, 1, 0) : 0);
  ReturnInt(info, uv_tcp_keepalive(self->tcp(), enable ? 1 : 0, delay));
}

// ---- TTY ------------------------------------------------------------------

void TtyConstruct(const Info& info) {
  v8::Isolate* isolate = info.GetIsolate();
  if (!info[0]->IsInt32() || info[0].As<v8::Int32>()->Value() < 0) {
    return ThrowInvalidArgType(isolate, "fd", "of type number", info[0]);
  }
  int fd = info[0].As<v8::Int32>()->Value();
  if (uv_guess_handle(fd) != UV_TTY) {
    isolate->ThrowException(UvException(isolate, UV_EINVAL, "uv_tty_init", nullptr, nullptr));
    return;
  }
  Construct(info, kTtyClass, HandleKind::kTty, fd, false, info[1], info[2]);
}

void TtyGetWindowSize(const Info& info) {
  StreamHandle* self = Self(info, kTtyClass);
  if (self == nullptr) return;
  if (self->tty() == nullptr) return ReturnInt(info, UV_EBADF);
  int columns = 0;
  int rows = 0;
  int error = uv_tty_get_winsize(self->tty(), &columns, &rows);
  if (error != 0) return ReturnInt(info, error);
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Value> size[] = {v8::Integer::New(isolate, columns),
                                 v8::Integer::New(isolate, rows)};
  info.GetReturnValue().Set(v8::Array::New(isolate, size, 2));
}

void TtySetRawMode(const Info& info) {
  StreamHandle* self = Self(info, kTtyClass);
  if (self != nullptr) ReturnInt(info, self->SetRawMode(info[0]->BooleanValue(info.GetIsolate())));
}

// ---- natives --------------------------------------------------------------

void UvErrorName(const Info& info) {
  v8::Isolate* isolate = info.GetIsolate();
  int error = IntArg(info, 0, 0);
  v8::Local<v8::Value> parts[] = {
      v8::String::NewFromUtf8(isolate, uv_err_name(error)).FromMaybe(v8::String::Empty(isolate)),
      v8::String::NewFromUtf8(isolate, uv_strerror(error)).FromMaybe(v8::String::Empty(isolate))};
  info.GetReturnValue().Set(v8::Array::New(isolate, parts, 2));
}

// userCallSite() -> "file:line:col" of the user's innermost frame, or "".
void UserCallSiteNative(const Info& info) {
  v8::Local<v8::String> text;
  if (NewString(info.GetIsolate(), UserCallSite(info.GetIsolate())).ToLocal(&text)) {
    info.GetReturnValue().Set(text);
  }
}

void GuessHandleTypeNative(const Info& info) {
  v8::Isolate* isolate = info.GetIsolate();
  int fd = IntArg(info, 0, -1);
  info.GetReturnValue().Set(
      v8::String::NewFromUtf8(isolate, GuessHandleType(fd)).FromMaybe(v8::String::Empty(isolate)));
}

// isIP(text) -> 4, 6 or 0, by libuv's inet_pton (a zone "%eth0" allowed on
// IPv6, leading zeros refused on IPv4, as Node's checks do).
void IsIp(const Info& info) {
  if (!info[0]->IsString()) return ReturnInt(info, 0);
  std::string text = Utf8(info.GetIsolate(), info[0]);
  unsigned char address[sizeof(in6_addr)];
  if (text.find('\0') != std::string::npos) return ReturnInt(info, 0);
  if (uv_inet_pton(AF_INET, text.c_str(), address) == 0) return ReturnInt(info, 4);
  if (uv_inet_pton(AF_INET6, text.c_str(), address) == 0) return ReturnInt(info, 6);
  ReturnInt(info, 0);
}

template <HandleKind kKind>
absl::StatusOr<std::unique_ptr<NativeState>> RestoreClosed(absl::string_view) {
  return std::make_unique<StreamHandle>(kKind);
}

constexpr NativeMethod kStreamMethods[] = {
    {"readStart", ReadStart, 1}, {"readStop", ReadStop, 0},     {"write", Write, 3},
    {"shutdown", Shutdown, 1},   {"close", Close, 1},           {"ref", Ref, 0},
    {"unref", Unref, 0},         {"hasRef", HasRef, 0},         {"setBlocking", SetBlocking, 1},
    {"listen", Listen, 2},       {"accept", Accept, 1},
};
constexpr NativeMethod kStreamGetters[] = {
    {"fd", GetFd, 0},           {"bytesRead", GetBytesRead, 0},
    {"bytesWritten", GetBytesWritten, 0}, {"writeQueueSize", GetWriteQueueSize, 0},
    {"closed", GetClosed, 0},   {"readable", GetReadable, 0},
    {"writable", GetWritable, 0},
};
constexpr NativeMethod kPipeMethods[] = {
    {"open", PipeOpen, 1}, {"bind", PipeBind, 1}, {"connect", PipeConnect, 2},
    {"getsockname", PipeGetSockName, 0},
};
constexpr NativeMethod kTcpMethods[] = {
    {"open", TcpOpen, 1},
    {"bind", TcpBind, 3},
    {"connect", TcpConnect, 3},
    {"getsockname", TcpName<uv_tcp_getsockname>, 0},
    {"getpeername", TcpName<uv_tcp_getpeername>, 0},
    {"setNoDelay", TcpSetNoDelay, 1},
    {"setKeepAlive", TcpSetKeepAlive, 2},
};
constexpr NativeMethod kTtyMethods[] = {
    {"getWindowSize", TtyGetWindowSize, 0},
    {"setRawMode", TtySetRawMode, 1},
};

const NativeClass kStreamHandleClass = {
    "StreamHandle", IllegalConstructor, 0, kStreamMethods, kStreamGetters,
    RestoreClosed<HandleKind::kPipe>, 1,
};
const NativeClass kPipeClass = {
    "Pipe", PipeConstruct, 0, kPipeMethods, {}, RestoreClosed<HandleKind::kPipe>, 1,
    {}, {}, &kStreamHandleClass,
};
const NativeClass kTcpClass = {
    "TCP", TcpConstruct, 0, kTcpMethods, {}, RestoreClosed<HandleKind::kTcp>, 1,
    {}, {}, &kStreamHandleClass,
};
const NativeClass kTtyClass = {
    "TTY", TtyConstruct, 1, kTtyMethods, {}, RestoreClosed<HandleKind::kTty>, 1,
    {}, {}, &kStreamHandleClass,
};

constexpr const NativeClass* kClasses[] = {&kStreamHandleClass, &kPipeClass, &kTcpClass,
                                           &kTtyClass};
constexpr NativeFunction kFunctions[] = {
    {"uvErrorName", UvErrorName, 1},
    {"guessHandleType", GuessHandleTypeNative, 1},
    {"isIP", IsIp, 1},
    {"userCallSite", UserCallSiteNative, 0},
};

}  // namespace

StreamHandle* UnwrapStreamHandle(v8::Isolate* isolate, v8::Local<v8::Value> value) {
  if (value.IsEmpty() || !value->IsObject()) return nullptr;
  v8::Local<v8::Object> object = value.As<v8::Object>();
  if (object->InternalFieldCount() != 1) return nullptr;
  IsolateData* data = IsolateData::From(isolate);
  if (data == nullptr) return nullptr;
  const NativeStateRegistry::Entry* entry =
      data->native_states().Find(object->GetAlignedPointerFromInternalField(0));
  if (entry == nullptr) return nullptr;
  for (const NativeClass* cls : kClasses) {
    if (entry->cls == cls) return static_cast<StreamHandle*>(entry->state.get());
  }
  return nullptr;
}

const char* GuessHandleType(int fd) {
  if (fd < 0) return "INVALID";
  switch (uv_guess_handle(fd)) {
    case UV_TTY:
      return "TTY";
    case UV_NAMED_PIPE:
      return "PIPE";
    case UV_TCP:
      return "TCP";
    case UV_UDP:
      return "UDP";
    case UV_FILE:
      return "FILE";
    default:
      return "UNKNOWN";
  }
}

absl::Span<const NativeClass* const> StreamHandleClasses() { return kClasses; }
absl::Span<const NativeFunction> StreamHandleFunctions() { return kFunctions; }

}  // namespace toysnap::node
