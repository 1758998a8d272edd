// The querystring extension: Node's `querystring` module, JavaScript only
// (runtime/js/querystring.js, compiled on first require). Registered in
// builtin_extensions.cc.
#ifndef TOYSNAP_RUNTIME_NODE_QUERYSTRING_H_
#define TOYSNAP_RUNTIME_NODE_QUERYSTRING_H_

#include "runtime/extension.h"

namespace toysnap::node {

const Extension& QuerystringExtension();

}  // namespace toysnap::node

#endif  // TOYSNAP_RUNTIME_NODE_QUERYSTRING_H_
