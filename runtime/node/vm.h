// The vm extension: Node's `vm` module (runtime/js/vm.js) on V8 scripts,
// functions and contexts of the same isolate (vm.cc), with the sandbox
// object's properties as a context's globals through interceptors and
// timeouts by a watchdog thread. Registered in
// runtime/builtin_extensions.cc.
#ifndef TOYSNAP_RUNTIME_NODE_VM_H_
#define TOYSNAP_RUNTIME_NODE_VM_H_

#include "runtime/extension.h"
#include "v8-context.h"
#include "v8-isolate.h"

namespace toysnap::node {

const Extension& VmExtension();

// A context with nothing but V8's built-ins, whose global forwards named
// properties to a sandbox (set later, in the context's embedder data). A
// snapshot's builder adds one to the blob (Runtime::HandToCreator): in a
// restored isolate Context::New would copy the program's own context, so vm
// contexts are made from that one instead.
v8::MaybeLocal<v8::Context> NewVmContext(v8::Isolate* isolate);
constexpr size_t kVmContextSnapshotIndex = 0;  // the first context added to the creator

}  // namespace toysnap::node

#endif  // TOYSNAP_RUNTIME_NODE_VM_H_
