// The toolchain fingerprint: versions, V8 flags and the external-reference table.
#include "runtime/toolchain.h"

#include <string>

#include "runtime/builtin_extensions.h"
#include "runtime/extension_registry.h"
#include "runtime/v8_process.h"
#include "snapshot/base/checksum.h"
#include "v8-initialization.h"

namespace toysnap {

Toolchain CurrentToolchain() {
  Toolchain toolchain;
  toolchain.toysnap_version = std::string(kToysnapVersion);
  toolchain.v8_version = v8::V8::GetVersion();
  toolchain.v8_flags_fingerprint = Checksum64(V8Flags());
  // The CLI's runtimes have exactly the built-in extensions.
  toolchain.external_refs_fingerprint = BuiltinRegistry().fingerprint();
  return toolchain;
}

}  // namespace toysnap
