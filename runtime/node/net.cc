// The net extension's registration: the stream-handle classes and natives,
// the small bootstrap net.js, and the big scripts compiled on first use.
#include "runtime/node/net.h"

#include <vector>

#include "runtime/native_util.h"
#include "runtime/natives.h"
#include "runtime/node/signal_watch.h"
#include "runtime/node/stream_handle.h"
#include "v8-function-callback.h"
#include "v8-object.h"

namespace toysnap::node {
namespace {

// The lazy classes: the stream handles (parent first), then SignalWatch.
const std::vector<const NativeClass*>& LazyClasses() {
  static const std::vector<const NativeClass*>* const kClasses = [] {
    auto* classes = new std::vector<const NativeClass*>(StreamHandleClasses().begin(),
                                                        StreamHandleClasses().end());
    classes->push_back(&SignalWatchClass());
    return classes;
  }();
  return *kClasses;
}

// loadHandleClasses() -> {StreamHandle, Pipe, TCP, TTY, SignalWatch}: the classes are
// lazy (Extension::lazy_classes), made on the first use of net, tty or a
// piped stdio stream, so hello's heap and start do not carry them.
void LoadHandleClasses(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Object> classes = v8::Object::New(isolate);
  absl::Status installed = InstallNativeClasses(context, classes, LazyClasses());
  if (!installed.ok()) {
    return ThrowError(isolate, ErrorKind::kError, installed.message());
  }
  info.GetReturnValue().Set(classes);
}

// stdioEnabled() -> whether the process's stdio is the program's
// (RuntimeOptions::console): an embedder may keep it to itself.
void StdioEnabled(const v8::FunctionCallbackInfo<v8::Value>& info) {
  NativeHost* host = NativeHost::From(info.GetIsolate());
  info.GetReturnValue().Set(host != nullptr && host->console_enabled());
}

std::vector<NativeFunction> AllFunctions() {
  std::vector<NativeFunction> functions = {{"loadHandleClasses", LoadHandleClasses, 0},
                                           {"stdioEnabled", StdioEnabled, 0}};
  for (const NativeFunction& function : StreamHandleFunctions()) functions.push_back(function);
  return functions;
}

}  // namespace

const Extension& NetExtension() {
  static constexpr absl::string_view kJs[] = {"net.js"};
  static constexpr absl::string_view kLazyJs[] = {"net_socket.js", "net_connect.js",
                                                  "net_server.js", "tty.js", "stdio.js"};
  static const std::vector<NativeFunction>* const kFunctions =
      new std::vector<NativeFunction>(AllFunctions());
  static const Extension kExtension{
      "net", 1, *kFunctions, {}, {}, {}, kJs, nullptr, kLazyJs, LazyClasses()};
  return kExtension;
}

}  // namespace toysnap::node
