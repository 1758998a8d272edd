// The runtime's own JavaScript (console, timers, globals), embedded at build time
// by //tools:embed_js. Included by the runtime's bootstrap only.
#ifndef TOYSNAP_RUNTIME_BOOTSTRAP_JS_H_
#define TOYSNAP_RUNTIME_BOOTSTRAP_JS_H_

#include <cstdint>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace toysnap {

struct EmbeddedSource {
  absl::string_view name;    // file name, e.g. "console.js"
  absl::string_view source;  // static storage
  // The names the script takes from internals.primordials, comma-separated
  // (found by //tools:embed_js). Primordials are made during the bootstrap
  // only, so a lazy script's are made then for it.
  absl::string_view primordials = {};
  // Checksum64 of `source`, by //tools:embed_js: what the extension registry's
  // fingerprints hash, so a snapshot built with other JavaScript is refused.
  uint64_t checksum = 0;
};

// In evaluation order. Each source is a classic script whose completion value is
// a function(natives, internals).
absl::Span<const EmbeddedSource> BootstrapSources();

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_BOOTSTRAP_JS_H_
