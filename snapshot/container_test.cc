// Tests for container.h: round trips, the byte layout, and that every kind of
// damaged or foreign file is rejected with its named reason and never crashes.
#include "snapshot/container.h"

#include <sys/resource.h>

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "snapshot/base/checksum.h"

namespace toysnap {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

// --- The v2 header layout (v1's), restated from the spec's table ---
// Deliberately literal numbers, independent of container.cc's constants, so a
// drift in the implementation fails here instead of moving along with it.

constexpr size_t kMagicOffset = 0;
constexpr size_t kFormatVersionOffset = 8;
constexpr size_t kHeaderSizeOffset = 12;
constexpr size_t kToysnapVersionOffset = 16;
constexpr size_t kV8VersionOffset = 48;
constexpr size_t kVersionFieldSize = 32;
constexpr size_t kV8FlagsFingerprintOffset = 80;
constexpr size_t kExternalRefsFingerprintOffset = 88;
constexpr size_t kCompressionOffset = 96;
constexpr size_t kReserved1Offset = 97;
constexpr size_t kReserved1Size = 3;
constexpr size_t kCompressionLevelOffset = 100;
constexpr size_t kMetadataSizeOffset = 104;
constexpr size_t kReserved2Offset = 108;
constexpr size_t kReserved2Size = 4;
constexpr size_t kRawSizeOffset = 112;
constexpr size_t kStoredSizeOffset = 120;
constexpr size_t kBodyChecksumOffset = 128;
constexpr size_t kHeaderChecksumOffset = 136;
constexpr size_t kReserved3Offset = 144;
constexpr size_t kReserved3Size = 16;
constexpr size_t kHeaderSize = 160;  // Metadata starts here.
constexpr size_t kRecordHeaderSize = 5;  // u8 tag, u32 length.
static_assert(kHeaderSize == kContainerHeaderSize, "public constant drifted");

// --- Helpers ---

Toolchain TestToolchain() {
  Toolchain t;
  t.toysnap_version = "0.1.0";
  t.v8_version = "10.2.154.26-node.37";  // 19 bytes, as in Node 18.
  t.v8_flags_fingerprint = 0x0123456789abcdefull;
  t.external_refs_fingerprint = 0xfedcba9876543210ull;
  return t;
}

SnapshotMetadata TestMetadata() {
  SnapshotMetadata m;
  m.entry_module = "main.js";
  m.modules = {"lib/a.js", "lib/b.js", "main.js"};
  m.has_main = true;
  m.v8_flags = "--no-lazy --max-old-space-size=64";
  m.context_data_index = 7;
  m.extensions = {{"core", 1, 0x1111222233334444ull}, {"web", 3, 0x5555666677778888ull}};
  return m;
}

void ExpectSameMetadata(const SnapshotMetadata& a, const SnapshotMetadata& b) {
  EXPECT_EQ(a.entry_module, b.entry_module);
  EXPECT_EQ(a.modules, b.modules);
  EXPECT_EQ(a.has_main, b.has_main);
  EXPECT_EQ(a.v8_flags, b.v8_flags);
  EXPECT_EQ(a.context_data_index, b.context_data_index);
  EXPECT_EQ(a.commonjs_modules, b.commonjs_modules);
  EXPECT_EQ(a.options_hash, b.options_hash);
  ASSERT_EQ(a.file_inputs.size(), b.file_inputs.size());
  for (size_t i = 0; i < a.file_inputs.size(); ++i) {
    EXPECT_EQ(a.file_inputs[i].path, b.file_inputs[i].path);
    EXPECT_EQ(a.file_inputs[i].kind, b.file_inputs[i].kind);
    EXPECT_EQ(a.file_inputs[i].content_hash, b.file_inputs[i].content_hash);
  }
  ASSERT_EQ(a.extensions.size(), b.extensions.size());
  for (size_t i = 0; i < a.extensions.size(); ++i) {
    EXPECT_EQ(a.extensions[i].name, b.extensions[i].name);
    EXPECT_EQ(a.extensions[i].version, b.extensions[i].version);
    EXPECT_EQ(a.extensions[i].fingerprint, b.extensions[i].fingerprint);
  }
}

// Compressible text interleaved with noise, like a real heap image.
std::string StructuredBlob(size_t size) {
  std::string s;
  s.reserve(size + 64);
  uint32_t x = 12345;
  while (s.size() < size) {
    x = x * 1664525u + 1013904223u;
    if ((x >> 29) == 0) {
      for (int i = 0; i < 16; ++i)
        s.push_back(static_cast<char>(x >> (i % 4 * 8)));
    } else {
      absl::StrAppend(&s, "object#", x % 1000, ";map=", (x >> 8) % 64, "|");
    }
  }
  s.resize(size);
  return s;
}

std::string Encode(absl::string_view blob, Compression c = Compression::kZstd,
                   const SnapshotMetadata& m = TestMetadata()) {
  EncodeOptions options;
  options.compression = c;
  absl::StatusOr<std::string> file =
      EncodeContainer(TestToolchain(), m, blob, options);
  EXPECT_TRUE(file.ok()) << file.status();
  return file.value_or("");
}

uint64_t GetLE(absl::string_view s, size_t offset, size_t width) {
  uint64_t v = 0;
  for (size_t i = 0; i < width; ++i) {
    v |= uint64_t{static_cast<uint8_t>(s[offset + i])} << (8 * i);
  }
  return v;
}

void SetLE(std::string* s, size_t offset, uint64_t v, size_t width) {
  for (size_t i = 0; i < width; ++i)
    (*s)[offset + i] = static_cast<char>(v >> (8 * i));
}

void FixHeaderChecksum(std::string* file) {
  SetLE(file, kHeaderChecksumOffset,
        Checksum64(absl::string_view(*file).substr(0, kHeaderChecksumOffset)),
        8);
}

// Rebuilds a file from a header and new body parts, fixing both sizes and both
// checksums, so exactly the check a test aims at fires.
std::string Reassemble(absl::string_view file, absl::string_view metadata,
                       absl::string_view payload) {
  std::string out =
      absl::StrCat(file.substr(0, kHeaderSize), metadata, payload);
  SetLE(&out, kMetadataSizeOffset, metadata.size(), 4);
  SetLE(&out, kStoredSizeOffset, payload.size(), 8);
  SetLE(&out, kBodyChecksumOffset,
        Checksum64(absl::string_view(out).substr(kHeaderSize)), 8);
  FixHeaderChecksum(&out);
  return out;
}

absl::string_view MetadataOf(absl::string_view file) {
  return file.substr(kHeaderSize, GetLE(file, kMetadataSizeOffset, 4));
}
absl::string_view PayloadOf(absl::string_view file) {
  return file.substr(kHeaderSize + GetLE(file, kMetadataSizeOffset, 4));
}

std::string Record(uint8_t tag, absl::string_view value) {
  std::string r(kRecordHeaderSize, '\0');
  r[0] = static_cast<char>(tag);
  SetLE(&r, 1, value.size(), 4);
  return absl::StrCat(r, value);
}

// A zstd frame header claiming `declared` bytes, then one empty raw block.
std::string FrameDeclaring(uint64_t declared) {
  std::string f = {'\x28', '\xb5', '\x2f', '\xfd', '\xe0'};
  for (int i = 0; i < 8; ++i)
    f.push_back(static_cast<char>(declared >> (8 * i)));
  return f + std::string("\x01\x00\x00", 3);
}

absl::Status Open(absl::string_view file,
                  const Toolchain& t = TestToolchain()) {
  return OpenContainer(file, t).status();
}

RejectReason ReasonOf(absl::string_view file,
                      const Toolchain& t = TestToolchain()) {
  absl::Status s = Open(file, t);
  EXPECT_FALSE(s.ok());
  EXPECT_THAT(std::string(s.message()), StartsWith("snapshot rejected ("));
  return GetRejectReason(s);
}

const std::string& SmallBlob() {
  static const auto* blob = new std::string(
      "hello snapshot hello snapshot hello snapshot \x01\x02\x03");
  return *blob;
}

// --- Round trips ---

// `run` maps the file: an uncompressed blob must be those bytes, not a copy.
TEST(ContainerTest, UncompressedBlobSharesTheFileBytes) {
  const std::string blob = StructuredBlob(1 << 20);
  SharedBytes file(Encode(blob, Compression::kNone));
  absl::StatusOr<OpenedContainer> opened = OpenContainer(file, TestToolchain());
  ASSERT_TRUE(opened.ok()) << opened.status();
  EXPECT_TRUE(opened->blob.view() == blob);
  EXPECT_GE(opened->blob.data(), file.data());
  EXPECT_EQ(opened->blob.data() + opened->blob.size(), file.data() + file.size());
}

TEST(ContainerTest, RoundTripBothCompressions) {
  const std::string blob = StructuredBlob(5 << 20);
  for (Compression c : {Compression::kZstd, Compression::kNone}) {
    std::string file = Encode(blob, c);
    absl::StatusOr<OpenedContainer> opened =
        OpenContainer(file, TestToolchain());
    ASSERT_TRUE(opened.ok()) << opened.status();
    EXPECT_TRUE(opened->blob.view() == blob);
    ExpectSameMetadata(opened->metadata, TestMetadata());
    EXPECT_EQ(opened->header.compression, c);
    EXPECT_EQ(opened->header.raw_size, blob.size());
    EXPECT_EQ(opened->header.toolchain.v8_version, "10.2.154.26-node.37");
    if (c == Compression::kZstd) {
      EXPECT_LT(opened->header.stored_size, blob.size() / 2);
      EXPECT_EQ(opened->header.compression_level, 3);
    } else {
      EXPECT_EQ(opened->header.stored_size, blob.size());
      EXPECT_EQ(opened->header.compression_level, 0);
    }
  }
}

TEST(ContainerTest, RoundTripEmptyBlobAndEmptyMetadata) {
  for (Compression c : {Compression::kZstd, Compression::kNone}) {
    std::string file = Encode("", c, SnapshotMetadata());
    absl::StatusOr<OpenedContainer> opened =
        OpenContainer(file, TestToolchain());
    ASSERT_TRUE(opened.ok()) << opened.status();
    EXPECT_EQ(opened->blob.view(), "");
    ExpectSameMetadata(opened->metadata, SnapshotMetadata());
  }
}

SnapshotMetadata WithSources() {
  SnapshotMetadata m = TestMetadata();
  m.sources = {SharedBytes(StructuredBlob(70000)), SharedBytes(std::string()),
               SharedBytes(std::string("function f() { return 'second'; }"))};
  return m;
}

TEST(ContainerTest, SourcesRoundTripAfterTheBlob) {
  const SnapshotMetadata m = WithSources();
  const std::string blob = StructuredBlob(1 << 20);
  for (Compression c : {Compression::kZstd, Compression::kNone}) {
    SharedBytes file(Encode(blob, c, m));
    absl::StatusOr<OpenedContainer> opened = OpenContainer(file, TestToolchain());
    ASSERT_TRUE(opened.ok()) << opened.status();
    EXPECT_TRUE(opened->blob.view() == blob);
    ExpectSameMetadata(opened->metadata, m);
    ASSERT_EQ(opened->metadata.sources.size(), 3u);
    for (size_t i = 0; i < 3; ++i) {
      EXPECT_TRUE(opened->metadata.sources[i].view() == m.sources[i].view()) << i;
    }
    EXPECT_EQ(opened->header.raw_size, blob.size() + 70000 + 0 + 33);
    if (c == Compression::kNone) {
      // Mapped file: the sources are its last bytes, in place, in slot order.
      const SharedBytes& last = opened->metadata.sources[2];
      EXPECT_EQ(last.data() + last.size(), file.data() + file.size());
      EXPECT_EQ(opened->metadata.sources[0].data(), opened->blob.data() + blob.size());
    }
    absl::StatusOr<InspectedContainer> inspected = InspectContainer(file.view(), TestToolchain());
    ASSERT_TRUE(inspected.ok()) << inspected.status();
    EXPECT_TRUE(inspected->body_status.ok()) << inspected->body_status;
    EXPECT_EQ(inspected->source_lengths, (std::vector<uint64_t>{70000, 0, 33}));
  }
  // Without sources a file has no sources record at all.
  EXPECT_TRUE(Encode(blob, Compression::kNone) == Encode(blob, Compression::kNone));
  EXPECT_TRUE(Encode(blob, Compression::kNone, m) == Encode(blob, Compression::kNone, m));
}

// The sources record is metadata like any other, but the bytes it describes
// must be in the payload, and damage to either is a rejection, not a crash.
TEST(ContainerTest, DamagedSourcesAreRejected) {
  const std::string file = Encode(SmallBlob(), Compression::kNone, WithSources());
  const uint64_t raw = GetLE(file, kRawSizeOffset, 8);
  auto with_lengths = [&](std::vector<uint64_t> lengths) {
    std::string value;
    for (uint64_t length : lengths) {
      std::string le(8, '\0');
      SetLE(&le, 0, length, 8);
      value += le;
    }
    SnapshotMetadata plain = TestMetadata();
    std::string metadata = absl::StrCat(MetadataOf(Encode(SmallBlob(), Compression::kNone, plain)),
                                        Record(10, value));
    return Reassemble(file, metadata, PayloadOf(file));
  };
  EXPECT_TRUE(Open(with_lengths({70000, 0, 33})).ok());
  EXPECT_EQ(ReasonOf(with_lengths({raw + 1})), RejectReason::kSizeMismatch);
  EXPECT_EQ(ReasonOf(with_lengths({raw, 1})), RejectReason::kSizeMismatch);
  EXPECT_EQ(ReasonOf(with_lengths({kMaxRawSize, kMaxRawSize})), RejectReason::kBadMetadata);
  EXPECT_EQ(ReasonOf(with_lengths({~0ull})), RejectReason::kBadMetadata);
  std::string odd = Reassemble(file, absl::StrCat(MetadataOf(file), Record(10, "1234567")),
                               PayloadOf(file));
  EXPECT_EQ(ReasonOf(odd), RejectReason::kBadMetadata);  // and a repeated record
  // Cut anywhere, the file is truncated; a flipped bit anywhere is caught.
  for (size_t len = 0; len < file.size(); len += 997) {
    EXPECT_EQ(ReasonOf(absl::string_view(file).substr(0, len)), RejectReason::kTruncated) << len;
  }
  for (size_t i = kHeaderSize; i < file.size(); i += 4099) {
    std::string bad = file;
    bad[i] ^= 4;
    EXPECT_NE(ReasonOf(bad), RejectReason::kNone) << i;
  }
}

TEST(ContainerTest, EncodeRefusesTooManySources) {
  SnapshotMetadata m = TestMetadata();
  m.sources.assign(8193, SharedBytes(std::string("x")));
  EncodeOptions options;
  EXPECT_EQ(EncodeContainer(TestToolchain(), m, SmallBlob(), options).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(ContainerTest, MetadataRoundTripSkipsUnknownTags) {
  SnapshotMetadata m = TestMetadata();
  m.has_main = false;
  m.context_data_index = 0xdeadbeef;
  m.entry_module = std::string(64 << 10, 'e');  // At the cap.
  for (int i = 0; i < 1000; ++i)
    m.modules.push_back(absl::StrCat("m", i, ".js"));
  m.commonjs_modules = {"/app/node_modules/a/index.js", "/app/b.cjs"};
  m.options_hash = 0x0123456789abcdefull;
  m.file_inputs = {{"/app/main.js", 1, 42}, {"/app/node_modules/x", 0, 0}, {"/app/d", 2, 0}};
  std::string file = Encode(SmallBlob(), Compression::kZstd, m);
  ExpectSameMetadata(OpenContainer(file, TestToolchain())->metadata, m);

  // A newer writer's records, before, between and after known ones.
  std::string metadata = absl::StrCat(Record(200, "future"), Record(0, ""),
                                      MetadataOf(file), Record(77, "x"));
  std::string extended = Reassemble(file, metadata, PayloadOf(file));
  absl::StatusOr<OpenedContainer> opened =
      OpenContainer(extended, TestToolchain());
  ASSERT_TRUE(opened.ok()) << opened.status();
  ExpectSameMetadata(opened->metadata, m);
  EXPECT_EQ(opened->blob.view(), SmallBlob());
}

TEST(ContainerTest, OutputIsDeterministic) {
  const std::string blob = StructuredBlob(1 << 20);
  EXPECT_TRUE(Encode(blob) == Encode(blob));
  EXPECT_TRUE(Encode(blob, Compression::kNone) ==
              Encode(blob, Compression::kNone));
}

// --- The byte layout ---

TEST(ContainerTest, GoldenHeaderLayout) {
  const std::string file = Encode(SmallBlob());
  const absl::string_view f = file;
  ASSERT_GE(f.size(), kHeaderSize);
  EXPECT_EQ(f.substr(kMagicOffset, 8),
            absl::string_view("\x54\x4f\x59\x53\x4e\x41\x50\x1a", 8));
  EXPECT_EQ(GetLE(f, kFormatVersionOffset, 4), 2u);
  EXPECT_EQ(GetLE(f, kHeaderSizeOffset, 4), 160u);
  EXPECT_EQ(f.substr(kToysnapVersionOffset, kVersionFieldSize),
            absl::StrCat("0.1.0", std::string(27, '\0')));
  // The real V8 version string, longer than 16 bytes, fits with NUL padding.
  EXPECT_EQ(f.substr(kV8VersionOffset, kVersionFieldSize),
            absl::StrCat("10.2.154.26-node.37", std::string(13, '\0')));
  EXPECT_EQ(f.substr(kV8FlagsFingerprintOffset, 8),
            absl::string_view("\xef\xcd\xab\x89\x67\x45\x23\x01", 8));
  EXPECT_EQ(GetLE(f, kExternalRefsFingerprintOffset, 8),
            0xfedcba9876543210ull);
  EXPECT_EQ(f[kCompressionOffset], 1);  // zstd
  EXPECT_EQ(f.substr(kReserved1Offset, kReserved1Size),
            std::string(kReserved1Size, '\0'));
  EXPECT_EQ(GetLE(f, kCompressionLevelOffset, 4), 3u);
  const uint64_t metadata_size = GetLE(f, kMetadataSizeOffset, 4);
  EXPECT_EQ(f.substr(kReserved2Offset, kReserved2Size),
            std::string(kReserved2Size, '\0'));
  EXPECT_EQ(GetLE(f, kRawSizeOffset, 8), SmallBlob().size());
  const uint64_t stored_size = GetLE(f, kStoredSizeOffset, 8);
  EXPECT_EQ(GetLE(f, kBodyChecksumOffset, 8),
            Checksum64(f.substr(kHeaderSize)));
  EXPECT_EQ(GetLE(f, kHeaderChecksumOffset, 8),
            Checksum64(f.substr(0, kHeaderChecksumOffset)));
  EXPECT_EQ(f.substr(kReserved3Offset, kReserved3Size),
            std::string(kReserved3Size, '\0'));
  EXPECT_EQ(kReserved3Offset + kReserved3Size, kHeaderSize);
  EXPECT_EQ(f.size(), kHeaderSize + metadata_size + stored_size);
  // Metadata starts with the entry_module record, then the modules in order.
  const size_t first_record_size = kRecordHeaderSize + 7;
  EXPECT_EQ(f.substr(kHeaderSize, first_record_size), Record(1, "main.js"));
  EXPECT_EQ(f.substr(kHeaderSize + first_record_size, kRecordHeaderSize + 8),
            Record(2, "lib/a.js"));

  const std::string plain = Encode(SmallBlob(), Compression::kNone);
  EXPECT_EQ(plain[kCompressionOffset], 0);
  EXPECT_EQ(GetLE(plain, kCompressionLevelOffset, 4), 0u);
  EXPECT_EQ(PayloadOf(plain), SmallBlob());
  EXPECT_TRUE(HasContainerMagic(plain));
  EXPECT_FALSE(HasContainerMagic("TOYSNAP"));
  EXPECT_FALSE(
      HasContainerMagic("\x7f"
                        "ELF\x02\x01\x01\x00"));
}

// --- Every rejection reason ---

TEST(ContainerTest, ReasonNamesRoundTripThroughStatus) {
  EXPECT_EQ(GetRejectReason(absl::OkStatus()), RejectReason::kNone);
  EXPECT_EQ(GetRejectReason(absl::DataLossError("x")), RejectReason::kNone);
  EXPECT_EQ(RejectReasonName(RejectReason::kBadMagic), "bad-magic");
}

TEST(ContainerTest, Truncated) {
  const std::string file = Encode(SmallBlob());
  EXPECT_EQ(ReasonOf(""), RejectReason::kTruncated);
  EXPECT_EQ(ReasonOf(file.substr(0, kHeaderSize - 1)), RejectReason::kTruncated);
  EXPECT_EQ(ReasonOf(file.substr(0, file.size() - 1)),
            RejectReason::kTruncated);
  EXPECT_EQ(Open(file.substr(0, 10)).code(), absl::StatusCode::kDataLoss);
  // Sizes whose sum overflows 64 bits must not wrap around to "fits".
  std::string huge = file;
  SetLE(&huge, kStoredSizeOffset, ~uint64_t{0} - 100, 8);
  FixHeaderChecksum(&huge);
  EXPECT_EQ(ReasonOf(huge), RejectReason::kTruncated);
}

TEST(ContainerTest, BadMagic) {
  std::string file = Encode(SmallBlob());
  file[3] = 'X';
  absl::Status s = Open(file);
  EXPECT_EQ(GetRejectReason(s), RejectReason::kBadMagic);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(),
            "snapshot rejected (bad-magic): not a toysnap snapshot");
  EXPECT_EQ(ReasonOf(std::string(2 * kHeaderSize, 'a')),
            RejectReason::kBadMagic);
}

TEST(ContainerTest, UnsupportedFormat) {
  // v1's payload had no sources, but a v1 reader would take v2's for blob.
  for (uint64_t version : {1, 3}) {
    std::string other = Encode(SmallBlob());
    SetLE(&other, kFormatVersionOffset, version, 4);
    FixHeaderChecksum(&other);
    EXPECT_EQ(ReasonOf(other), RejectReason::kUnsupportedFormat);
    EXPECT_EQ(Open(other).code(), absl::StatusCode::kFailedPrecondition);
  }
  std::string big_header = Encode(SmallBlob());
  SetLE(&big_header, kHeaderSizeOffset, 256, 4);
  FixHeaderChecksum(&big_header);
  EXPECT_EQ(ReasonOf(big_header), RejectReason::kUnsupportedFormat);
}

TEST(ContainerTest, HeaderChecksum) {
  std::string file = Encode(SmallBlob());
  file[kToysnapVersionOffset + 4] ^= 1;  // Checksum not fixed.
  absl::Status s = Open(file);
  EXPECT_EQ(GetRejectReason(s), RejectReason::kHeaderChecksum);
  EXPECT_EQ(s.code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(std::string(s.message()), HasSubstr("header is damaged"));
  // Reserved bytes outside the checksummed range must still be zero.
  std::string reserved = Encode(SmallBlob());
  reserved[kReserved3Offset + 8] = 1;
  EXPECT_EQ(ReasonOf(reserved), RejectReason::kHeaderChecksum);
}

TEST(ContainerTest, BadCompression) {
  std::string file = Encode(SmallBlob());
  file[kCompressionOffset] = 7;
  FixHeaderChecksum(&file);
  EXPECT_EQ(ReasonOf(file), RejectReason::kBadCompression);
}

TEST(ContainerTest, TooLarge) {
  std::string file = Encode(SmallBlob());
  SetLE(&file, kRawSizeOffset, kMaxRawSize + 1, 8);
  FixHeaderChecksum(&file);
  EXPECT_EQ(ReasonOf(file), RejectReason::kTooLarge);
}

TEST(ContainerTest, SizeMismatch) {
  const std::string file = Encode(SmallBlob());
  EXPECT_EQ(ReasonOf(file + "x"), RejectReason::kSizeMismatch);
  std::string plain = Encode(SmallBlob(), Compression::kNone);
  // raw_size != stored_size.
  SetLE(&plain, kRawSizeOffset, SmallBlob().size() + 1, 8);
  FixHeaderChecksum(&plain);
  EXPECT_EQ(ReasonOf(plain), RejectReason::kSizeMismatch);
}

TEST(ContainerTest, BodyChecksum) {
  std::string file = Encode(SmallBlob());
  file[file.size() - 3] ^= 0x10;  // A payload bit.
  absl::Status s = Open(file);
  EXPECT_EQ(GetRejectReason(s), RejectReason::kBodyChecksum);
  EXPECT_EQ(s.message(),
            "snapshot rejected (body-checksum): file is damaged (checksum "
            "mismatch)");
}

TEST(ContainerTest, BadMetadata) {
  const std::string file = Encode(SmallBlob());
  const std::string bad_metadata[] = {
      Record(1, "main.js").substr(0, 8),  // Record runs past the end.
      Record(1, "main.js").substr(0, 3),  // Record header cut short.
      Record(3, std::string("\x02", 1)),  // has_main not 0/1.
      Record(3, ""),                      // has_main missing its byte.
      Record(5, "abc"),                   // context index not 4 bytes.
      Record(1, "a") + Record(1, "b"),    // entry_module twice.
      Record(2, std::string((64 << 10) + 1, 'm')),  // Over the string cap.
      Record(99, "x").substr(0, 5),  // Unknown tag still bounded.
  };
  for (const std::string& metadata : bad_metadata) {
    EXPECT_EQ(ReasonOf(Reassemble(file, metadata, PayloadOf(file))),
              RejectReason::kBadMetadata)
        << absl::CHexEscape(metadata.substr(0, 16));
  }
}

TEST(ContainerTest, TooManyModulesIsBadMetadata) {
  const std::string file = Encode(SmallBlob());
  std::string metadata;
  for (int i = 0; i < 100001; ++i) metadata += Record(2, "");
  EXPECT_EQ(ReasonOf(Reassemble(file, metadata, PayloadOf(file))),
            RejectReason::kBadMetadata);
}

TEST(ContainerTest, ToolchainMismatches) {
  const std::string file = Encode(SmallBlob());
  Toolchain newer = TestToolchain();
  newer.toysnap_version = "0.2.0";
  absl::Status s = Open(file, newer);
  EXPECT_EQ(GetRejectReason(s), RejectReason::kToysnapVersionMismatch);
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(s.message(),
            "snapshot rejected (toysnap-version-mismatch): snapshot was built "
            "by toysnap 0.1.0 with V8 10.2.154.26-node.37; this is toysnap "
            "0.2.0 with V8 10.2.154.26-node.37: rebuild it with `toysnap "
            "build`");

  Toolchain other_v8 = TestToolchain();
  other_v8.v8_version = "11.3.244.8";
  EXPECT_EQ(ReasonOf(file, other_v8), RejectReason::kV8VersionMismatch);

  Toolchain other_flags = TestToolchain();
  other_flags.v8_flags_fingerprint ^= 1;
  EXPECT_EQ(ReasonOf(file, other_flags), RejectReason::kV8FlagsMismatch);

  Toolchain other_refs = TestToolchain();
  other_refs.external_refs_fingerprint ^= 1;
  EXPECT_EQ(ReasonOf(file, other_refs), RejectReason::kExternalRefsMismatch);
  EXPECT_THAT(std::string(Open(file, other_refs).message()),
              HasSubstr("toysnap build"));
}

TEST(ContainerTest, DecompressFailed) {
  const std::string file = Encode(SmallBlob());
  EXPECT_EQ(ReasonOf(Reassemble(file, MetadataOf(file), "not a zstd frame")),
            RejectReason::kDecompressFailed);
  std::string wrong_size = file;  // Frame is fine, raw_size disagrees.
  SetLE(&wrong_size, kRawSizeOffset, SmallBlob().size() - 1, 8);
  FixHeaderChecksum(&wrong_size);
  EXPECT_EQ(ReasonOf(wrong_size), RejectReason::kDecompressFailed);
}

TEST(ContainerTest, HugeDeclaredFrameIsRefusedWithoutAllocating) {
  const std::string file = Encode(SmallBlob());
  std::string liar =
      Reassemble(file, MetadataOf(file), FrameDeclaring(1ull << 40));
  // The most the header may claim.
  SetLE(&liar, kRawSizeOffset, kMaxRawSize, 8);
  FixHeaderChecksum(&liar);
  EXPECT_EQ(ReasonOf(liar), RejectReason::kDecompressFailed);
  SetLE(&liar, kRawSizeOffset, 1ull << 40, 8);
  FixHeaderChecksum(&liar);
  EXPECT_EQ(ReasonOf(liar), RejectReason::kTooLarge);
}

// Found by tools/fuzz: a frame declaring exactly what the header allows made
// OpenContainer allocate and zero kMaxRawSize (2 GiB) for a ~200-byte file.
// Now the frame's blocks must be able to produce raw_size before any buffer
// is allocated (seed snapshot/fuzz_corpus/regress_container_declares_2gib).
TEST(ContainerTest, FrameDeclaringTheMaximumIsRefusedWithoutAllocating) {
  const std::string file = Encode(SmallBlob());
  std::string liar = Reassemble(file, MetadataOf(file), FrameDeclaring(kMaxRawSize));
  SetLE(&liar, kRawSizeOffset, kMaxRawSize, 8);
  FixHeaderChecksum(&liar);
  struct rusage before, after;
  getrusage(RUSAGE_SELF, &before);
  absl::Status s = Open(liar);
  getrusage(RUSAGE_SELF, &after);
  EXPECT_EQ(GetRejectReason(s), RejectReason::kDecompressFailed);
  EXPECT_THAT(std::string(s.message()), HasSubstr("cannot inflate to the expected"));
  EXPECT_LT(after.ru_maxrss - before.ru_maxrss, 256 << 10) << "KiB of peak RSS";
}

// --- Exhaustive damage over a small file ---

TEST(ContainerTest, EveryTruncationIsRejected) {
  for (Compression c : {Compression::kZstd, Compression::kNone}) {
    const std::string file = Encode(SmallBlob(), c);
    for (size_t len = 0; len < file.size(); ++len) {
      absl::Status s = Open(absl::string_view(file).substr(0, len));
      ASSERT_FALSE(s.ok()) << len;
      ASSERT_EQ(GetRejectReason(s), RejectReason::kTruncated) << len;
    }
  }
}

TEST(ContainerTest, EverySingleBitFlipIsRejected) {
  for (Compression c : {Compression::kZstd, Compression::kNone}) {
    const std::string file = Encode(SmallBlob(), c);
    for (size_t i = 0; i < file.size(); ++i) {
      for (int bit = 0; bit < 8; ++bit) {
        std::string bad = file;
        bad[i] = static_cast<char>(bad[i] ^ (1 << bit));
        absl::Status s = Open(bad);
        ASSERT_FALSE(s.ok()) << "byte " << i << " bit " << bit;
        ASSERT_NE(GetRejectReason(s), RejectReason::kNone) << i;
      }
    }
  }
}

// --- InspectContainer and encoder validation ---

TEST(ContainerTest, InspectReportsBodyAndCompatibilitySeparately) {
  const std::string file = Encode(SmallBlob());
  Toolchain newer = TestToolchain();
  newer.toysnap_version = "0.2.0";
  absl::StatusOr<InspectedContainer> info = InspectContainer(file, newer);
  ASSERT_TRUE(info.ok()) << info.status();
  EXPECT_TRUE(info->body_status.ok());
  EXPECT_EQ(GetRejectReason(info->compatibility_status),
            RejectReason::kToysnapVersionMismatch);
  EXPECT_EQ(info->metadata.modules, TestMetadata().modules);
  EXPECT_EQ(info->header.raw_size, SmallBlob().size());

  std::string damaged = file;
  damaged.back() ^= 1;
  info = InspectContainer(damaged, TestToolchain());
  ASSERT_TRUE(info.ok()) << info.status();
  EXPECT_EQ(GetRejectReason(info->body_status), RejectReason::kBodyChecksum);
  EXPECT_TRUE(info->compatibility_status.ok());
  EXPECT_EQ(info->metadata.entry_module, "main.js");  // Still shown.

  std::string bad_metadata = Reassemble(file, Record(3, ""), PayloadOf(file));
  info = InspectContainer(bad_metadata, TestToolchain());
  ASSERT_TRUE(info.ok());
  EXPECT_EQ(GetRejectReason(info->body_status), RejectReason::kBadMetadata);

  // A short file is called foreign when its first bytes are not the magic,
  // truncated when they are.
  EXPECT_EQ(GetRejectReason(InspectContainer("junk", newer).status()),
            RejectReason::kBadMagic);
  EXPECT_EQ(GetRejectReason(InspectContainer("TOYS", newer).status()),
            RejectReason::kTruncated);
  EXPECT_EQ(GetRejectReason(InspectContainer("", newer).status()),
            RejectReason::kTruncated);
}

TEST(ContainerTest, EncodeRefusesVersionsLongerThan32Bytes) {
  const EncodeOptions options;
  const std::string bytes33(33, '7');
  Toolchain long_v8 = TestToolchain();
  long_v8.v8_version = bytes33;
  absl::Status s =
      EncodeContainer(long_v8, TestMetadata(), "b", options).status();
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(s.message()), HasSubstr("v8_version"));
  EXPECT_THAT(std::string(s.message()), HasSubstr("longer than 32 bytes"));

  Toolchain long_toysnap = TestToolchain();
  long_toysnap.toysnap_version = bytes33;
  s = EncodeContainer(long_toysnap, TestMetadata(), "b", options).status();
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(s.message()), HasSubstr("toysnap_version"));
}

TEST(ContainerTest, EncodeRejectsInvalidInput) {
  const EncodeOptions options;
  Toolchain control = TestToolchain();
  control.toysnap_version = "0.1\n";
  EXPECT_FALSE(EncodeContainer(control, TestMetadata(), "b", options).ok());
  // Exactly 32 bytes, in both fields, fills them with no NUL terminator.
  Toolchain exactly32 = TestToolchain();
  exactly32.toysnap_version = "0.1.0-0123456789abcdef0123456789";
  exactly32.v8_version = "10.2.154.26-node.37-0123456789ab";
  ASSERT_EQ(exactly32.toysnap_version.size(), kVersionFieldSize);
  ASSERT_EQ(exactly32.v8_version.size(), kVersionFieldSize);
  std::string file =
      EncodeContainer(exactly32, TestMetadata(), "b", options).value();
  absl::StatusOr<OpenedContainer> opened = OpenContainer(file, exactly32);
  ASSERT_TRUE(opened.ok()) << opened.status();
  EXPECT_EQ(opened->header.toolchain.toysnap_version,
            exactly32.toysnap_version);
  EXPECT_EQ(opened->header.toolchain.v8_version, exactly32.v8_version);
  EXPECT_EQ(file.substr(kV8VersionOffset, kVersionFieldSize),
            exactly32.v8_version);

  SnapshotMetadata big_string = TestMetadata();
  big_string.v8_flags = std::string((64 << 10) + 1, 'f');
  EXPECT_FALSE(EncodeContainer(TestToolchain(), big_string, "b", options).ok());
  SnapshotMetadata many = TestMetadata();
  many.modules.assign(100001, "m");
  EXPECT_FALSE(EncodeContainer(TestToolchain(), many, "b", options).ok());
  EncodeOptions bad_level;
  bad_level.level = 1000;
  EXPECT_FALSE(
      EncodeContainer(TestToolchain(), TestMetadata(), "b", bad_level).ok());
}

}  // namespace
}  // namespace toysnap
