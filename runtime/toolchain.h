// What this binary writes into, and expects from, a snapshot container: its
// versions and fingerprints. Included by the builder and the CLI.
#ifndef TOYSNAP_RUNTIME_TOOLCHAIN_H_
#define TOYSNAP_RUNTIME_TOOLCHAIN_H_

#include "snapshot/container.h"

namespace toysnap {

Toolchain CurrentToolchain();

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_TOOLCHAIN_H_
