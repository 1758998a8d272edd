// Implementation of zstd_codec.h over libzstd's advanced (static-only) API.
#define ZSTD_STATIC_LINKING_ONLY  // ZSTD_getFrameHeader.
#include "snapshot/zstd_codec.h"

#include <zstd.h>

#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "snapshot/base/status_macros.h"

namespace toysnap {
namespace {

struct CCtxDeleter {
  void operator()(ZSTD_CCtx* c) const { ZSTD_freeCCtx(c); }
};
struct DCtxDeleter {
  void operator()(ZSTD_DCtx* d) const { ZSTD_freeDCtx(d); }
};
using CCtxPtr = std::unique_ptr<ZSTD_CCtx, CCtxDeleter>;
using DCtxPtr = std::unique_ptr<ZSTD_DCtx, DCtxDeleter>;

absl::Status ZstdError(absl::string_view what, size_t code) {
  return absl::DataLossError(
      absl::StrCat("zstd ", what, ": ", ZSTD_getErrorName(code)));
}

absl::Status SetParam(ZSTD_CCtx* cctx, ZSTD_cParameter param, int value) {
  size_t rc = ZSTD_CCtx_setParameter(cctx, param, value);
  if (ZSTD_isError(rc)) {
    return absl::InvalidArgumentError(absl::StrCat("zstd rejected parameter ",
                                                   param, "=", value, ": ",
                                                   ZSTD_getErrorName(rc)));
  }
  return absl::OkStatus();
}

// The most one frame's blocks can produce, from their 3-byte headers (RFC
// 8878, 3.1.1.2): a raw or RLE block its stated size, a compressed block at
// most Block_Maximum_Size. So a few bytes that merely declare gigabytes never
// get a buffer that size; a buffer is only as large as the blocks can fill.
// `in` must be exactly one frame (ZSTD_findFrameCompressedSize agreed).
absl::StatusOr<uint64_t> BlockOutputBound(absl::string_view in) {
  ZSTD_frameHeader header;
  size_t rc = ZSTD_getFrameHeader(&header, in.data(), in.size());
  if (ZSTD_isError(rc)) return ZstdError("frame header", rc);
  if (rc != 0) return absl::DataLossError("zstd frame header is truncated");
  if (header.frameType == ZSTD_skippableFrame) return 0;
  constexpr size_t kBlockHeaderSize = 3;
  uint64_t bound = 0;
  size_t pos = header.headerSize;
  for (bool last = false; !last;) {
    if (in.size() - pos < kBlockHeaderSize) {
      return absl::DataLossError("zstd block header runs past the end");
    }
    const uint32_t block = static_cast<uint8_t>(in[pos]) |
                           static_cast<uint8_t>(in[pos + 1]) << 8 |
                           static_cast<uint32_t>(static_cast<uint8_t>(in[pos + 2])) << 16;
    pos += kBlockHeaderSize;
    last = (block & 1) != 0;
    const uint32_t type = (block >> 1) & 3;
    const uint32_t size = block >> 3;
    size_t stored = size;  // Bytes the block occupies after its header.
    switch (type) {
      case 0:  // Raw: `size` bytes, copied.
        bound += size;
        break;
      case 1:  // RLE: one byte, repeated `size` times.
        bound += size;
        stored = 1;
        break;
      case 2:  // Compressed: `size` bytes in, at most a full block out.
        bound += header.blockSizeMax;
        break;
      default:
        return absl::DataLossError("zstd block has the reserved type");
    }
    if (in.size() - pos < stored) {
      return absl::DataLossError("zstd block runs past the end");
    }
    pos += stored;
  }
  return bound;
}

}  // namespace

absl::StatusOr<std::string> ZstdCompress(absl::string_view in, int level) {
  if (level < ZSTD_minCLevel() || level > ZSTD_maxCLevel()) {
    return absl::InvalidArgumentError(
        absl::StrCat("zstd level ", level, " is outside [", ZSTD_minCLevel(),
                     ", ", ZSTD_maxCLevel(), "]"));
  }
  CCtxPtr cctx(ZSTD_createCCtx());
  if (cctx == nullptr) return absl::ResourceExhaustedError("ZSTD_createCCtx");
  // Pinned explicitly so output does not depend on libzstd defaults changing.
  RETURN_IF_ERROR(SetParam(cctx.get(), ZSTD_c_compressionLevel, level));
  RETURN_IF_ERROR(SetParam(cctx.get(), ZSTD_c_contentSizeFlag, 1));
  RETURN_IF_ERROR(SetParam(cctx.get(), ZSTD_c_checksumFlag, 0));
  std::string out(ZSTD_compressBound(in.size()), '\0');
  size_t n =
      ZSTD_compress2(cctx.get(), out.data(), out.size(), in.data(), in.size());
  if (ZSTD_isError(n)) {
    return absl::InternalError(
        absl::StrCat("zstd compress: ", ZSTD_getErrorName(n)));
  }
  out.resize(n);
  return out;
}

absl::StatusOr<std::string> ZstdDecompress(absl::string_view in,
                                           uint64_t expected_size) {
  // Everything up to the allocation reads headers only.
  unsigned long long declared = ZSTD_getFrameContentSize(in.data(), in.size());
  if (declared == ZSTD_CONTENTSIZE_ERROR) {
    return absl::DataLossError("not a zstd frame (bad or truncated header)");
  }
  if (declared != ZSTD_CONTENTSIZE_UNKNOWN && declared != expected_size) {
    return absl::DataLossError(absl::StrCat(
        "zstd frame declares ", declared, " bytes, expected ", expected_size));
  }
  size_t frame_size = ZSTD_findFrameCompressedSize(in.data(), in.size());
  if (ZSTD_isError(frame_size)) return ZstdError("frame", frame_size);
  if (frame_size != in.size()) {
    return absl::DataLossError(absl::StrCat(
        "zstd frame is ", frame_size, " bytes but ", in.size(), " were given"));
  }
  // The declared size is only a claim (ZSTD_decompressBound returns it as
  // is); the blocks actually present bound the output.
  absl::StatusOr<uint64_t> bound = BlockOutputBound(in);
  if (!bound.ok()) return bound.status();
  if (*bound < expected_size) {
    return absl::DataLossError(absl::StrCat(
        "zstd frame cannot inflate to the expected ", expected_size, " bytes"));
  }
  if (expected_size > SIZE_MAX) {
    return absl::ResourceExhaustedError("expected size exceeds address space");
  }

  DCtxPtr dctx(ZSTD_createDCtx());
  if (dctx == nullptr) return absl::ResourceExhaustedError("ZSTD_createDCtx");
  std::string out(static_cast<size_t>(expected_size), '\0');
  // A frame that would produce more than `out` holds fails with
  // dstSize_tooSmall.
  size_t n = ZSTD_decompressDCtx(dctx.get(), out.data(), out.size(), in.data(),
                                 in.size());
  if (ZSTD_isError(n)) return ZstdError("decompress", n);
  if (n != expected_size) {
    return absl::DataLossError(absl::StrCat(
        "zstd frame inflated to ", n, " bytes, expected ", expected_size));
  }
  return out;
}

}  // namespace toysnap
