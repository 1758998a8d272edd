// libFuzzer target for the container reader (container.h) and the zstd
// wrapper (zstd_codec.h): arbitrary bytes must give a Status, never a crash,
// an out-of-bounds access or an allocation the input does not pay for.
// Built and run by tools/fuzz (clang, -fsanitize=fuzzer,address,undefined); not
// a Bazel target, because Bazel 4's autodetected toolchain is gcc. Built with
// -DTOYSNAP_FUZZ_WRITE_SEEDS it is instead a main() that writes the seed corpus.
#include <zstd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "snapshot/base/checksum.h"
#include "snapshot/container.h"
#include "snapshot/zstd_codec.h"

namespace toysnap {
namespace {

// The toolchain the seeds are encoded with, so valid inputs get past the
// version checks and reach metadata parsing and inflation.
Toolchain FuzzToolchain() {
  Toolchain t;
  t.toysnap_version = "0.1.0";
  t.v8_version = "10.2.154.26-node.37";
  t.v8_flags_fingerprint = 0x0123456789abcdefull;
  t.external_refs_fingerprint = 0xfedcba9876543210ull;
  return t;
}

// Header offsets (container.cc's layout table) needed to repair checksums.
constexpr size_t kHeaderSize = kContainerHeaderSize;
constexpr size_t kBodyChecksumOffset = 128;
constexpr size_t kHeaderChecksumOffset = 136;

void StoreU64(std::string* s, size_t offset, uint64_t v) {
  for (size_t i = 0; i < 8; ++i) (*s)[offset + i] = static_cast<char>(v >> (8 * i));
}

// Mutations almost never keep the XXH3 checksums right, which would stop the
// fuzzer at CheckHeaderChecksum; this copy has both recomputed, so mutated
// sizes, metadata and payloads reach the code behind them.
std::string WithFixedChecksums(absl::string_view in) {
  std::string out(in);
  if (out.size() < kHeaderSize) return out;
  StoreU64(&out, kBodyChecksumOffset,
           Checksum64(absl::string_view(out).substr(kHeaderSize)));
  StoreU64(&out, kHeaderChecksumOffset,
           Checksum64(absl::string_view(out).substr(0, kHeaderChecksumOffset)));
  return out;
}

void Exercise(absl::string_view file, const Toolchain& expected) {
  absl::StatusOr<InspectedContainer> inspected = InspectContainer(file, expected);
  absl::StatusOr<OpenedContainer> opened = OpenContainer(file, expected);
  if (opened.ok()) {
    // What Open accepts, Inspect must accept too, and the blob has the size
    // the header promised with the sources after it.
    uint64_t raw = opened->blob.size();
    for (const SharedBytes& source : opened->metadata.sources) raw += source.size();
    if (!inspected.ok() || !inspected->body_status.ok() ||
        !inspected->compatibility_status.ok() || raw != opened->header.raw_size ||
        inspected->source_lengths.size() != opened->metadata.sources.size()) {
      std::abort();
    }
  } else if (GetRejectReason(opened.status()) == RejectReason::kNone) {
    std::abort();  // Every rejection names its reason.
  }
}

}  // namespace
}  // namespace toysnap

#ifndef TOYSNAP_FUZZ_WRITE_SEEDS

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace toysnap;
  const absl::string_view in(reinterpret_cast<const char*>(data), size);
  static const Toolchain* const expected = new Toolchain(FuzzToolchain());
  Exercise(in, *expected);
  Exercise(WithFixedChecksums(in), *expected);

  // The codec on its own, expecting what the frame declares (capped, as the
  // container caps raw_size) or, without a declaration, the input size.
  unsigned long long declared = ZSTD_getFrameContentSize(in.data(), in.size());
  uint64_t expected_size = size;
  if (declared != ZSTD_CONTENTSIZE_ERROR && declared != ZSTD_CONTENTSIZE_UNKNOWN &&
      declared <= kMaxRawSize) {
    expected_size = declared;
  }
  absl::StatusOr<std::string> inflated = ZstdDecompress(in, expected_size);
  if (inflated.ok() && inflated->size() != expected_size) std::abort();
  return 0;
}

