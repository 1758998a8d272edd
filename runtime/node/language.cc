// The language extension: JavaScript only. language.js runs at bootstrap;
// core-js's modules (corejs_packages.js) run at the first call of a method
// they provide, or before a snapshot's program runs when its files name one.
#include "runtime/node/language.h"

namespace toysnap::node {

const Extension& LanguageExtension() {
  static constexpr absl::string_view kJs[] = {"language.js"};
  static constexpr absl::string_view kLazyJs[] = {"corejs_packages.js"};
  static const Extension kExtension{"language", 1, {}, {}, {}, {}, kJs, nullptr, kLazyJs};
  return kExtension;
}

}  // namespace toysnap::node
