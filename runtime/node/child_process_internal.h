// What the files of the child_process extension share. Included by
// runtime/node/child_process*.cc only.
#ifndef TOYSNAP_RUNTIME_NODE_CHILD_PROCESS_INTERNAL_H_
#define TOYSNAP_RUNTIME_NODE_CHILD_PROCESS_INTERNAL_H_

#include <uv.h>

#include "runtime/native_classes.h"
#include "v8-isolate.h"
#include "v8-local-handle.h"
#include "v8-object.h"

namespace toysnap::node {

// The native class behind ChildProcess (child_process_wrap.cc).
const NativeClass& ProcessClass();

// The ChildProcess permission check every spawn passes: false with Node's
// ERR_ACCESS_DENIED thrown (its `resource` is '', as Node's).
bool CheckChildProcessAccess(v8::Isolate* isolate);

// The stream uv_spawn connects a child's 'pipe' descriptor to, for the JS
// handle `pipe` the ChildProcess made; null with an exception pending.
uv_stream_t* ChildPipeStream(v8::Isolate* isolate, v8::Local<v8::Object> pipe);

// The open stream of any handle of ours (Pipe, TCP, TTY) a child inherits as
// one of its descriptors (a net.Socket as a stdio entry); null with an
// exception pending.
uv_stream_t* ChildStdioStream(v8::Isolate* isolate, v8::Local<v8::Object> handle);

}  // namespace toysnap::node

#endif  // TOYSNAP_RUNTIME_NODE_CHILD_PROCESS_INTERNAL_H_
