// The one table of external references, shared by the snapshot builder and the
// runtime. Included wherever an isolate is created (runtime, builder, tests).
//
// Rule: the producer and the consumer of a snapshot register exactly the same
// external references in the same order. V8 stores each native callback in a
// snapshot as an index into this table, so both sides take it from here, and
// its fingerprint goes into the container so a mismatch is refused, not crashed on.
#ifndef TOYSNAP_RUNTIME_EXTERNAL_REFERENCES_H_
#define TOYSNAP_RUNTIME_EXTERNAL_REFERENCES_H_

#include <cstdint>
#include <string>
#include <vector>

namespace toysnap {

// Null-terminated, for v8::SnapshotCreator and Isolate::CreateParams: native
// functions, internal callbacks, every native class's callbacks, the module
// loader's synthetic-module steps and deferred-import microtask, then V8's own
// module namespace accessors.
const intptr_t* ExternalReferences();

// One name per entry of ExternalReferences(), in the same order.
const std::vector<std::string>& ExternalReferenceNames();

// Hash of the names and each native class's state version.
uint64_t ExternalReferencesFingerprint();

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_EXTERNAL_REFERENCES_H_
