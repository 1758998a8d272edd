// fs.watch's and fs.watchFile's handles: FSEvent (uv_fs_event_t, inotify) and
// StatWatcher (uv_fs_poll_t, periodic stat), the lazy classes of the fs
// extension (natives.loadWatchClasses()), made the first time a program
// watches a file. runtime/js/fs_watchers.js builds FSWatcher and the
// StatWatcher EventEmitter on them.
//
// JS API: new FSEvent() / new StatWatcher(bigint)
//   start(path, persistent, recursive|interval, onchange[, resourceKind])
//     -> 0 or a negative libuv error; the path passes the fs-read permission
//     check (throws); persistent unless `true` (as Node's); resourceKind names
//     the loop resource (null: none, for the inner handles of a recursive
//     watcher, whose root handle stands for them all).
//     FSEvent:     onchange(status, eventType 'rename'|'change', filename)
//     StatWatcher: onchange(status, currentStats, previousStats) (stat arrays)
//   close()  ref()  unref()  hasRef()
// Lifetime as stream_handle.h's: a started handle keeps its object alive and
// is a loop resource (a snapshot build that ends with one open fails naming
// where it was made); a handle restored from a snapshot is closed.
#include <uv.h>

#include <cstring>
#include <memory>
#include <string>

#include "runtime/async_context.h"
#include "runtime/event_loop.h"
#include "runtime/isolate_data.h"
#include "runtime/js_error.h"
#include "runtime/native_util.h"
#include "runtime/node/fs_internal.h"
#include "runtime/v8_strings.h"
#include "v8-function.h"
#include "v8-primitive.h"

namespace toysnap::node {
namespace {

using Info = v8::FunctionCallbackInfo<v8::Value>;

enum class WatchKind : uint8_t { kEvent, kPoll };

class WatchHandle final : public NativeState {
 public:
  WatchHandle(v8::Isolate* isolate, WatchKind kind, bool bigint)
      : isolate_(isolate), kind_(kind), bigint_(bigint) {
    std::memset(&handle_, 0, sizeof(handle_));
  }
  std::string Serialize() const override { return std::string(1, static_cast<char>(kind_)); }

  // Starts watching `disk` (the path on the disk; `shown` names it to JS).
  // `kind` names the loop resource it is; empty: not one of its own (one of
  // a recursive watcher's, which its root's handle stands for).
  int Start(v8::Local<v8::Object> self, const std::string& disk, bool persistent, int option,
            v8::Local<v8::Function> onchange, const std::string& kind, const std::string& where) {
    EventLoop* loop = Loop();
    if (loop == nullptr) return UV_EINVAL;
    if (live_) return UV_EALREADY;
    int error = kind_ == WatchKind::kEvent ? uv_fs_event_init(loop->uv_loop(), &handle_.event)
                                           : uv_fs_poll_init(loop->uv_loop(), &handle_.poll);
    if (error != 0) return error;
    handle_.handle.data = this;
    live_ = true;  // initialized: from here only uv_close ends it
    // This state lives until OnClose, a failed start's included: libuv holds
    // the handle until then.
    self_.Reset(isolate_, self);
    error = kind_ == WatchKind::kEvent
                ? uv_fs_event_start(&handle_.event, OnEvent, disk.c_str(),
                                    option != 0 ? UV_FS_EVENT_RECURSIVE : 0)
                : uv_fs_poll_start(&handle_.poll, OnPoll, disk.c_str(), option);
    if (error != 0) {
      Close();
      return error;
    }
    if (!persistent) uv_unref(&handle_.handle);
    onchange_.Reset(isolate_, onchange);
    if (!kind.empty()) resource_id_ = loop->TrackResource(kind, where);
    return 0;
  }

  void Close() {
    if (!live_ || closing_) return;
    closing_ = true;
    uv_close(&handle_.handle, OnClose);
  }
  void Ref(bool ref) {
    if (!live_ || closing_) return;
    if (ref) {
      uv_ref(&handle_.handle);
    } else {
      uv_unref(&handle_.handle);
    }
  }
  bool HasRef() const { return live_ && !closing_ && uv_has_ref(&handle_.handle) != 0; }

