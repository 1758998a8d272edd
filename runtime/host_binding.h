// What an embedder's extension adds to the internal Extension it is built on:
// its namespace module, ES modules from memory and state factory. Made by
// HostExtension (embedder_extension.h); read by the registry, the bootstrap
// and the module loader. Not for embedders.
#ifndef TOYSNAP_RUNTIME_HOST_BINDING_H_
#define TOYSNAP_RUNTIME_HOST_BINDING_H_

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "runtime/extension.h"

namespace toysnap {

// The specifier scheme of every module an extension serves.
inline constexpr char kHostScheme[] = "host:";

struct HostBinding {
  // The module whose exports are the extension's functions and classes:
  // "host:<extension name>".
  std::string namespace_module;
  // False for an extension with bootstrap scripts (HostExtension::Script()):
  // its functions and classes go to its scripts as `natives` instead.
  bool serves_namespace = true;
  // Also globalThis[global_name] when not empty (for classic scripts).
  std::string global_name;
  // ES modules by specifier (each "host:..."), compiled when first imported.
  std::vector<std::pair<std::string, std::string>> modules;
  // Makes the extension's per-runtime state; may be empty.
  std::function<std::unique_ptr<ExtensionState>()> create_state;
  // Why the declaration is unusable (a name given twice, a bad specifier);
  // the registry refuses the extension with it.
  absl::Status status;
};

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_HOST_BINDING_H_
