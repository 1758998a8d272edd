// The 'advanced' serialization of child_process IPC channels: V8's
// ValueSerializer with ArrayBufferViews as host objects, in Node's wire format
// (a 4-byte big-endian length, then the serialized value), so a toysnap peer
// and a Node peer understand each other. Included by child_process.cc only.
//
// JS API (natives):
//   ipcSerialize(value, BufferPrototype) -> Uint8Array (length prefix included)
//     throws as Node's serializer does ("... could not be cloned.")
//   ipcDeserialize(bytes, BufferPrototype) -> value; `bytes` is one message
//     without its length prefix; a malformed one throws ERR_IPC_BAD_MESSAGE.
#ifndef TOYSNAP_RUNTIME_NODE_CHILD_PROCESS_IPC_H_
#define TOYSNAP_RUNTIME_NODE_CHILD_PROCESS_IPC_H_

#include "v8-function-callback.h"

namespace toysnap::node {

void IpcSerialize(const v8::FunctionCallbackInfo<v8::Value>& info);
void IpcDeserialize(const v8::FunctionCallbackInfo<v8::Value>& info);

}  // namespace toysnap::node

#endif  // TOYSNAP_RUNTIME_NODE_CHILD_PROCESS_IPC_H_
