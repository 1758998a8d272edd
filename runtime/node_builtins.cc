// The node extension: the builtins of builtins.js and events.js, and
// util.types (util_types_impl.js, lazy) on V8's own value predicates. Its file access
// goes through the modules extension's natives.
#include "runtime/node_builtins.h"

#include "runtime/binding.h"
#include "v8-value.h"

namespace toysnap {
namespace {

// V8's predicates for what JavaScript cannot tell reliably (proxies, iterator
// and generator objects, namespaces, externals), one bit each, in the order
// util_types_impl.js reads them.
double ValueKinds(NativeCall&, v8::Local<v8::Value> value) {
  const bool kinds[] = {value->IsProxy(),           value->IsGeneratorObject(),
                        value->IsMapIterator(),     value->IsSetIterator(),
                        value->IsModuleNamespaceObject(), value->IsExternal(),
                        value->IsArgumentsObject(), value->IsAsyncFunction(),
                        value->IsGeneratorFunction(), value->IsPromise(),
                        value->IsWeakMap(),         value->IsWeakSet(),
                        value->IsNativeError()};
  double bits = 0;
  for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); ++i) {
    if (kinds[i]) bits += static_cast<double>(1u << i);
  }
  return bits;
}
constexpr const char* kValueKindsArgs[] = {"value"};

constexpr NativeFunction kFunctions[] = {
    {"valueKinds", Bind<ValueKinds, kValueKindsArgs>, 1},
};

}  // namespace

const Extension& NodeBuiltinsExtension() {
  static constexpr absl::string_view kJs[] = {"events.js", "builtins.js"};
  // util and util.types, compiled when a program first requires or reads them.
  static constexpr absl::string_view kLazyJs[] = {"util.js", "util_parse_args.js",
                                                  "util_parse_env.js", "util_mime.js",
                                                  "util_types_impl.js"};
  static const Extension kExtension{"node", 1, kFunctions, {}, {}, {}, kJs, nullptr, kLazyJs};
  return kExtension;
}

}  // namespace toysnap
