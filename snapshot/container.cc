// Encoder and verifying decoder for the snapshot container (container.h).
// Every multi-byte field is stored and loaded byte by byte, little-endian.
#include "snapshot/container.h"

#include <cstdint>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/cord.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "snapshot/base/checksum.h"
#include "snapshot/base/status_macros.h"
#include "snapshot/zstd_codec.h"

namespace toysnap {
namespace {

constexpr size_t kU8Size = 1;
constexpr size_t kU32Size = 4;
constexpr size_t kU64Size = 8;
constexpr size_t kVersionStringSize = 32;

// Header layout, format v2 (160 bytes, integers little-endian; the same as
// v1's, whose payload was the blob alone):
//   off  size  field
//   0    8     magic "TOYSNAP\x1a" (54 4F 59 53 4E 41 50 1A)
//   8    4     format_version (u32) = 2
//   12   4     header_size (u32) = 160
//   16   32    toysnap_version, ASCII, NUL-padded
//   48   32    v8_version, ASCII, NUL-padded
//   80   8     v8_flags_fingerprint (u64)
//   88   8     external_refs_fingerprint (u64)
//   96   1     compression (0 none, 1 zstd)
//   97   3     reserved, zero
//   100  4     compression_level (i32; 0 when none)
//   104  4     metadata_size (u32)
//   108  4     reserved, zero
//   112  8     raw_size (u64): payload size after inflation
//   120  8     stored_size (u64): payload size as stored
//   128  8     body_checksum (u64): XXH3-64 of bytes [160, end)
//   136  8     header_checksum (u64): XXH3-64 of bytes [0, 136)
//   144  16    reserved, zero
//   160  metadata_size bytes of metadata (TLV, see kTag* below)
//   ...  stored_size bytes of payload, maybe zstd-compressed as one frame:
//        the V8 blob, then each source's bytes in slot order (the sources
//        record, kTagSources, gives their lengths; the blob is the rest)
// The file is exactly 160 + metadata_size + stored_size bytes. Reserved bytes
// are written as zero. On read, those in [0, 136) are covered by the header
// checksum; [144, 160) is not, so it must be zero or the header is "damaged".
constexpr size_t kMagicOffset = 0;
constexpr size_t kMagicSize = 8;
constexpr size_t kFormatVersionOffset = kMagicOffset + kMagicSize;
constexpr size_t kHeaderSizeOffset = kFormatVersionOffset + kU32Size;
constexpr size_t kToysnapVersionOffset = kHeaderSizeOffset + kU32Size;
constexpr size_t kV8VersionOffset = kToysnapVersionOffset + kVersionStringSize;
constexpr size_t kV8FlagsFingerprintOffset =
    kV8VersionOffset + kVersionStringSize;
constexpr size_t kExternalRefsFingerprintOffset =
    kV8FlagsFingerprintOffset + kU64Size;
constexpr size_t kCompressionOffset = kExternalRefsFingerprintOffset + kU64Size;
constexpr size_t kReserved1Offset = kCompressionOffset + kU8Size;
constexpr size_t kCompressionLevelOffset = kReserved1Offset + 3;
constexpr size_t kMetadataSizeOffset = kCompressionLevelOffset + kU32Size;
constexpr size_t kReserved2Offset = kMetadataSizeOffset + kU32Size;
constexpr size_t kRawSizeOffset = kReserved2Offset + kU32Size;
constexpr size_t kStoredSizeOffset = kRawSizeOffset + kU64Size;
constexpr size_t kBodyChecksumOffset = kStoredSizeOffset + kU64Size;
constexpr size_t kHeaderChecksumOffset = kBodyChecksumOffset + kU64Size;
constexpr size_t kReserved3Offset = kHeaderChecksumOffset + kU64Size;
constexpr size_t kReserved3Size = 16;
constexpr size_t kHeaderSize = kReserved3Offset + kReserved3Size;
static_assert(kV8VersionOffset == 48 && kCompressionOffset == 96 &&
                  kRawSizeOffset == 112 && kHeaderChecksumOffset == 136,
              "header layout drifted from the table above");
static_assert(kHeaderSize == kContainerHeaderSize, "header must be 160 bytes");

constexpr absl::string_view kMagic("TOYSNAP\x1a", kMagicSize);

// Metadata: records of `u8 tag, u32 length, length bytes`. Readers skip tags
// they do not know, so later versions can add records without a format bump.
constexpr uint8_t kTagEntryModule = 1;       // string
constexpr uint8_t kTagModule = 2;            // string, repeated, in order
constexpr uint8_t kTagHasMain = 3;           // 1 byte, 0 or 1
constexpr uint8_t kTagV8Flags = 4;           // string, informational
constexpr uint8_t kTagContextDataIndex = 5;  // u32
constexpr uint8_t kTagCommonJsModule = 6;     // string, repeated: CommonJS files loaded
constexpr uint8_t kTagOptionsHash = 7;        // u64
constexpr uint8_t kTagFileInput = 8;          // repeated: u8 kind, u64 hash, path
constexpr uint8_t kTagExtension = 9;          // repeated, in order: u32 version, u64 fingerprint, name
constexpr uint8_t kTagSources = 10;           // u64 length per source, in slot order
constexpr uint8_t kLastTag = kTagSources;
constexpr size_t kMaxExtensions = 1000;
constexpr size_t kMaxSources = 8192;  // the record stays within kMaxMetadataString
constexpr size_t kRecordHeaderSize = kU8Size + kU32Size;
constexpr size_t kMaxMetadataString = 64 << 10;
constexpr size_t kMaxModules = 100000;

constexpr absl::string_view kRejectReasonUrl = "toysnap/reject-reason";
constexpr absl::string_view kRebuildHint = "rebuild it with `toysnap build`";

// --- Little-endian bytes ---

uint64_t LoadLE(absl::string_view bytes, size_t offset, size_t width) {
  uint64_t value = 0;
  for (size_t i = width; i-- > 0;) {
    value = (value << 8) | static_cast<uint8_t>(bytes[offset + i]);
  }
  return value;
}
uint32_t LoadU32(absl::string_view bytes, size_t offset) {
  return static_cast<uint32_t>(LoadLE(bytes, offset, kU32Size));
}
uint64_t LoadU64(absl::string_view bytes, size_t offset) {
  return LoadLE(bytes, offset, kU64Size);
}
int32_t LoadI32(absl::string_view bytes, size_t offset) {
  uint32_t u = LoadU32(bytes, offset);
  // Two's complement without relying on implementation-defined narrowing.
  return u <= INT32_MAX ? static_cast<int32_t>(u)
                        : -static_cast<int32_t>(~u) - 1;
}

void StoreLE(std::string* out, size_t offset, uint64_t value, size_t width) {
  for (size_t i = 0; i < width; ++i) {
    (*out)[offset + i] = static_cast<char>((value >> (8 * i)) & 0xff);
  }
}
void AppendLE(std::string* out, uint64_t value, size_t width) {
  out->resize(out->size() + width);
  StoreLE(out, out->size() - width, value, width);
}

// --- Rejections ---

absl::StatusCode CodeFor(RejectReason reason) {
  switch (reason) {
    case RejectReason::kBadMagic:
      return absl::StatusCode::kInvalidArgument;
    case RejectReason::kUnsupportedFormat:
    case RejectReason::kBadCompression:
    case RejectReason::kToysnapVersionMismatch:
    case RejectReason::kV8VersionMismatch:
    case RejectReason::kV8FlagsMismatch:
    case RejectReason::kExternalRefsMismatch:
      return absl::StatusCode::kFailedPrecondition;
    default:
      return absl::StatusCode::kDataLoss;
  }
}

absl::Status Reject(RejectReason reason, absl::string_view detail) {
  absl::Status status(CodeFor(reason),
                      absl::StrCat("snapshot rejected (",
                                   RejectReasonName(reason), "): ", detail));
  status.SetPayload(kRejectReasonUrl, absl::Cord(RejectReasonName(reason)));
  return status;
}

absl::Status BadMetadata(absl::string_view detail) {
  return Reject(RejectReason::kBadMetadata,
                absl::StrCat("metadata is malformed: ", detail));
}

// Header strings are attacker-controlled; keep them printable in messages.
std::string Printable(absl::string_view s) { return absl::CHexEscape(s); }

// --- Header checks, in the order OpenContainer applies them ---

absl::Status CheckMinimumLength(absl::string_view file) {
  if (file.size() >= kHeaderSize) return absl::OkStatus();
  return Reject(
      RejectReason::kTruncated,
      absl::StrCat("file is ", file.size(), " bytes, shorter than the ",
                   kHeaderSize, "-byte header"));
}

// Compares what is there of the magic, so a short foreign file is called
// foreign rather than truncated.
absl::Status CheckMagic(absl::string_view file) {
  if (file.empty()) return Reject(RejectReason::kTruncated, "file is empty");
  absl::string_view prefix = file.substr(0, kMagicSize);
  if (prefix == kMagic.substr(0, prefix.size())) return absl::OkStatus();
  return Reject(RejectReason::kBadMagic, "not a toysnap snapshot");
}

absl::Status CheckFormat(absl::string_view file) {
  uint32_t version = LoadU32(file, kFormatVersionOffset);
  if (version != kContainerFormatVersion) {
    return Reject(RejectReason::kUnsupportedFormat,
                  absl::StrCat("container format version ", version,
                               "; this toysnap reads version ",
                               kContainerFormatVersion, ": ", kRebuildHint));
  }
  uint32_t header_size = LoadU32(file, kHeaderSizeOffset);
  if (header_size != kHeaderSize) {
    return Reject(
        RejectReason::kUnsupportedFormat,
        absl::StrCat("header size ", header_size, ", expected ", kHeaderSize));
  }
  return absl::OkStatus();
}

absl::Status CheckHeaderChecksum(absl::string_view file) {
  uint64_t want = LoadU64(file, kHeaderChecksumOffset);
  if (Checksum64(file.substr(0, kHeaderChecksumOffset)) != want) {
    return Reject(RejectReason::kHeaderChecksum, "header is damaged");
  }
  for (char c : file.substr(kReserved3Offset, kReserved3Size)) {
    if (c != 0) {
      return Reject(RejectReason::kHeaderChecksum,
                    "header is damaged (reserved bytes are not zero)");
    }
  }
  return absl::OkStatus();
}

std::string LoadVersionString(absl::string_view file, size_t offset) {
  absl::string_view field = file.substr(offset, kVersionStringSize);
  return std::string(field.substr(0, field.find('\0')));
}

// Only meaningful once the checks above have passed.
ContainerHeader DecodeHeader(absl::string_view file) {
  ContainerHeader h;
  h.format_version = LoadU32(file, kFormatVersionOffset);
  h.toolchain.toysnap_version = LoadVersionString(file, kToysnapVersionOffset);
  h.toolchain.v8_version = LoadVersionString(file, kV8VersionOffset);
  h.toolchain.v8_flags_fingerprint = LoadU64(file, kV8FlagsFingerprintOffset);
  h.toolchain.external_refs_fingerprint =
      LoadU64(file, kExternalRefsFingerprintOffset);
  // Any byte is a valid value of a uint8_t-based enum; CheckCompression vets
  // it.
  h.compression =
      static_cast<Compression>(static_cast<uint8_t>(file[kCompressionOffset]));
  h.compression_level = LoadI32(file, kCompressionLevelOffset);
  h.metadata_size = LoadU32(file, kMetadataSizeOffset);
  h.raw_size = LoadU64(file, kRawSizeOffset);
  h.stored_size = LoadU64(file, kStoredSizeOffset);
  h.body_checksum = LoadU64(file, kBodyChecksumOffset);
  h.header_checksum = LoadU64(file, kHeaderChecksumOffset);
  return h;
}

absl::Status CheckCompression(const ContainerHeader& h) {
  switch (h.compression) {
    case Compression::kNone:
    case Compression::kZstd:
      return absl::OkStatus();
  }
  return Reject(RejectReason::kBadCompression,
                absl::StrCat("unknown compression method ",
                             static_cast<int>(h.compression)));
}

absl::Status CheckRawSize(const ContainerHeader& h) {
  if (h.raw_size <= kMaxRawSize) return absl::OkStatus();
  return Reject(RejectReason::kTooLarge,
                absl::StrCat("blob would inflate to ", h.raw_size,
                             " bytes, over the limit of ", kMaxRawSize));
}

absl::Status CheckFileLength(absl::string_view file, const ContainerHeader& h) {
  // Compared piecewise: the sum of the header fields may overflow 64 bits.
  uint64_t body = file.size() - kHeaderSize;
  if (h.stored_size > body || h.metadata_size > body - h.stored_size) {
    return Reject(
        RejectReason::kTruncated,
        absl::StrCat("file is ", file.size(), " bytes, too short for its ",
                     h.metadata_size, " bytes of metadata and ", h.stored_size,
                     " bytes of payload"));
  }
  uint64_t want = kHeaderSize + h.metadata_size + h.stored_size;
  if (file.size() != want) {
    return Reject(RejectReason::kSizeMismatch,
                  absl::StrCat("file is ", file.size(),
                               " bytes but its header describes ", want));
  }
  return absl::OkStatus();
}

// Everything that can be verified from the header alone, plus the length.
absl::StatusOr<ContainerHeader> VerifyHeader(absl::string_view file) {
  RETURN_IF_ERROR(CheckMagic(file));
  RETURN_IF_ERROR(CheckMinimumLength(file));
  RETURN_IF_ERROR(CheckFormat(file));
  RETURN_IF_ERROR(CheckHeaderChecksum(file));
  ContainerHeader header = DecodeHeader(file);
  RETURN_IF_ERROR(CheckCompression(header));
  RETURN_IF_ERROR(CheckRawSize(header));
  RETURN_IF_ERROR(CheckFileLength(file, header));
  return header;
}

// --- Body ---

absl::string_view MetadataBytes(absl::string_view file,
                                const ContainerHeader& h) {
  return file.substr(kHeaderSize, h.metadata_size);
}
absl::string_view PayloadBytes(absl::string_view file,
                               const ContainerHeader& h) {
  return file.substr(kHeaderSize + h.metadata_size);
}

absl::Status CheckBodyChecksum(absl::string_view file,
                               const ContainerHeader& h) {
  if (Checksum64(file.substr(kHeaderSize)) == h.body_checksum) {
    return absl::OkStatus();
  }
  return Reject(RejectReason::kBodyChecksum,
                "file is damaged (checksum mismatch)");
}

absl::Status CheckPayloadSize(const ContainerHeader& h) {
  if (h.compression != Compression::kNone || h.stored_size == h.raw_size) {
    return absl::OkStatus();
  }
  return Reject(RejectReason::kSizeMismatch,
                absl::StrCat("uncompressed payload is ", h.stored_size,
                             " bytes but the blob should be ", h.raw_size));
}

// Also returns the sources record's lengths in `source_lengths`: the bytes
// are cut from the payload once it is inflated (SplitPayload).
absl::StatusOr<SnapshotMetadata> ParseMetadata(absl::string_view data,
                                               std::vector<uint64_t>* source_lengths) {
  SnapshotMetadata m;
  source_lengths->clear();
  bool seen[kLastTag + 1] = {};
  while (!data.empty()) {
    if (data.size() < kRecordHeaderSize) {
      return BadMetadata("record header runs past the end");
    }
    const uint8_t tag = static_cast<uint8_t>(data[0]);
    const uint32_t length = LoadU32(data, kU8Size);
    data.remove_prefix(kRecordHeaderSize);
    if (length > data.size()) {
      return BadMetadata(
          absl::StrCat("record with tag ", tag, " runs past the end"));
    }
    const absl::string_view value = data.substr(0, length);
    data.remove_prefix(length);
    // Unassigned (0) or from a newer writer: skip, for forward compatibility.
    if (tag == 0 || tag > kLastTag) continue;
    const bool repeated = tag == kTagModule || tag == kTagCommonJsModule ||
                          tag == kTagFileInput || tag == kTagExtension;
    if (!repeated) {
      if (seen[tag]) return BadMetadata(absl::StrCat("tag ", tag, " repeated"));
      seen[tag] = true;
    }
    const bool is_string = tag == kTagEntryModule || repeated || tag == kTagV8Flags;
    // A file input is 9 bytes of kind and hash, then a path.
    if (is_string && value.size() > kMaxMetadataString) {
      return BadMetadata(absl::StrCat("string with tag ", tag, " is ",
                                      value.size(), " bytes"));
    }
    switch (tag) {
      case kTagEntryModule:
        m.entry_module = std::string(value);
        break;
      case kTagModule:
        if (m.modules.size() == kMaxModules) {
          return BadMetadata(
              absl::StrCat("more than ", kMaxModules, " modules"));
        }
        m.modules.emplace_back(value);
        break;
      case kTagOptionsHash:
        if (value.size() != kU64Size) return BadMetadata("options hash is not 8 bytes");
        m.options_hash = LoadU64(value, 0);
        break;
      case kTagFileInput:
        if (value.size() < kU8Size + kU64Size || m.file_inputs.size() == kMaxModules * 4) {
          return BadMetadata("malformed file input record");
        }
        m.file_inputs.push_back({std::string(value.substr(kU8Size + kU64Size)),
                                 static_cast<uint8_t>(value[0]), LoadU64(value, kU8Size)});
        break;
      case kTagExtension:
        if (value.size() < kU32Size + kU64Size || m.extensions.size() == kMaxExtensions) {
          return BadMetadata("malformed extension record");
        }
        m.extensions.push_back({std::string(value.substr(kU32Size + kU64Size)),
                                LoadU32(value, 0), LoadU64(value, kU32Size)});
        break;
      case kTagCommonJsModule:
        if (m.commonjs_modules.size() == kMaxModules) {
          return BadMetadata(absl::StrCat("more than ", kMaxModules, " CommonJS modules"));
        }
        m.commonjs_modules.emplace_back(value);
        break;
      case kTagHasMain:
        if (value.size() != 1 || static_cast<uint8_t>(value[0]) > 1) {
          return BadMetadata("has_main is not a 0/1 byte");
        }
        m.has_main = value[0] == 1;
        break;
      case kTagV8Flags:
        m.v8_flags = std::string(value);
        break;
      case kTagContextDataIndex:
        if (value.size() != kU32Size) {
          return BadMetadata("context_data_index is not 4 bytes");
        }
        m.context_data_index = LoadU32(value, 0);
        break;
      case kTagSources: {
        if (value.size() % kU64Size != 0 || value.size() / kU64Size > kMaxSources) {
          return BadMetadata("sources record is not a list of at most 8192 lengths");
        }
        // Each length and the running sum stay within kMaxRawSize: no overflow.
        uint64_t total = 0;
        for (size_t at = 0; at < value.size(); at += kU64Size) {
          uint64_t length = LoadU64(value, at);
          if (length > kMaxRawSize - total) return BadMetadata("sources exceed the size limit");
          total += length;
          source_lengths->push_back(length);
        }
        break;
      }
    }
  }
  return m;
}

std::string DescribeToolchain(const Toolchain& t) {
  return absl::StrCat("toysnap ", Printable(t.toysnap_version), " with V8 ",
                      Printable(t.v8_version));
}

absl::Status CheckToolchain(const Toolchain& built, const Toolchain& expected) {
  const bool toysnap_differs =
      built.toysnap_version != expected.toysnap_version;
  if (toysnap_differs || built.v8_version != expected.v8_version) {
    return Reject(
        toysnap_differs ? RejectReason::kToysnapVersionMismatch
                        : RejectReason::kV8VersionMismatch,
        absl::StrCat("snapshot was built by ", DescribeToolchain(built),
                     "; this is ", DescribeToolchain(expected), ": ",
                     kRebuildHint));
  }
  if (built.v8_flags_fingerprint != expected.v8_flags_fingerprint) {
    return Reject(
        RejectReason::kV8FlagsMismatch,
        absl::StrFormat("snapshot was built with different V8 flags "
                        "(fingerprint 0x%016x; this toysnap uses 0x%016x): %s",
                        built.v8_flags_fingerprint,
                        expected.v8_flags_fingerprint, kRebuildHint));
  }
  if (built.external_refs_fingerprint != expected.external_refs_fingerprint) {
    return Reject(
        RejectReason::kExternalRefsMismatch,
        absl::StrFormat("snapshot was built against different native "
                        "functions (external references fingerprint 0x%016x; "
                        "this toysnap has 0x%016x): %s",
                        built.external_refs_fingerprint,
                        expected.external_refs_fingerprint, kRebuildHint));
  }
  return absl::OkStatus();
}

// The raw payload: the stored bytes when uncompressed (no copy), else their
// inflated bytes.
absl::StatusOr<SharedBytes> Inflate(const SharedBytes& file, const ContainerHeader& h) {
  RETURN_IF_ERROR(CheckPayloadSize(h));
  if (h.compression == Compression::kNone) {
    return file.Subrange(kHeaderSize + h.metadata_size, h.stored_size);
  }
  absl::StatusOr<std::string> blob = ZstdDecompress(PayloadBytes(file.view(), h), h.raw_size);
  if (!blob.ok()) {
    return Reject(RejectReason::kDecompressFailed, blob.status().message());
  }
  return SharedBytes(*std::move(blob));
}

uint64_t Total(const std::vector<uint64_t>& lengths) {
  uint64_t total = 0;
  for (uint64_t length : lengths) total += length;  // ParseMetadata capped the sum
  return total;
}

absl::Status CheckSourcesFit(const std::vector<uint64_t>& lengths, uint64_t raw_size) {
  if (Total(lengths) <= raw_size) return absl::OkStatus();
  return Reject(RejectReason::kSizeMismatch,
                absl::StrCat("its ", lengths.size(), " sources are ", Total(lengths),
                             " bytes, more than the ", raw_size, "-byte payload"));
}

// The blob is the payload less the sources at its end, which follow in slot
// order; all share the payload's bytes.
absl::Status SplitPayload(const SharedBytes& raw, const std::vector<uint64_t>& lengths,
                          OpenedContainer* out) {
  RETURN_IF_ERROR(CheckSourcesFit(lengths, raw.size()));
  size_t at = raw.size() - Total(lengths);
  out->blob = raw.Subrange(0, at);
  out->metadata.sources.clear();
  for (uint64_t length : lengths) {
    out->metadata.sources.push_back(raw.Subrange(at, length));
    at += length;
  }
  return absl::OkStatus();
}

// --- Encoding ---

absl::Status ValidateVersionString(absl::string_view name,
                                   absl::string_view value) {
  if (value.size() > kVersionStringSize) {
    return absl::InvalidArgumentError(
        absl::StrCat(name, " \"", Printable(value), "\" is longer than ",
                     kVersionStringSize, " bytes"));
  }
  for (char c : value) {
    if (c < 0x20 || c > 0x7e) {
      return absl::InvalidArgumentError(absl::StrCat(
          name, " \"", Printable(value), "\" is not printable ASCII"));
    }
  }
  return absl::OkStatus();
}

absl::Status AppendRecord(std::string* out, uint8_t tag,
                          absl::string_view value) {
  if (value.size() > kMaxMetadataString) {
    return absl::InvalidArgumentError(
        absl::StrCat("metadata string with tag ", tag, " is ", value.size(),
                     " bytes; the limit is ", kMaxMetadataString));
  }
  AppendLE(out, tag, kU8Size);
  AppendLE(out, value.size(), kU32Size);
  out->append(value.data(), value.size());
  return absl::OkStatus();
}

absl::StatusOr<std::string> EncodeMetadata(const SnapshotMetadata& m) {
  if (m.modules.size() > kMaxModules || m.commonjs_modules.size() > kMaxModules) {
    return absl::InvalidArgumentError(absl::StrCat(
        m.modules.size() + m.commonjs_modules.size(), " modules; the limit is ", kMaxModules));
  }
  // Every field is written, always in tag order, so output is reproducible.
  std::string out;
  RETURN_IF_ERROR(AppendRecord(&out, kTagEntryModule, m.entry_module));
  for (const std::string& module : m.modules) {
    RETURN_IF_ERROR(AppendRecord(&out, kTagModule, module));
  }
  RETURN_IF_ERROR(AppendRecord(
      &out, kTagHasMain, absl::string_view(m.has_main ? "\x01" : "\x00", 1)));
  RETURN_IF_ERROR(AppendRecord(&out, kTagV8Flags, m.v8_flags));
  std::string index;
  AppendLE(&index, m.context_data_index, kU32Size);
  RETURN_IF_ERROR(AppendRecord(&out, kTagContextDataIndex, index));
  for (const std::string& module : m.commonjs_modules) {
    RETURN_IF_ERROR(AppendRecord(&out, kTagCommonJsModule, module));
  }
  std::string options;
  AppendLE(&options, m.options_hash, kU64Size);
  RETURN_IF_ERROR(AppendRecord(&out, kTagOptionsHash, options));
  for (const FileInput& input : m.file_inputs) {
    std::string record;
    AppendLE(&record, static_cast<uint8_t>(input.kind), kU8Size);
    AppendLE(&record, input.content_hash, kU64Size);
    record.append(input.path);
    RETURN_IF_ERROR(AppendRecord(&out, kTagFileInput, record));
  }
  if (m.extensions.size() > kMaxExtensions) {
    return absl::InvalidArgumentError(absl::StrCat(m.extensions.size(), " extensions; the limit is ",
                                                   kMaxExtensions));
  }
  for (const ExtensionStamp& extension : m.extensions) {
    std::string record;
    AppendLE(&record, extension.version, kU32Size);
    AppendLE(&record, extension.fingerprint, kU64Size);
    record.append(extension.name);
    RETURN_IF_ERROR(AppendRecord(&out, kTagExtension, record));
  }
  if (m.sources.size() > kMaxSources) {
    return absl::InvalidArgumentError(
        absl::StrCat(m.sources.size(), " sources; the limit is ", kMaxSources));
  }
  if (!m.sources.empty()) {
    std::string lengths;
    for (const SharedBytes& source : m.sources) AppendLE(&lengths, source.size(), kU64Size);
    RETURN_IF_ERROR(AppendRecord(&out, kTagSources, lengths));
  }
  if (out.size() > UINT32_MAX) {
    return absl::InvalidArgumentError("metadata exceeds 4 GiB");
  }
  return out;
}

}  // namespace

absl::string_view RejectReasonName(RejectReason reason) {
  switch (reason) {
    case RejectReason::kNone:
      return "none";
    case RejectReason::kTruncated:
      return "truncated";
    case RejectReason::kBadMagic:
      return "bad-magic";
    case RejectReason::kUnsupportedFormat:
      return "unsupported-format";
    case RejectReason::kHeaderChecksum:
      return "header-checksum";
    case RejectReason::kToysnapVersionMismatch:
      return "toysnap-version-mismatch";
    case RejectReason::kV8VersionMismatch:
      return "v8-version-mismatch";
    case RejectReason::kV8FlagsMismatch:
      return "v8-flags-mismatch";
    case RejectReason::kExternalRefsMismatch:
      return "external-refs-mismatch";
    case RejectReason::kSizeMismatch:
      return "size-mismatch";
    case RejectReason::kBodyChecksum:
      return "body-checksum";
    case RejectReason::kBadMetadata:
      return "bad-metadata";
    case RejectReason::kBadCompression:
      return "bad-compression";
    case RejectReason::kDecompressFailed:
      return "decompress-failed";
    case RejectReason::kTooLarge:
      return "too-large";
  }
  return "unknown";
}

RejectReason GetRejectReason(const absl::Status& status) {
  absl::optional<absl::Cord> payload = status.GetPayload(kRejectReasonUrl);
  if (!payload.has_value()) return RejectReason::kNone;
  for (int i = 0; i <= static_cast<int>(RejectReason::kTooLarge); ++i) {
    RejectReason reason = static_cast<RejectReason>(i);
    if (*payload == RejectReasonName(reason)) return reason;
  }
  return RejectReason::kNone;
}

bool HasContainerMagic(absl::string_view file_prefix) {
  return file_prefix.substr(0, kMagicSize) == kMagic;
}

absl::StatusOr<std::string> EncodeContainer(const Toolchain& toolchain,
                                            const SnapshotMetadata& metadata,
                                            absl::string_view blob,
                                            const EncodeOptions& options) {
  RETURN_IF_ERROR(
      ValidateVersionString("toysnap_version", toolchain.toysnap_version));
  RETURN_IF_ERROR(ValidateVersionString("v8_version", toolchain.v8_version));
  uint64_t raw_size = blob.size();
  for (const SharedBytes& source : metadata.sources) raw_size += source.size();
  if (raw_size > kMaxRawSize) {
    return absl::InvalidArgumentError(absl::StrCat(
        "blob and sources are ", raw_size, " bytes; the limit is ", kMaxRawSize));
  }
  ASSIGN_OR_RETURN(std::string metadata_bytes, EncodeMetadata(metadata));

  // The raw payload: the blob, then the sources (copied only when there are).
  std::string joined;
  absl::string_view raw = blob;
  if (!metadata.sources.empty()) {
    joined.reserve(raw_size);
    joined.append(blob.data(), blob.size());
    for (const SharedBytes& source : metadata.sources) joined.append(source.data(), source.size());
    raw = joined;
  }
  std::string compressed;  // Owns the payload when it is compressed.
  absl::string_view payload = raw;
  int32_t level = 0;
  switch (options.compression) {
    case Compression::kNone:
      break;
    case Compression::kZstd: {
      ASSIGN_OR_RETURN(compressed, ZstdCompress(raw, options.level));
      payload = compressed;
      level = options.level;
      break;
    }
    default:
      return absl::InvalidArgumentError(
          absl::StrCat("unknown compression method ",
                       static_cast<int>(options.compression)));
  }

  std::string out;
  out.reserve(kHeaderSize + metadata_bytes.size() + payload.size());
  out.resize(kHeaderSize, '\0');  // Reserved bytes stay zero.
  out += metadata_bytes;
  out.append(payload.data(), payload.size());

  out.replace(kMagicOffset, kMagicSize, kMagic.data(), kMagicSize);
  StoreLE(&out, kFormatVersionOffset, kContainerFormatVersion, kU32Size);
  StoreLE(&out, kHeaderSizeOffset, kHeaderSize, kU32Size);
  out.replace(kToysnapVersionOffset, toolchain.toysnap_version.size(),
              toolchain.toysnap_version);
  out.replace(kV8VersionOffset, toolchain.v8_version.size(),
              toolchain.v8_version);
  StoreLE(&out, kV8FlagsFingerprintOffset, toolchain.v8_flags_fingerprint,
          kU64Size);
  StoreLE(&out, kExternalRefsFingerprintOffset,
          toolchain.external_refs_fingerprint, kU64Size);
  StoreLE(&out, kCompressionOffset, static_cast<uint8_t>(options.compression),
          kU8Size);
  StoreLE(&out, kCompressionLevelOffset, static_cast<uint32_t>(level),
          kU32Size);
  StoreLE(&out, kMetadataSizeOffset, metadata_bytes.size(), kU32Size);
  StoreLE(&out, kRawSizeOffset, raw.size(), kU64Size);
  StoreLE(&out, kStoredSizeOffset, payload.size(), kU64Size);
  StoreLE(&out, kBodyChecksumOffset,
          Checksum64(absl::string_view(out).substr(kHeaderSize)), kU64Size);
  StoreLE(&out, kHeaderChecksumOffset,
          Checksum64(absl::string_view(out).substr(0, kHeaderChecksumOffset)),
          kU64Size);
  return out;
}

absl::StatusOr<InspectedContainer> InspectContainer(absl::string_view file,
                                                    const Toolchain& expected) {
  InspectedContainer out;
  ASSIGN_OR_RETURN(out.header, VerifyHeader(file));
  // Body problems are reported, not returned, so `info` can still show the
  // header; the metadata is shown whenever it parses.
  out.body_status = CheckBodyChecksum(file, out.header);
  absl::StatusOr<SnapshotMetadata> metadata =
      ParseMetadata(MetadataBytes(file, out.header), &out.source_lengths);
  if (metadata.ok()) {
    out.metadata = *std::move(metadata);
  } else if (out.body_status.ok()) {
    out.body_status = metadata.status();
  }
  if (out.body_status.ok()) out.body_status = CheckPayloadSize(out.header);
  if (out.body_status.ok()) {
    out.body_status = CheckSourcesFit(out.source_lengths, out.header.raw_size);
  }
  out.compatibility_status = CheckToolchain(out.header.toolchain, expected);
  return out;
}

absl::StatusOr<OpenedContainer> OpenContainer(const SharedBytes& file,
                                              const Toolchain& expected) {
  OpenedContainer out;
  ASSIGN_OR_RETURN(out.header, VerifyHeader(file.view()));
  RETURN_IF_ERROR(CheckBodyChecksum(file.view(), out.header));
  std::vector<uint64_t> source_lengths;
  ASSIGN_OR_RETURN(out.metadata,
                   ParseMetadata(MetadataBytes(file.view(), out.header), &source_lengths));
  RETURN_IF_ERROR(CheckToolchain(out.header.toolchain, expected));
  RETURN_IF_ERROR(CheckSourcesFit(source_lengths, out.header.raw_size));
  ASSIGN_OR_RETURN(SharedBytes raw, Inflate(file, out.header));
  RETURN_IF_ERROR(SplitPayload(raw, source_lengths, &out));
  return out;
}

absl::StatusOr<OpenedContainer> OpenContainer(absl::string_view file,
                                              const Toolchain& expected) {
  return OpenContainer(SharedBytes(std::string(file)), expected);
}

}  // namespace toysnap