#else  // TOYSNAP_FUZZ_WRITE_SEEDS: `seed_writer DIR` writes the seed corpus.

#include <cstdio>

namespace {

void Write(const std::string& dir, const std::string& name, absl::string_view bytes) {
  const std::string path = dir + "/" + name;
  FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr || std::fwrite(bytes.data(), 1, bytes.size(), f) != bytes.size() ||
      std::fclose(f) != 0) {
    std::perror(path.c_str());
    std::exit(1);
  }
}

std::string MustEncode(const toysnap::SnapshotMetadata& m, absl::string_view blob,
                       toysnap::Compression c, int level = 3) {
  toysnap::EncodeOptions options;
  options.compression = c;
  options.level = level;
  absl::StatusOr<std::string> file = toysnap::EncodeContainer(
      toysnap::FuzzToolchain(), m, blob, options);
  if (!file.ok()) {
    std::fprintf(stderr, "%s\n", file.status().ToString().c_str());
    std::exit(1);
  }
  return *std::move(file);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace toysnap;
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s DIR\n", argv[0]);
    return 2;
  }
  const std::string dir = argv[1];
  SnapshotMetadata m;
  m.entry_module = "main.js";
  m.modules = {"lib/a.js", "main.js"};
  m.has_main = true;
  m.v8_flags = "--no-lazy";
  m.context_data_index = 7;
  m.commonjs_modules = {"/app/node_modules/x/index.js"};
  m.options_hash = 0x1122334455667788ull;
  m.file_inputs = {{"/app/main.js", 1, 42}, {"/app/missing", 0, 0}};
  const std::string blob = "hello snapshot hello snapshot hello snapshot \x01\x02\x03";

  SnapshotMetadata with_sources = m;
  with_sources.sources = {SharedBytes(std::string("function big() { return 1; }")),
                          SharedBytes(std::string(300, 'x'))};
  Write(dir, "valid_sources_none", MustEncode(with_sources, blob, Compression::kNone));
  Write(dir, "valid_sources_zstd", MustEncode(with_sources, blob, Compression::kZstd));
  const std::string zstd = MustEncode(m, blob, Compression::kZstd);
  const std::string plain = MustEncode(m, blob, Compression::kNone);
  Write(dir, "valid_zstd", zstd);
  Write(dir, "valid_none", plain);
  Write(dir, "valid_empty", MustEncode(SnapshotMetadata(), "", Compression::kZstd));
  Write(dir, "valid_zstd_level19",
        MustEncode(m, std::string(4096, 'a') + blob, Compression::kZstd, 19));
  Write(dir, "truncated_header", absl::string_view(zstd).substr(0, 100));
  Write(dir, "truncated_body", absl::string_view(zstd).substr(0, zstd.size() - 7));
  Write(dir, "magic_only", absl::string_view(zstd).substr(0, 8));
  Write(dir, "garbage", "#!/usr/bin/env node\nconsole.log('not a snapshot')\n");
  absl::StatusOr<std::string> frame = ZstdCompress(blob, 3);
  if (!frame.ok()) return 1;
  Write(dir, "zstd_frame", *frame);

  // Regression (found by this fuzzer): a payload frame that declares the
  // largest raw_size allowed but holds one empty block, checksums fixed.
  std::string liar_frame = {'\x28', '\xb5', '\x2f', '\xfd', '\xe0'};
  for (int i = 0; i < 8; ++i) liar_frame.push_back(static_cast<char>(kMaxRawSize >> (8 * i)));
  liar_frame += std::string("\x01\x00\x00", 3);
  std::string liar = MustEncode(m, "", Compression::kNone);
  liar += liar_frame;
  liar[96] = 1;  // compression = zstd
  for (int i = 0; i < 8; ++i) {
    liar[112 + i] = static_cast<char>(kMaxRawSize >> (8 * i));          // raw_size
    liar[120 + i] = static_cast<char>(liar_frame.size() >> (8 * i));    // stored_size
  }
  Write(dir, "regress_container_declares_2gib", WithFixedChecksums(liar));
  return 0;
}

#endif  // TOYSNAP_FUZZ_WRITE_SEEDS