 private:
  EventLoop* Loop() const {
    IsolateData* data = isolate_ != nullptr ? IsolateData::From(isolate_) : nullptr;
    return data != nullptr ? data->loop : nullptr;
  }

  template <typename MakeArgs>
  void Deliver(MakeArgs make_args) {
    EventLoop* loop = Loop();
    if (loop == nullptr || onchange_.IsEmpty() || closing_) return;
    loop->RunCallback([&](v8::Local<v8::Context> context) -> absl::Status {
      v8::TryCatch try_catch(isolate_);
      v8::Local<v8::Value> args[3];
      make_args(context, args);
      v8::Local<v8::Value> ignored;
      if (!onchange_.Call(context, v8::Undefined(isolate_), 3, args).ToLocal(&ignored)) {
        return TryCatchToStatus(isolate_, context, try_catch);
      }
      return absl::OkStatus();
    });
  }

  static void OnEvent(uv_fs_event_t* handle, const char* filename, int events, int status) {
    auto* self = static_cast<WatchHandle*>(handle->data);
    // One callback per event, as Node makes: libuv sets both kinds for, say,
    // a subdirectory's IN_ATTRIB, and Node reports that as a rename alone.
    self->Deliver([&](v8::Local<v8::Context> context, v8::Local<v8::Value>* args) {
      v8::Isolate* isolate = context->GetIsolate();
      args[0] = v8::Integer::New(isolate, status);
      args[1] = (events & UV_RENAME) != 0 || status != 0
                    ? v8::String::NewFromUtf8Literal(isolate, "rename")
                    : v8::String::NewFromUtf8Literal(isolate, "change");
      v8::Local<v8::String> name;
      args[2] = filename != nullptr && NewString(isolate, filename).ToLocal(&name)
                    ? name.As<v8::Value>()
                    : v8::Null(isolate).As<v8::Value>();
    });
  }

  static void OnPoll(uv_fs_poll_t* handle, int status, const uv_stat_t* previous,
                     const uv_stat_t* current) {
    auto* self = static_cast<WatchHandle*>(handle->data);
    self->Deliver([&](v8::Local<v8::Context> context, v8::Local<v8::Value>* args) {
      v8::Isolate* isolate = context->GetIsolate();
      args[0] = v8::Integer::New(isolate, status);
      args[1] = StatsValue(isolate, *current, self->bigint_);
      args[2] = StatsValue(isolate, *previous, self->bigint_);
    });
  }

  static void OnClose(uv_handle_t* handle) {
    auto* self = static_cast<WatchHandle*>(handle->data);
    self->live_ = false;
    EventLoop* loop = self->Loop();
    if (loop != nullptr && self->resource_id_ >= 0) loop->UntrackResource(self->resource_id_);
    self->onchange_.Reset();
    self->self_.Reset();  // last: the object, and this state with it, may now go
  }

