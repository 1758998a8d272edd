// The net extension's registration: the stream-handle classes and natives,
// the small bootstrap net.js, and the big scripts compiled on first use.
#include "runtime/node/net.h"

#include <vector>

#include "runtime/native_util.h"
#include "runtime/node/stream_handle.h"
#include "v8-function-callback.h"
#include "v8-object.h"

namespace toysnap::node {
namespace {

// loadHandleClasses() -> {StreamHandle, Pipe, TCP, TTY}: the classes are
// lazy (Extension::lazy_classes), made on the first use of net, tty or a
// piped stdio stream, so hello's heap and start do not carry them.
void LoadHandleClasses(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Object> classes = v8::Object::New(isolate);
  absl::Status installed = InstallNativeClasses(context, classes, StreamHandleClasses());
  if (!installed.ok()) {
    return ThrowError(isolate, ErrorKind::kError, installed.message());
  }
  info.GetReturnValue().Set(classes);
}

std::vector<NativeFunction> AllFunctions() {
  std::vector<NativeFunction> functions = {{"loadHandleClasses", LoadHandleClasses, 0}};
  for (const NativeFunction& function : StreamHandleFunctions()) functions.push_back(function);
  return functions;
}

}  // namespace

const Extension& NetExtension() {
  static constexpr absl::string_view kJs[] = {"net.js"};
  static constexpr absl::string_view kLazyJs[] = {"net_socket.js", "net_server.js", "tty.js",
                                                  "stdio.js"};
  static const std::vector<NativeFunction>* const kFunctions =
      new std::vector<NativeFunction>(AllFunctions());
  static const Extension kExtension{
      "net", 1, *kFunctions, {}, {}, {}, kJs, nullptr, kLazyJs, StreamHandleClasses()};
  return kExtension;
}

}  // namespace toysnap::node
