// The assert extension: Node's `assert` and `assert/strict` (runtime/js/assert*.js,
// JavaScript only, compiled on first require). Registered in
// runtime/builtin_extensions.cc.
#ifndef TOYSNAP_RUNTIME_NODE_ASSERT_H_
#define TOYSNAP_RUNTIME_NODE_ASSERT_H_

#include "runtime/extension.h"

namespace toysnap::node {

const Extension& AssertExtension();

}  // namespace toysnap::node

#endif  // TOYSNAP_RUNTIME_NODE_ASSERT_H_
