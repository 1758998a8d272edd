// The `web_streams` extension: WHATWG streams (npm's web-streams-polyfill,
// built in) as `stream/web` and Node 20's globals, TextEncoderStream and
// TextDecoderStream, CompressionStream/DecompressionStream on zlib, and
// `stream/consumers`. JavaScript only (runtime/js/web_streams*.js), compiled
// at first use. Registered by runtime/builtin_extensions.cc.
#ifndef TOYSNAP_RUNTIME_NODE_WEB_STREAMS_H_
#define TOYSNAP_RUNTIME_NODE_WEB_STREAMS_H_

#include "runtime/extension.h"

namespace toysnap::node {

const Extension& WebStreamsExtension();

}  // namespace toysnap::node

#endif  // TOYSNAP_RUNTIME_NODE_WEB_STREAMS_H_
