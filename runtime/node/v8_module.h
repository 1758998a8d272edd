// The v8 extension: Node's `v8` module (runtime/js/v8.js) on V8's
// ValueSerializer/ValueDeserializer (v8_serdes.cc) and heap statistics
// (v8_module.cc). Registered in runtime/builtin_extensions.cc.
#ifndef TOYSNAP_RUNTIME_NODE_V8_MODULE_H_
#define TOYSNAP_RUNTIME_NODE_V8_MODULE_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "runtime/extension.h"
#include "v8-isolate.h"
#include "v8-value-serializer.h"

namespace toysnap::node {

const Extension& V8Extension();

// The (de)serializers whose host-object callbacks are running, innermost
// last: what writeUint32/readUint32/... inside those callbacks act on.
// Entries point at stack objects of the native call under way; none outlives it.
class V8State final : public ExtensionState {
 public:
  struct Reading {
    v8::ValueDeserializer* deserializer;
    const uint8_t* start;  // where the JS buffer's bytes begin in the deserializer's input
    size_t offset;         // the offset in the JS buffer that `start` is
  };
  std::vector<v8::ValueSerializer*> serializers;
  std::vector<Reading*> readers;
};
V8State* V8StateOf(v8::Isolate* isolate);

// v8_serdes.cc's natives.
extern const NativeFunction kV8SerdesFunctions[];
extern const size_t kV8SerdesFunctionCount;

}  // namespace toysnap::node

#endif  // TOYSNAP_RUNTIME_NODE_V8_MODULE_H_
