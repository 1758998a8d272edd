// The worker_threads extension's natives: MessagePort objects and their
// messages, starting and stopping Workers, and what a worker's runtime learns
// of its parent (worker.h).
#include "runtime/node/worker.h"

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "runtime/binding.h"
#include "runtime/event_loop.h"
#include "runtime/isolate_data.h"
#include "runtime/js_error.h"
#include "runtime/native_util.h"
#include "runtime/natives.h"
#include "runtime/node/worker_clone.h"
#include "runtime/node/worker_port.h"
#include "runtime/node/worker_thread.h"
#include "runtime/permission_check.h"
#include "runtime/v8_strings.h"
#include "v8-container.h"
#include "v8-exception.h"
#include "v8-function.h"
#include "v8-object.h"
#include "v8-primitive.h"

namespace toysnap::node {
namespace {

// A runtime's worker_threads state. In a worker's runtime it holds the link
// to the parent, and the last exception that became a Status (the error
// the parent's 'error' event gets); both go before the isolate does.
class WorkerState final : public ExtensionState {
 public:
  bool constructing = false;  // a native is making a MessagePort
  std::shared_ptr<WorkerLink> link;
  bool info_taken = false;
  v8::Global<v8::Value> last_error;
  v8::Global<v8::Function> describe_error;
  // Shared with the parent's, in a worker; made on first use otherwise.
  std::shared_ptr<BroadcastHub> hub;
  std::shared_ptr<BroadcastHub> Hub() {
    if (hub == nullptr) hub = std::make_shared<BroadcastHub>();
    return hub;
  }
};

WorkerState* StateOf(v8::Isolate* isolate) {
  IsolateData* data = IsolateData::From(isolate);
  return data == nullptr ? nullptr : static_cast<WorkerState*>(data->StateOf(WorkerExtension()));
}

EventLoop* LoopOf(v8::Isolate* isolate) {
  IsolateData* data = IsolateData::From(isolate);
  return data == nullptr ? nullptr : data->loop;
}

v8::MaybeLocal<v8::String> Key(v8::Isolate* isolate, const char* name) {
  return v8::String::NewFromUtf8(isolate, name, v8::NewStringType::kInternalized);
}

bool Set(v8::Local<v8::Context> context, v8::Local<v8::Object> object, const char* name,
         v8::Local<v8::Value> value) {
  v8::Local<v8::String> key;
  return Key(context->GetIsolate(), name).ToLocal(&key) &&
         object->CreateDataProperty(context, key, value).FromMaybe(false);
}

v8::MaybeLocal<v8::Value> Get(v8::Local<v8::Context> context, v8::Local<v8::Object> object,
                              const char* name) {
  v8::Local<v8::String> key;
  if (!Key(context->GetIsolate(), name).ToLocal(&key)) return {};
  return object->Get(context, key);
}

std::string ToUtf8(v8::Isolate* isolate, v8::Local<v8::Value> value) {
  v8::String::Utf8Value text(isolate, value);
  return *text == nullptr ? std::string() : std::string(*text, text.length());
}

v8::Local<v8::Value> Text(v8::Isolate* isolate, absl::string_view text) {
  v8::Local<v8::String> string;
  if (!NewString(isolate, text).ToLocal(&string)) return v8::String::Empty(isolate);
  return string;
}

// ---- MessagePort objects -------------------------------------------------

void ConstructPort(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  WorkerState* state = StateOf(isolate);
  if (!info.IsConstructCall() || state == nullptr || !state->constructing) {
    return ThrowError(isolate, ErrorKind::kTypeError, "Constructor cannot be called",
                      "ERR_CONSTRUCT_CALL_INVALID");
  }
  WrapNativeState(info.This(), MessagePortClass(), std::make_unique<PortState>());
}

absl::StatusOr<std::unique_ptr<NativeState>> RestorePort(absl::string_view) {
  return std::unique_ptr<NativeState>(std::make_unique<PortState>());
}

// A new MessagePort object (from `ctor`, the class) listening on `core`.
v8::MaybeLocal<v8::Object> NewPort(v8::Local<v8::Context> context, v8::Local<v8::Function> ctor,
                                   std::shared_ptr<PortCore> core, v8::Local<v8::Function> dispatch,
                                   const char* kind, const std::string& where) {
  v8::Isolate* isolate = context->GetIsolate();
  WorkerState* state = StateOf(isolate);
  if (state == nullptr) return {};
  state->constructing = true;
  v8::MaybeLocal<v8::Object> made = ctor->NewInstance(context);
  state->constructing = false;
  v8::Local<v8::Object> port;
  if (!made.ToLocal(&port)) return {};
  PortState* native = NativeStateOf<PortState>(port, MessagePortClass());
  if (native == nullptr ||
      !native->Open(isolate, port, std::move(core), dispatch, kind, where)) {
    ThrowError(isolate, ErrorKind::kError, "a MessagePort needs the runtime's event loop");
    return {};
  }
  return port;
}

PortState* PortArg(v8::Isolate* isolate, v8::Local<v8::Value> value) {
  PortState* port = NativeStateOf<PortState>(value, MessagePortClass());
  if (port == nullptr) ThrowError(isolate, ErrorKind::kTypeError, "Illegal invocation");
  return port;
}

// portPair(MessagePort, dispatch) -> [port1, port2]: a MessageChannel.
v8::MaybeLocal<v8::Value> PortPair(NativeCall& call, v8::Local<v8::Function> ctor,
                                   v8::Local<v8::Function> dispatch) {
  auto [a, b] = PortCore::NewPair();
  std::string where = UserCallSite(call.isolate);
  v8::Local<v8::Object> port1, port2;
  if (!NewPort(call.context, ctor, a, dispatch, "MessagePort", where).ToLocal(&port1) ||
      !NewPort(call.context, ctor, b, dispatch, "MessagePort", where).ToLocal(&port2)) {
    return {};
  }
  v8::Local<v8::Value> ports[] = {port1, port2};
  return v8::Array::New(call.isolate, ports, 2);
}
constexpr const char* kPortPairArgs[] = {"MessagePort", "dispatch"};

// portPost(port, value, transferList, makeDOMException): postMessage. A
// closed port drops the message, as the web's does.
void PortPost(NativeCall& call, v8::Local<v8::Value> port, v8::Local<v8::Value> value,
              v8::Local<v8::Value> transfer, v8::Local<v8::Value> make_error) {
  PortState* state = PortArg(call.isolate, port);
  if (state == nullptr) return;
  Message message;
  if (!SerializeMessage(call.context, value, transfer, port.As<v8::Object>(), make_error,
                        &message)) {
    return;
  }
  if (state->open()) state->core()->PostToPeer(std::move(message));
}
constexpr const char* kPortPostArgs[] = {"port", "value", "transferList", "makeDOMException"};

void PortStart(NativeCall& call, v8::Local<v8::Value> port, bool started) {
  if (PortState* state = PortArg(call.isolate, port)) state->set_started(started);
}
constexpr const char* kPortStartArgs[] = {"port", "started"};

void PortRef(NativeCall& call, v8::Local<v8::Value> port, bool ref) {
  if (PortState* state = PortArg(call.isolate, port)) state->SetRef(ref);
}
constexpr const char* kPortRefArgs[] = {"port", "ref"};

// undefined for a closed port, as Node's hasRef() on a closed handle.
std::optional<bool> PortHasRef(NativeCall& call, v8::Local<v8::Value> port) {
  PortState* state = PortArg(call.isolate, port);
  if (state == nullptr || !state->open()) return std::nullopt;
  return state->refed();
}
constexpr const char* kPortArgs[] = {"port"};

void PortClose(NativeCall& call, v8::Local<v8::Value> port) {
  if (PortState* state = PortArg(call.isolate, port)) state->Close();
}

bool PortIsOpen(NativeCall& call, v8::Local<v8::Value> port) {
  PortState* state = NativeStateOf<PortState>(port, MessagePortClass());
  return state != nullptr && state->open();
}

// The value part of a message taken from an inbox, by its kind.
v8::MaybeLocal<v8::Value> MessageValue(NativeCall& call, Message& message,
                                       v8::Local<v8::Function> ctor,
                                       v8::Local<v8::Function> dispatch) {
  PortMaker make_port = [&](std::shared_ptr<PortCore> core) {
    return NewPort(call.context, ctor, std::move(core), dispatch, "MessagePort", "");
  };
  switch (message.kind) {
    case Message::Kind::kUser:
      return DeserializeMessage(call.context, message, make_port);
    case Message::Kind::kOnline:
      return v8::Undefined(call.isolate);
    case Message::Kind::kExit:
      return v8::Integer::New(call.isolate, message.detail);
    case Message::Kind::kError:
      if (message.detail == kSerializedError) {
        return DeserializeMessage(call.context, message, make_port);
      }
      if (message.detail == kErrorText) {
        return Text(call.isolate, absl::string_view(reinterpret_cast<const char*>(
                                                        message.data.data()),
                                                    message.data.size()));
      }
      return v8::Undefined(call.isolate);
  }
  return v8::Undefined(call.isolate);
}

// portReceive(port, MessagePort, dispatch) -> undefined when the inbox is
// empty, else [kind, value, detail]: kind "message", or "messageerror" (value:
// why it could not be read), and for a Worker's port "online", "error" and
// "exit" (after which the worker's thread is joined).
v8::MaybeLocal<v8::Value> PortReceive(NativeCall& call, v8::Local<v8::Value> port,
                                      v8::Local<v8::Function> ctor,
                                      v8::Local<v8::Function> dispatch) {
  PortState* state = PortArg(call.isolate, port);
  if (state == nullptr) return {};
  if (!state->open()) return v8::Undefined(call.isolate);
  std::optional<Message> message = state->core()->Take();
  if (!message) return v8::Undefined(call.isolate);
  static constexpr const char* kKinds[] = {"message", "online", "error", "exit"};
  const char* kind = kKinds[static_cast<int>(message->kind)];
  if (message->kind == Message::Kind::kExit && state->worker != nullptr) state->worker->Join();
  v8::Local<v8::Value> value;
  {
    v8::TryCatch try_catch(call.isolate);
    if (!MessageValue(call, *message, ctor, dispatch).ToLocal(&value)) {
      if (try_catch.HasTerminated() || !try_catch.HasCaught()) {
        try_catch.ReThrow();
        return {};
      }
      kind = "messageerror";
      value = try_catch.Exception();
    }
  }
  v8::Local<v8::String> kind_name;
  if (!Key(call.isolate, kind).ToLocal(&kind_name)) return {};
  v8::Local<v8::Value> items[] = {kind_name, value,
                                  v8::Integer::New(call.isolate, message->detail)};
  return v8::Array::New(call.isolate, items, 3);
}
constexpr const char* kPortReceiveArgs[] = {"port", "MessagePort", "dispatch"};

// ---- BroadcastChannel -----------------------------------------------------

// broadcastOpen(MessagePort, dispatch, name) -> the channel's port: it
// receives what other channels of that name post, in this runtime or any
// worker of its family.
v8::MaybeLocal<v8::Value> BroadcastOpen(NativeCall& call, v8::Local<v8::Function> ctor,
                                        v8::Local<v8::Function> dispatch, std::string name) {
  WorkerState* state = StateOf(call.isolate);
  if (state == nullptr) return {};
  std::shared_ptr<PortCore> core = PortCore::NewLone();
  v8::Local<v8::Object> port;
  if (!NewPort(call.context, ctor, core, dispatch, "BroadcastChannel", UserCallSite(call.isolate))
           .ToLocal(&port)) {
    return {};
  }
  state->Hub()->Join(name, core);
  PortState* native = NativeStateOf<PortState>(port, MessagePortClass());
  native->SetRef(true);
  native->set_started(true);
  return port;
}
constexpr const char* kBroadcastOpenArgs[] = {"MessagePort", "dispatch", "name"};

// broadcastPost(port, name, value, makeDOMException): a copy to every other
// open channel of the name.
void BroadcastPost(NativeCall& call, v8::Local<v8::Value> port, std::string name,
                   v8::Local<v8::Value> value, v8::Local<v8::Value> make_error) {
  PortState* native = PortArg(call.isolate, port);
  WorkerState* state = StateOf(call.isolate);
  if (native == nullptr || state == nullptr || !native->open()) return;
  Message message;
  if (!SerializeMessage(call.context, value, {}, {}, make_error, &message)) return;
  state->Hub()->Post(name, native->core(), message);
}
constexpr const char* kBroadcastPostArgs[] = {"port", "name", "value", "makeDOMException"};

void BroadcastClose(NativeCall& call, v8::Local<v8::Value> port) {
  PortState* native = PortArg(call.isolate, port);
  WorkerState* state = StateOf(call.isolate);
  if (native == nullptr || state == nullptr || !native->open()) return;
  state->Hub()->Leave(native->core());
  native->Close();
}

// ---- the parent's side of a Worker ---------------------------------------

bool ReadString(v8::Local<v8::Context> context, v8::Local<v8::Object> spec, const char* name,
                std::string* out) {
  v8::Local<v8::Value> value;
  if (!Get(context, spec, name).ToLocal(&value)) return false;
  if (value->IsString()) *out = ToUtf8(context->GetIsolate(), value);
  return true;
}

bool ReadEnv(v8::Local<v8::Context> context, v8::Local<v8::Value> env,
             std::map<std::string, std::string>* out) {
  if (!env->IsObject()) return true;
  v8::Local<v8::Array> names;
  if (!env.As<v8::Object>()->GetOwnPropertyNames(context).ToLocal(&names)) return false;
  for (uint32_t i = 0; i < names->Length(); ++i) {
    v8::Local<v8::Value> name, value;
    if (!names->Get(context, i).ToLocal(&name) ||
        !env.As<v8::Object>()->Get(context, name).ToLocal(&value)) {
      return false;
    }
    v8::Local<v8::String> text;
    if (!value->ToString(context).ToLocal(&text)) return false;
    (*out)[ToUtf8(context->GetIsolate(), name)] = ToUtf8(context->GetIsolate(), text);
  }
  return true;
}

bool ReadStrings(v8::Local<v8::Context> context, v8::Local<v8::Value> list,
                 std::vector<std::string>* out) {
  if (!list->IsArray()) return true;
  v8::Local<v8::Array> array = list.As<v8::Array>();
  for (uint32_t i = 0; i < array->Length(); ++i) {
    v8::Local<v8::Value> item;
    if (!array->Get(context, i).ToLocal(&item)) return false;
    out->push_back(ToUtf8(context->GetIsolate(), item));
  }
  return true;
}

SiblingOptions WorkerSiblingOptions(std::shared_ptr<WorkerLink> link,
                                    std::map<std::string, std::string> env);

// workerStart(MessagePort, dispatch, spec) -> [port, threadId]: a new Worker.
// `spec` is worker_threads_worker.js's: eval, url, path, source, argv, env,
// name, limits, workerData, transferList, environmentData, makeDOMException.
v8::MaybeLocal<v8::Value> WorkerStart(NativeCall& call, v8::Local<v8::Function> ctor,
                                      v8::Local<v8::Function> dispatch,
                                      v8::Local<v8::Object> spec) {
  v8::Isolate* isolate = call.isolate;
  v8::Local<v8::Context> context = call.context;
  if (!CheckAccess(isolate, Capability::kWorker)) return {};
  NativeHost* host = NativeHost::From(isolate);
  if (host == nullptr || LoopOf(isolate) == nullptr) {
    ThrowError(isolate, ErrorKind::kError, "this runtime cannot start workers");
    return {};
  }
  auto link = std::make_shared<WorkerLink>();
  v8::Local<v8::Value> eval, argv, env, limits, data, transfer, environment, make_error;
  if (!Get(context, spec, "eval").ToLocal(&eval) || !Get(context, spec, "argv").ToLocal(&argv) ||
      !Get(context, spec, "env").ToLocal(&env) || !Get(context, spec, "limits").ToLocal(&limits) ||
      !Get(context, spec, "workerData").ToLocal(&data) ||
      !Get(context, spec, "transferList").ToLocal(&transfer) ||
      !Get(context, spec, "environmentData").ToLocal(&environment) ||
      !Get(context, spec, "makeDOMException").ToLocal(&make_error) ||
      !ReadString(context, spec, "url", &link->url) ||
      !ReadString(context, spec, "path", &link->path) ||
      !ReadString(context, spec, "source", &link->source) ||
      !ReadString(context, spec, "name", &link->name) ||
      !ReadStrings(context, argv, &link->argv)) {
    return {};
  }
  link->eval = eval->BooleanValue(isolate);
  if (limits->IsArray()) {
    for (uint32_t i = 0; i < 4 && i < limits.As<v8::Array>()->Length(); ++i) {
      v8::Local<v8::Value> limit;
      if (!limits.As<v8::Array>()->Get(context, i).ToLocal(&limit)) return {};
      if (limit->IsNumber()) link->limits[i] = limit.As<v8::Number>()->Value();
    }
  }
  std::map<std::string, std::string> env_map;
  if (!ReadEnv(context, env, &env_map)) return {};
  if (!SerializeMessage(context, data, transfer, {}, make_error, &link->worker_data) ||
      !SerializeMessage(context, environment, {}, {}, make_error, &link->environment_data)) {
    return {};
  }
  auto [parent_side, child_side] = PortCore::NewPair();
  link->hub = StateOf(isolate)->Hub();
  link->parent_side = parent_side;
  link->child_side = child_side;
  absl::StatusOr<std::unique_ptr<SiblingRuntime>> sibling =
      host->NewSibling(WorkerSiblingOptions(link, std::move(env_map)));
  if (!sibling.ok()) {
    ThrowError(isolate, ErrorKind::kError, sibling.status().message());
    return {};
  }
  link->thread_id = (*sibling)->thread_id();
  v8::Local<v8::Object> port;
  if (!NewPort(context, ctor, parent_side, dispatch, "Worker", UserCallSite(isolate))
           .ToLocal(&port)) {
    return {};
  }
  PortState* state = NativeStateOf<PortState>(port, MessagePortClass());
  state->worker = std::make_unique<WorkerRun>(link, *std::move(sibling));
  state->SetRef(true);
  state->set_started(true);
  state->worker->Start();
  v8::Local<v8::Value> items[] = {port, v8::Integer::New(isolate, link->thread_id)};
  return v8::Array::New(isolate, items, 2);
}
constexpr const char* kWorkerStartArgs[] = {"MessagePort", "dispatch", "spec"};

// workerStop(port): worker.terminate().
void WorkerStop(NativeCall& call, v8::Local<v8::Value> port) {
  PortState* state = PortArg(call.isolate, port);
  if (state != nullptr && state->worker != nullptr) state->worker->RequestStop();
}

// ---- the worker's side ----------------------------------------------------

void OnStop(uv_async_t* stop) {
  EventLoop* loop = static_cast<EventLoop*>(stop->data);
  loop->RunCallback([](v8::Local<v8::Context>) -> absl::Status {
    return absl::CancelledError("the worker was terminated");
  });
}

// In the worker's runtime, before its JS runs: the link, the exception
// keeper, and the wake-up that RequestStop() sends, cut off before the loop
// (and then the isolate) goes.
void AttachWorker(v8::Isolate* isolate, const std::shared_ptr<WorkerLink>& link) {
  IsolateData* data = IsolateData::From(isolate);
  WorkerState* state = StateOf(isolate);
  EventLoop* loop = LoopOf(isolate);
  if (data == nullptr || state == nullptr || loop == nullptr) return;
  state->link = link;
  state->hub = link->hub;
  data->on_js_error = [isolate, state](v8::Local<v8::Value> error) {
    state->last_error.Reset(isolate, error);
  };
  auto* stop = new uv_async_t();
  uv_async_init(loop->uv_loop(), stop, OnStop);
  stop->data = loop;
  uv_unref(reinterpret_cast<uv_handle_t*>(stop));
  loop->AddTeardownHook([link, stop, state, data] {
    link->DetachRuntime();
    data->on_js_error = nullptr;
    state->last_error.Reset();
    state->describe_error.Reset();
    uv_close(reinterpret_cast<uv_handle_t*>(stop),
             [](uv_handle_t* handle) { delete reinterpret_cast<uv_async_t*>(handle); });
  });
  if (!link->Attach(isolate, stop)) return;  // terminated before it started: never online
  Message online;
  online.kind = Message::Kind::kOnline;
  link->parent_side->Deliver(std::move(online));
}

// Tells the parent why the worker's program failed, with the error itself
// when JS can still describe it.
void ReportEnd(v8::Local<v8::Context> context, const absl::Status& status,
               const std::shared_ptr<WorkerLink>& link) {
  if (status.ok() || link->stop_requested()) return;
  v8::Isolate* isolate = context->GetIsolate();
  WorkerState* state = StateOf(isolate);
  Message error;
  error.kind = Message::Kind::kError;
  if (absl::IsResourceExhausted(status)) {
    error.detail = kOutOfMemory;
  } else if (GetJsErrorInfo(status) && state != nullptr && !state->last_error.IsEmpty() &&
             !state->describe_error.IsEmpty() && !isolate->IsExecutionTerminating()) {
    v8::TryCatch try_catch(isolate);
    v8::Local<v8::Value> args[] = {state->last_error.Get(isolate)};
    v8::Local<v8::Value> described;
    bool ok = state->describe_error.Get(isolate)
                  ->Call(context, v8::Undefined(isolate), 1, args)
                  .ToLocal(&described) &&
              SerializeMessage(context, described, {}, {}, v8::Undefined(isolate), &error);
    error.detail = ok ? kSerializedError : kUnserializable;
  } else {
    error.detail = kErrorText;
    error.data.assign(status.message().begin(), status.message().end());
  }
  link->error_sent = true;
  link->parent_side->Deliver(std::move(error));
}

SiblingOptions WorkerSiblingOptions(std::shared_ptr<WorkerLink> link,
                                    std::map<std::string, std::string> env) {
  SiblingOptions options;
  options.env = std::move(env);
  if (link->limits[1] > 0) options.max_heap_mb = static_cast<size_t>(std::max(link->limits[1], 2.0));
  if (!link->eval) {
    options.entry_url = link->url;
    options.entry_path = link->path;
  }
  options.start_hook = "startWorker";
  options.on_created = [link](v8::Isolate* isolate) { AttachWorker(isolate, link); };
  options.on_ended = [link](v8::Local<v8::Context> context, const absl::Status& status) {
    ReportEnd(context, status, link);
  };
  return options;
}

// workerInfo(MessagePort, dispatch, describeError) -> undefined in the main
// thread, and after the first call; in a worker: threadId, name, eval, url, path, source, argv,
// limits, workerData, environmentData and parentPort.
v8::MaybeLocal<v8::Value> WorkerInfo(NativeCall& call, v8::Local<v8::Function> ctor,
                                     v8::Local<v8::Function> dispatch,
                                     v8::Local<v8::Function> describe_error) {
  v8::Isolate* isolate = call.isolate;
  v8::Local<v8::Context> context = call.context;
  WorkerState* state = StateOf(isolate);
  if (state == nullptr || state->link == nullptr) return v8::Undefined(isolate);
  if (state->info_taken) return v8::Undefined(isolate);
  state->info_taken = true;
  state->describe_error.Reset(isolate, describe_error);
  WorkerLink& link = *state->link;
  PortMaker make_port = [&](std::shared_ptr<PortCore> core) {
    return NewPort(context, ctor, std::move(core), dispatch, "MessagePort", "");
  };
  v8::Local<v8::Object> info = v8::Object::New(isolate);
  v8::Local<v8::Value> data, environment;
  v8::Local<v8::Object> parent_port;
  if (!DeserializeMessage(context, link.worker_data, make_port).ToLocal(&data) ||
      !DeserializeMessage(context, link.environment_data, make_port).ToLocal(&environment) ||
      !NewPort(context, ctor, link.child_side, dispatch, "MessagePort", "").ToLocal(&parent_port)) {
    return {};
  }
  v8::Local<v8::Array> argv = v8::Array::New(isolate, static_cast<int>(link.argv.size()));
  for (size_t i = 0; i < link.argv.size(); ++i) {
    if (argv->Set(context, static_cast<uint32_t>(i), Text(isolate, link.argv[i])).IsNothing()) {
      return {};
    }
  }
  v8::Local<v8::Array> limits = v8::Array::New(isolate, 4);
  for (uint32_t i = 0; i < 4; ++i) {
    if (limits->Set(context, i, v8::Number::New(isolate, link.limits[i])).IsNothing()) return {};
  }
  if (!Set(context, info, "threadId", v8::Integer::New(isolate, link.thread_id)) ||
      !Set(context, info, "name", Text(isolate, link.name)) ||
      !Set(context, info, "eval", v8::Boolean::New(isolate, link.eval)) ||
      !Set(context, info, "url", Text(isolate, link.url)) ||
      !Set(context, info, "path", Text(isolate, link.path)) ||
      !Set(context, info, "source", Text(isolate, link.source)) ||
      !Set(context, info, "argv", argv) || !Set(context, info, "limits", limits) ||
      !Set(context, info, "workerData", data) ||
      !Set(context, info, "environmentData", environment) ||
      !Set(context, info, "parentPort", parent_port)) {
    return {};
  }
  return info;
}
constexpr const char* kWorkerInfoArgs[] = {"MessagePort", "dispatch", "describeError"};

}  // namespace

const NativeClass& MessagePortClass() {
  static const NativeClass kClass{"MessagePort", ConstructPort, 0, {}, {}, RestorePort, 1};
  return kClass;
}

const Extension& WorkerExtension() {
  static constexpr NativeFunction kFunctions[] = {
      {"portPair", Bind<PortPair, kPortPairArgs>, 2},
      {"portPost", Bind<PortPost, kPortPostArgs>, 4},
      {"portStart", Bind<PortStart, kPortStartArgs>, 2},
      {"portRef", Bind<PortRef, kPortRefArgs>, 2},
      {"portHasRef", Bind<PortHasRef, kPortArgs>, 1},
      {"portClose", Bind<PortClose, kPortArgs>, 1},
      {"portIsOpen", Bind<PortIsOpen, kPortArgs>, 1},
      {"portReceive", Bind<PortReceive, kPortReceiveArgs>, 3},
      {"workerStart", Bind<WorkerStart, kWorkerStartArgs>, 3},
      {"workerStop", Bind<WorkerStop, kPortArgs>, 1},
      {"workerInfo", Bind<WorkerInfo, kWorkerInfoArgs>, 3},
      {"broadcastOpen", Bind<BroadcastOpen, kBroadcastOpenArgs>, 3},
      {"broadcastPost", Bind<BroadcastPost, kBroadcastPostArgs>, 4},
      {"broadcastClose", Bind<BroadcastClose, kPortArgs>, 1},
  };
  static const NativeClass* const kClasses[] = {&MessagePortClass()};
  static constexpr absl::string_view kJs[] = {"worker_threads.js"};
  static constexpr absl::string_view kLazyJs[] = {"worker_threads_port.js",
                                                  "worker_threads_worker.js"};
  static const Extension kExtension{
      "worker_threads", 1, kFunctions, {}, kClasses, {}, kJs,
      []() -> std::unique_ptr<ExtensionState> { return std::make_unique<WorkerState>(); },
      kLazyJs};
  return kExtension;
}

}  // namespace toysnap::node
