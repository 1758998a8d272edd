// Structured clone for postMessage: V8's ValueSerializer with ArrayBuffers
// and MessagePorts moved and SharedArrayBuffers shared, into a Message any
// thread can read back. Included by runtime/node/worker*.cc.
#ifndef TOYSNAP_RUNTIME_NODE_WORKER_CLONE_H_
#define TOYSNAP_RUNTIME_NODE_WORKER_CLONE_H_

#include <functional>
#include <memory>

#include "runtime/node/worker_port.h"
#include "v8-context.h"
#include "v8-object.h"
#include "v8-value.h"

namespace toysnap::node {

// The MessagePort class (worker.cc), whose instances are the only host
// objects a message may hold.
const NativeClass& MessagePortClass();

// Serializes `value` into `message`, moving what `transfer` (an array, or
// empty) lists: ArrayBuffers are detached, MessagePorts leave their object.
// `source` is the posting port (or empty); `make_error(message, name)` makes
// a DOMException. False with an exception pending (Node's errors) on failure,
// having moved nothing.
bool SerializeMessage(v8::Local<v8::Context> context, v8::Local<v8::Value> value,
                      v8::Local<v8::Value> transfer, v8::Local<v8::Object> source,
                      v8::Local<v8::Value> make_error, Message* message);

// The value `message` holds; its moved ports become MessagePort objects made
// by `make_port`. Consumes what the message moved.
using PortMaker = std::function<v8::MaybeLocal<v8::Object>(std::shared_ptr<PortCore>)>;
v8::MaybeLocal<v8::Value> DeserializeMessage(v8::Local<v8::Context> context, Message& message,
                                             const PortMaker& make_port);

}  // namespace toysnap::node

#endif  // TOYSNAP_RUNTIME_NODE_WORKER_CLONE_H_
