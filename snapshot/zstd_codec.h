// RAII + StatusOr wrapper over libzstd, private to snapshot/: the container
// calls it to store payloads; nothing else should link zstd directly.
#ifndef TOYSNAP_SNAPSHOT_ZSTD_CODEC_H_
#define TOYSNAP_SNAPSHOT_ZSTD_CODEC_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace toysnap {

// Compresses `in` into one zstd frame that records its content size and has no
// zstd checksum (the container checksums the whole body). Deterministic for a
// given input, level and libzstd version. `level` must be within zstd's range
// (0 means zstd's default); otherwise InvalidArgument.
absl::StatusOr<std::string> ZstdCompress(absl::string_view in, int level);

// Decompresses `in`, which is UNTRUSTED, and which must be exactly one zstd
// frame inflating to exactly `expected_size` bytes. The output buffer is
// `expected_size` bytes and is allocated only after the frame header agrees
// and the frame's blocks can produce that much, so memory use is bounded both
// by the caller's cap on `expected_size` and by what the input can really
// inflate to (a frame declaring gigabytes but holding one block gets no such
// buffer; RLE blocks can still legitimately inflate ~40000x). A corrupt frame, a
// declared content size other than `expected_size`, trailing bytes, or more or
// less output all give DataLoss; nothing aborts.
absl::StatusOr<std::string> ZstdDecompress(absl::string_view in,
                                           uint64_t expected_size);

}  // namespace toysnap

#endif  // TOYSNAP_SNAPSHOT_ZSTD_CODEC_H_
