// The language extension: the ECMAScript built-ins Node 20 has and V8 10.2
// lacks, from npm's core-js (runtime/js/language.js over the modules that
// //runtime/node:corejs_packages_js embeds), installed at bootstrap.
// Registered in runtime/builtin_extensions.cc.
#ifndef TOYSNAP_RUNTIME_NODE_LANGUAGE_H_
#define TOYSNAP_RUNTIME_NODE_LANGUAGE_H_

#include "runtime/extension.h"

namespace toysnap::node {

const Extension& LanguageExtension();

}  // namespace toysnap::node

#endif  // TOYSNAP_RUNTIME_NODE_LANGUAGE_H_
