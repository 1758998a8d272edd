// The net extension's registration: the stream-handle classes and natives,
// the small bootstrap net.js, and the big scripts compiled on first use.
#include "runtime/node/net.h"

#include "runtime/node/stream_handle.h"

namespace toysnap::node {

const Extension& NetExtension() {
  static constexpr absl::string_view kJs[] = {"net.js"};
  static constexpr absl::string_view kLazyJs[] = {"net_socket.js", "net_server.js", "tty.js",
                                                  "stdio.js"};
  static const Extension kExtension{
      "net", 1, StreamHandleFunctions(), {}, StreamHandleClasses(), {}, kJs, nullptr, kLazyJs};
  return kExtension;
}

}  // namespace toysnap::node
