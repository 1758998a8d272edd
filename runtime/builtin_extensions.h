// The extensions every toysnap runtime has, in registration order (which is the
// order their bootstrap JS runs in). Included by Runtime and the toolchain
// fingerprint.
#ifndef TOYSNAP_RUNTIME_BUILTIN_EXTENSIONS_H_
#define TOYSNAP_RUNTIME_BUILTIN_EXTENSIONS_H_

#include <vector>

#include "runtime/extension.h"

namespace toysnap {

std::vector<const Extension*> BuiltinExtensions();

class ExtensionRegistry;
// The registry of exactly BuiltinExtensions(), made once per process (its
// table costs ~0.4M instructions; the toolchain fingerprint and every runtime
// without embedder extensions share it). Immutable.
const ExtensionRegistry& BuiltinRegistry();

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_BUILTIN_EXTENSIONS_H_
