// The extensions of one runtime, composed in order, and what V8 needs from them:
// the external-reference table and its fingerprints. Included where an isolate
// is created (Runtime, SnapshottingRuntime) and by the toolchain fingerprint.
//
// Rule: the producer and the consumer of a snapshot register exactly the same
// external references in the same order. V8 stores each native callback in a
// snapshot as an index into this table, so both sides compose it from the same
// extension list, and the container records each extension's name, version and
// fingerprint, so a mismatch is refused by name, never crashed on.
#ifndef TOYSNAP_RUNTIME_EXTENSION_REGISTRY_H_
#define TOYSNAP_RUNTIME_EXTENSION_REGISTRY_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/base/call_once.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "runtime/bootstrap_js.h"
#include "runtime/extension.h"
#include "snapshot/container.h"

namespace toysnap {

// Entries after the extensions' references in the tables a build and a restore
// give V8 (ExternalReferencesWith): one per source slot (external_sources.h).
inline constexpr size_t kSourceSlotCount = 256;

class ExtensionRegistry {
 public:
  // `extensions` (static storage, not owned) in registration order.
  explicit ExtensionRegistry(std::vector<const Extension*> extensions);
  ExtensionRegistry(const ExtensionRegistry&) = delete;
  ExtensionRegistry& operator=(const ExtensionRegistry&) = delete;

  // OK unless two extensions share a name, a native or a class name, or a
  // script an extension names is not embedded.
  const absl::Status& status() const { return status_; }

  absl::Span<const Extension* const> extensions() const { return extensions_; }

  // Null-terminated, for v8::SnapshotCreator and Isolate::CreateParams; lives
  // as long as the registry. Per extension: functions, callbacks, each class's
  // constructor, methods, getters, setters and statics, then references.
  const intptr_t* external_references() const { return addresses_.data(); }
  // external_references() with `slots` (one address per source slot) before
  // the terminating 0: the table of an isolate that builds or restores a
  // snapshot, so both sides give V8 tables of the same length.
  std::vector<intptr_t> ExternalReferencesWith(
      const std::array<intptr_t, kSourceSlotCount>& slots) const;
  // One name per entry of external_references(), in the same order.
  // (Made on first call, from the names the fingerprint hashed.)
  const std::vector<std::string>& reference_names() const;
  // Hash of every name, each class's state version and extension version,
  // and of kSourceSlotCount.
  uint64_t fingerprint() const { return fingerprint_; }
  // Name, version and fingerprint of each extension, for the snapshot.
  const std::vector<ExtensionStamp>& stamps() const { return stamps_; }

  // The bootstrap scripts of every extension, in evaluation order.
  const std::vector<EmbeddedSource>& scripts() const { return scripts_; }
  // The extension each of scripts() belongs to, in the same order.
  const std::vector<const Extension*>& script_extensions() const { return script_extensions_; }
  // The scripts extensions load on demand (Extension::lazy_js), and one by name.
  const std::vector<EmbeddedSource>& lazy_scripts() const { return lazy_scripts_; }
  const EmbeddedSource* FindLazyScript(absl::string_view name) const;
  // Every native class installed at bootstrap, in registration order.
  const std::vector<const NativeClass*>& classes() const { return classes_; }
  // One of those or of the lazy ones (Extension::lazy_classes), by name.
  const NativeClass* FindClass(absl::string_view name) const;

  // A module an embedder's extension serves (host_binding.h): its ES source,
  // or null for the namespace module of the extension's functions and classes.
  struct HostModule {
    const Extension* extension;
    absl::string_view specifier;
    const std::string* source;
  };
  const HostModule* FindHostModule(absl::string_view specifier) const;

  // Whether a snapshot whose extensions are `recorded` can be restored here;
  // the error names the first extension that is missing, extra or different.
  absl::Status CheckCompatible(const std::vector<ExtensionStamp>& recorded) const;

 private:
  std::vector<const Extension*> extensions_;
  std::vector<intptr_t> addresses_;
  std::string joined_names_;  // every name, each ended by '\0'
  mutable absl::once_flag names_once_;
  mutable std::vector<std::string> names_;
  std::vector<ExtensionStamp> stamps_;
  std::vector<EmbeddedSource> scripts_;
  std::vector<const Extension*> script_extensions_;
  std::vector<EmbeddedSource> lazy_scripts_;
  std::vector<const NativeClass*> classes_;
  std::vector<const NativeClass*> lazy_classes_;  // and those of embedders' namespaces
  std::vector<HostModule> host_modules_;
  uint64_t fingerprint_ = 0;
  absl::Status status_;
};

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_EXTENSION_REGISTRY_H_
