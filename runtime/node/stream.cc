// The stream extension: JavaScript only. stream.js runs at bootstrap and loads
// the packages' files (stream_packages.js) the first time a program requires
// one of its builtins.
#include "runtime/node/stream.h"

namespace toysnap::node {

const Extension& StreamExtension() {
  static constexpr absl::string_view kJs[] = {"stream.js"};
  static constexpr absl::string_view kLazyJs[] = {"stream_packages.js"};
  static const Extension kExtension{"stream", 1, {}, {}, {}, {}, kJs, nullptr, kLazyJs};
  return kExtension;
}

}  // namespace toysnap::node
