// Natives of the process extension.
#include "runtime/process_natives.h"

#include "runtime/binding.h"
#include "runtime/natives.h"

namespace toysnap {
namespace {

// exit(code): ends the program after the current JS frame unwinds.
void Exit(NativeCall& call, int32_t code) {
  if (NativeHost* host = NativeHost::From(call.isolate)) host->RequestExit(code);
}
constexpr const char* kExitArgs[] = {"code"};

constexpr NativeFunction kFunctions[] = {
    {"exit", Bind<Exit, kExitArgs>, 1},
};
constexpr absl::string_view kJs[] = {"process.js"};

}  // namespace

const Extension& ProcessExtension() {
  static const Extension kExtension{"process", 1, kFunctions, {}, {}, {}, kJs};
  return kExtension;
}

}  // namespace toysnap
