// The node extension: JavaScript only so far; its file access goes through the
// modules extension's natives.
#include "runtime/node_builtins.h"

namespace toysnap {

const Extension& NodeBuiltinsExtension() {
  static constexpr absl::string_view kJs[] = {"events.js", "builtins.js"};
  static const Extension kExtension{"node", 1, {}, {}, {}, {}, kJs};
  return kExtension;
}

}  // namespace toysnap
