// The stream extension: JavaScript only. stream_builtin.js registers the
// builtins at bootstrap; stream.js, which loads the packages' files
// (stream_packages.js), is compiled the first time a program requires one.
#include "runtime/node/stream.h"

namespace toysnap::node {

const Extension& StreamExtension() {
  static constexpr absl::string_view kJs[] = {"stream_builtin.js"};
  // stream.js at the first require of a stream builtin; it loads the packages.
  static constexpr absl::string_view kLazyJs[] = {"stream.js", "stream_packages.js"};
  static const Extension kExtension{"stream", 1, {}, {}, {}, {}, kJs, nullptr, kLazyJs};
  return kExtension;
}

}  // namespace toysnap::node
