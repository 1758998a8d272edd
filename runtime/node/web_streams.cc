// The web_streams extension: JavaScript only. web_streams.js runs at bootstrap
// (lazy globals and builtins); the package (web_streams_package.js, generated
// from runtime/npm's pinned web-streams-polyfill) and web_streams_impl.js are
// compiled the first time a program touches one of them.
#include "runtime/node/web_streams.h"

namespace toysnap::node {

const Extension& WebStreamsExtension() {
  static constexpr absl::string_view kJs[] = {"web_streams.js"};
  static constexpr absl::string_view kLazyJs[] = {"web_streams_package.js",
                                                  "web_streams_impl.js"};
  static const Extension kExtension{"web_streams", 1, {}, {}, {}, {}, kJs, nullptr, kLazyJs};
  return kExtension;
}

}  // namespace toysnap::node