  v8::Isolate* isolate_;
  WatchKind kind_;
  bool bigint_;
  union {
    uv_handle_t handle;
    uv_fs_event_t event;
    uv_fs_poll_t poll;
  } handle_;
  bool live_ = false;
  bool closing_ = false;
  int resource_id_ = -1;
  v8::Global<v8::Object> self_;  // strong while libuv holds the handle
  AsyncCallback onchange_;
};

extern const NativeClass kFsEventClass;
extern const NativeClass kStatWatcherClass;

template <const NativeClass& kClass, WatchKind kKind>
void Construct(const Info& info) {
  v8::Isolate* isolate = info.GetIsolate();
  if (!info.IsConstructCall()) {
    return ThrowError(isolate, ErrorKind::kTypeError, "Illegal constructor");
  }
  bool bigint = info.Length() > 0 && info[0]->IsTrue();
  WrapNativeState(info.This(), kClass, std::make_unique<WatchHandle>(isolate, kKind, bigint));
}

template <const NativeClass& kClass>
WatchHandle* SelfOf(const Info& info) {
  return UnwrapNativeState<WatchHandle>(info, kClass);
}

// start(path, persistent, recursive | interval, onchange[, resourceKind])
template <const NativeClass& kClass, WatchKind kKind>
void Start(const Info& info) {
  WatchHandle* self = SelfOf<kClass>(info);
  if (self == nullptr) return;
  v8::Isolate* isolate = info.GetIsolate();
  FsPath path;
  if (!GetPath(isolate, info[0], "filename", Capability::kFsRead, &path)) return;
  if (!info[3]->IsFunction()) {
    return ThrowInvalidArgType(isolate, "onchange", "of type function", info[3]);
  }
  // FSEvent: recursive only if `true`, as Node's; StatWatcher: the interval.
  int option = info[2]->IsTrue() ? 1 : 0;
  if (kKind == WatchKind::kPoll && info[2]->IsNumber()) {
    double value = info[2].As<v8::Number>()->Value();
    option = value >= 1 && value <= 2147483647 ? static_cast<int>(value) : 1;
  }
  std::string kind = kKind == WatchKind::kEvent ? "fs.FSWatcher (fs.watch)"
                                                : "fs.StatWatcher (fs.watchFile)";
  if (info[4]->IsString()) {
    v8::String::Utf8Value text(isolate, info[4]);
    kind.assign(*text != nullptr ? *text : "", text.length());
  } else if (info[4]->IsNull()) {
    kind.clear();
  }
  info.GetReturnValue().Set(self->Start(info.This(), path.disk, info[1]->IsTrue(), option,
                                        info[3].As<v8::Function>(), kind,
                                        UserCallSite(isolate)));
}

template <const NativeClass& kClass>
void Close(const Info& info) {
  if (WatchHandle* self = SelfOf<kClass>(info)) self->Close();
}
template <const NativeClass& kClass>
void Ref(const Info& info) {
  if (WatchHandle* self = SelfOf<kClass>(info)) self->Ref(true);
}
template <const NativeClass& kClass>
void Unref(const Info& info) {
  if (WatchHandle* self = SelfOf<kClass>(info)) self->Ref(false);
}
template <const NativeClass& kClass>
void HasRef(const Info& info) {
  if (WatchHandle* self = SelfOf<kClass>(info)) info.GetReturnValue().Set(self->HasRef());
}

template <WatchKind kKind>
absl::StatusOr<std::unique_ptr<NativeState>> RestoreClosed(absl::string_view) {
  return std::make_unique<WatchHandle>(nullptr, kKind, false);
}

template <const NativeClass& kClass, WatchKind kKind>
constexpr NativeMethod kMethods[] = {
    {"start", Start<kClass, kKind>, 4}, {"close", Close<kClass>, 0}, {"ref", Ref<kClass>, 0},
    {"unref", Unref<kClass>, 0},        {"hasRef", HasRef<kClass>, 0},
};

const NativeClass kFsEventClass = {
    "FSEvent",
    Construct<kFsEventClass, WatchKind::kEvent>,
    0,
    kMethods<kFsEventClass, WatchKind::kEvent>,
    {},
    RestoreClosed<WatchKind::kEvent>,
    1,
};
const NativeClass kStatWatcherClass = {
    "StatWatcher",
    Construct<kStatWatcherClass, WatchKind::kPoll>,
    1,
    kMethods<kStatWatcherClass, WatchKind::kPoll>,
    {},
    RestoreClosed<WatchKind::kPoll>,
    1,
};
constexpr const NativeClass* kClasses[] = {&kFsEventClass, &kStatWatcherClass};

// loadWatchClasses() -> {FSEvent, StatWatcher}, made on first use.
void LoadWatchClasses(const Info& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Object> classes = v8::Object::New(isolate);
  absl::Status installed = InstallNativeClasses(isolate->GetCurrentContext(), classes, kClasses);
  if (!installed.ok()) return ThrowError(isolate, ErrorKind::kError, installed.message());
  info.GetReturnValue().Set(classes);
}

}  // namespace

absl::Span<const NativeClass* const> FsWatchClasses() { return kClasses; }

absl::Span<const NativeFunction> FsWatchFunctions() {
  static constexpr NativeFunction kFunctions[] = {{"loadWatchClasses", LoadWatchClasses, 0}};
  return kFunctions;
}

}  // namespace toysnap::node
