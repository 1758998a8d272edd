// Big module sources kept outside the V8 heap of a snapshot. Included by the
// runtimes that build or restore one and by the two places that compile module
// sources (CommonJS in fs_natives.cc, ES modules in module_loader.cc).
//
// V8 keeps every script's source (lazy compilation, toString, error positions),
// so a snapshot of a program that loaded a 9 MB library holds that text in its
// heap, and every restore copies it into fresh pages. When V8 serializes an
// external string whose resource's address is in the isolate's external-
// reference table, it records the table index instead of the characters, and
// a restore points the string at the resource at that index of its own table.
// So a build makes each big one-byte source an external string backed by a
// slot of this table, the container stores the slot's bytes beside the blob,
// and a restore's slots read those bytes in place (the mapped file).
//
// Rule: every table a build or a restore gives V8 ends with exactly
// kSourceSlotCount slots (ExtensionRegistry::ExternalReferencesWith), so the
// indices agree; the registry's fingerprint includes the count.
#ifndef TOYSNAP_RUNTIME_EXTERNAL_SOURCES_H_
#define TOYSNAP_RUNTIME_EXTERNAL_SOURCES_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "absl/status/statusor.h"
#include "runtime/extension_registry.h"
#include "snapshot/base/shared_bytes.h"
#include "v8-isolate.h"
#include "v8-primitive.h"

namespace toysnap {

// Sources shorter than this stay in the heap: slots are few, and small files
// loaded first would take those a big file loaded later needs, for little
// (lodash-es's 35 files of 2 to 64 KiB out of the heap: -0.24% of its restore;
// the README's table of cuts).
inline constexpr int kMinExternalSourceLength = 64 << 10;

// One runtime's slots. Per runtime, never global: two snapshots restored in one
// process have different sources, and V8 writes into a resource (its data
// cache), so isolates on other threads do not share a used one. The bytes are
// shared (SharedBytes), so a worker restored from its parent's snapshot reads
// the parent's mapping. Must outlive every isolate that uses it.
class ExternalSources {
 public:
  // Slots that Externalize fills, for a SnapshotCreator's isolate.
  static std::unique_ptr<ExternalSources> ForBuild();
  // Slot i reads sources[i] (a container's, OpenedContainer's metadata), the
  // rest are empty. FailedPrecondition if there are more than the slots.
  static absl::StatusOr<std::unique_ptr<ExternalSources>> ForRestore(
      const std::vector<SharedBytes>& sources);
  ~ExternalSources();
  ExternalSources(const ExternalSources&) = delete;
  ExternalSources& operator=(const ExternalSources&) = delete;

  // Every slot's address, in slot order: what the external-reference table
  // ends with.
  const std::array<intptr_t, kSourceSlotCount>& addresses() const { return addresses_; }

  // Build only: turns `source` in place into an external string backed by the
  // next free slot (a copy of its characters), when it is at least
  // kMinExternalSourceLength long, all Latin-1, and a slot is free. Call it
  // before compiling: V8 keeps the string it compiled as the script's source.
  // Returns whether it did; the string is unchanged otherwise. A slot whose
  // string dies before the heap is written (a compile error the program
  // caught at build time) still goes into the file: bytes, never a dangling
  // reference.
  bool Externalize(v8::Isolate* isolate, v8::Local<v8::String> source);

  // The bytes of the slots Externalize filled, in slot order, for the
  // container (SnapshotMetadata::sources).
  std::vector<SharedBytes> Filled() const;

  // The table of the isolate's IsolateData while a snapshot is built, or null
  // (fresh and restored runtimes never externalize).
  static ExternalSources* OfBuild(v8::Isolate* isolate);

 private:
  class Slot;
  explicit ExternalSources(bool building);

  const bool building_;
  size_t filled_ = 0;  // slots_[0, filled_) hold sources
  // Owned. A build has all kSourceSlotCount; a restore one per source, the
  // table's other entries naming one shared empty slot no string refers to.
  std::vector<std::unique_ptr<Slot>> slots_;
  std::array<intptr_t, kSourceSlotCount> addresses_{};
};

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_EXTERNAL_SOURCES_H_
