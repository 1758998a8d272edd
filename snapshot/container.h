// The toysnap snapshot container, on-disk format v2: a checksummed header,
// build metadata and the (optionally zstd-compressed) payload: the V8 startup
// blob, then the sources the heap refers to from outside it. Included by the
// builder (encode), the runtime (open) and the CLI (`info`). No V8 here.
#ifndef TOYSNAP_SNAPSHOT_CONTAINER_H_
#define TOYSNAP_SNAPSHOT_CONTAINER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "snapshot/base/shared_bytes.h"

namespace toysnap {

// ---------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------

// How the payload is stored. Values are the on-disk byte.
enum class Compression : uint8_t { kNone = 0, kZstd = 1 };

// What produced the blob. A V8 startup blob only restores in the same V8 with
// the same flags and the same external references, so all of it must match.
struct Toolchain {
  std::string toysnap_version;  // Printable ASCII, at most 32 bytes.
  std::string v8_version;       // Printable ASCII, at most 32 bytes.
  uint64_t v8_flags_fingerprint = 0;
  uint64_t external_refs_fingerprint = 0;
};

// What the runtime needs besides the blob to start the app.
// A file a build read (kind 1, with a hash of its content) or only probed
// (kind 0 missing, 2 directory), by the path the build recorded.
struct FileInput {
  std::string path;
  int kind = 0;
  uint64_t content_hash = 0;
};

// One extension of the runtime that built the snapshot (name, version, and the
// fingerprint of its external references), in registration order.
struct ExtensionStamp {
  std::string name;
  uint32_t version = 0;
  uint64_t fingerprint = 0;
};

struct SnapshotMetadata {
  std::string entry_module;
  std::vector<std::string> modules;  // In evaluation order.
  bool has_main = false;
  std::string v8_flags;  // Informational; the fingerprint is what is checked.
  uint32_t context_data_index = 0;
  // CommonJS files the build loaded (they live in the JS heap's require cache,
  // not in the module map); informational, for `toysnap info`.
  std::vector<std::string> commonjs_modules;
  // What decided the output besides the files (options, environment,
  // toolchain), hashed, and every file input: an unchanged build is skipped.
  uint64_t options_hash = 0;
  std::vector<FileInput> file_inputs;
  // The runtime's extensions; a runtime restores only with the same set.
  std::vector<ExtensionStamp> extensions;
  // Module sources the heap holds as external strings, by slot: V8 stores a
  // slot's index, and the restored string reads sources[i] in place. On disk
  // their bytes follow the blob in the payload and a metadata record lists
  // their lengths; OpenContainer fills this, EncodeContainer writes it.
  std::vector<SharedBytes> sources;
};

// The decoded fixed-size header (layout in container.cc).
struct ContainerHeader {
  uint32_t format_version = 0;
  Toolchain toolchain;
  Compression compression = Compression::kNone;
  int32_t compression_level = 0;
  uint32_t metadata_size = 0;
  uint64_t raw_size = 0;     // Payload size after inflation: blob and sources.
  uint64_t stored_size = 0;  // Payload size in the file.
  uint64_t body_checksum = 0;
  uint64_t header_checksum = 0;
};

// One documented set of encoding choices, with the defaults `toysnap build`
// uses.
struct EncodeOptions {
  Compression compression = Compression::kZstd;
  int level = 3;  // zstd level; ignored (stored as 0) for kNone.
};

// Why a file was rejected; attached to every rejection Status as a payload.
// Status codes: kBadMagic -> InvalidArgument (not ours); kUnsupportedFormat,
// kBadCompression and the four *Mismatch reasons about the toolchain ->
// FailedPrecondition (intact but unusable here: rebuild); everything else ->
// DataLoss (damaged or hostile).
enum class RejectReason {
  kNone,
  kTruncated,
  kBadMagic,
  kUnsupportedFormat,
  kHeaderChecksum,
  kToysnapVersionMismatch,
  kV8VersionMismatch,
  kV8FlagsMismatch,
  kExternalRefsMismatch,
  kSizeMismatch,
  kBodyChecksum,
  kBadMetadata,
  kBadCompression,
  kDecompressFailed,
  kTooLarge,
};

// Result of InspectContainer: everything `toysnap info` shows.
struct InspectedContainer {
  ContainerHeader header;
  SnapshotMetadata metadata;  // Empty if the body is damaged and unparsable.
  // The sources' lengths (metadata.sources stays empty: nothing is inflated).
  std::vector<uint64_t> source_lengths;
  absl::Status body_status;   // Body checksum, metadata, payload sizes.
  absl::Status compatibility_status;  // Toolchain vs the expected one.
};

// Result of OpenContainer: a fully verified, inflated snapshot.
struct OpenedContainer {
  ContainerHeader header;
  SnapshotMetadata metadata;
  SharedBytes blob;  // The V8 StartupData bytes: part of the file, or inflated.
  // metadata.sources share the same bytes (the file's, or the inflated ones).
};

// v2: the payload may hold sources after the blob (v1 readers would hand them
// to V8 as part of the blob).
inline constexpr uint32_t kContainerFormatVersion = 2;
inline constexpr size_t kContainerHeaderSize = 160;
// Refuse to inflate more than 2 GiB, whatever the header claims.
inline constexpr uint64_t kMaxRawSize = 2ull << 30;

// ---------------------------------------------------------------------------
// Functions
// ---------------------------------------------------------------------------

// Stable kebab-case name, e.g. "bad-magic"; used in messages and payloads.
absl::string_view RejectReasonName(RejectReason reason);

// The reason attached to `status` (payload type URL "toysnap/reject-reason"),
// or kNone for OK and for statuses that are not container rejections.
RejectReason GetRejectReason(const absl::Status& status);

// True if `file_prefix` starts with the container magic, so callers can tell a
// toysnap snapshot from a raw blob or script without a full parse.
bool HasContainerMagic(absl::string_view file_prefix);

// Builds a container. Output bytes depend only on the arguments (and the
// libzstd version), so equal inputs give byte-identical files. InvalidArgument
// if a version string is not printable ASCII of at most 32 bytes, metadata
// exceeds its caps (64 KiB per string, 100000 modules, 8192 sources), or
// `blob` and metadata.sources together are larger than kMaxRawSize.
absl::StatusOr<std::string> EncodeContainer(const Toolchain& toolchain,
                                            const SnapshotMetadata& metadata,
                                            absl::string_view blob,
                                            const EncodeOptions& options);

// For `toysnap info`: verifies the header, file length and body checksum and
// parses the metadata, without inflating or failing on toolchain differences.
// Returns an error only when the header is unusable or the file length is
// wrong; a damaged body is reported in `body_status`, a toolchain difference
// in `compatibility_status`.
absl::StatusOr<InspectedContainer> InspectContainer(absl::string_view file,
                                                    const Toolchain& expected);

// For `toysnap run`: verifies everything against `expected`, then inflates.
// `file` is untrusted: any damage gives a rejection Status, never a crash.
// Messages start "snapshot rejected (<reason>): " and omit the path, which
// the caller prefixes. An uncompressed blob and its sources share `file`'s
// bytes (a mapped file is never copied); the string_view overload copies the
// file first.
absl::StatusOr<OpenedContainer> OpenContainer(const SharedBytes& file,
                                              const Toolchain& expected);
absl::StatusOr<OpenedContainer> OpenContainer(absl::string_view file,
                                              const Toolchain& expected);

}  // namespace toysnap

#endif  // TOYSNAP_SNAPSHOT_CONTAINER_H_
