// The extensions every toysnap runtime has, in registration order (which is the
// order their bootstrap JS runs in). Included by Runtime and the toolchain
// fingerprint.
#ifndef TOYSNAP_RUNTIME_BUILTIN_EXTENSIONS_H_
#define TOYSNAP_RUNTIME_BUILTIN_EXTENSIONS_H_

#include <vector>

#include "runtime/extension.h"
#include "runtime/extension_registry.h"

namespace toysnap {

std::vector<const Extension*> BuiltinExtensions();

// The registry of exactly BuiltinExtensions(), composed once per process and
// never destroyed: runtimes without embedders' extensions (the CLI's) and the
// toolchain fingerprint share it instead of composing it each (it is
// immutable, so any thread may use it).
const ExtensionRegistry& BuiltinRegistry();

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_BUILTIN_EXTENSIONS_H_
