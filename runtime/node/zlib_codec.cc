// Compression contexts on zlib and brotli, reporting errors as Node does.
#include "runtime/node/zlib_codec.h"

#include <utility>

namespace toysnap::node {
namespace {

constexpr uint8_t kGzipId1 = 0x1f;
constexpr uint8_t kGzipId2 = 0x8b;

// brotli's name for a decoder error as brotli 1.1 spells it (Node's bundled
// version: "_ERROR_FORMAT_PADDING_1"); brotli 1.0 says only "PADDING_1".
const char* BrotliErrorName(BrotliDecoderErrorCode code) {
  switch (code) {
#define TOYSNAP_BROTLI_CASE(PREFIX, NAME, CODE) \
  case BROTLI_DECODER##PREFIX##NAME:            \
    return #PREFIX #NAME;
#define TOYSNAP_BROTLI_SEPARATOR
    BROTLI_DECODER_ERROR_CODES_LIST(TOYSNAP_BROTLI_CASE, TOYSNAP_BROTLI_SEPARATOR)
#undef TOYSNAP_BROTLI_CASE
#undef TOYSNAP_BROTLI_SEPARATOR
  }
  return "_ERROR_UNREACHABLE";
}

}  // namespace

const char* ZlibCodeName(int err) {
  switch (err) {
    case Z_OK: return "Z_OK";
    case Z_STREAM_END: return "Z_STREAM_END";
    case Z_NEED_DICT: return "Z_NEED_DICT";
    case Z_ERRNO: return "Z_ERRNO";
    case Z_STREAM_ERROR: return "Z_STREAM_ERROR";
    case Z_DATA_ERROR: return "Z_DATA_ERROR";
    case Z_MEM_ERROR: return "Z_MEM_ERROR";
    case Z_BUF_ERROR: return "Z_BUF_ERROR";
    case Z_VERSION_ERROR: return "Z_VERSION_ERROR";
    default: return "Z_UNKNOWN_ERROR";
  }
}

// ---- zlib ------------------------------------------------------------------

bool ZlibCodec::IsDeflate() const {
  return mode_ == ZlibMode::kDeflate || mode_ == ZlibMode::kGzip ||
         mode_ == ZlibMode::kDeflateRaw;
}

void ZlibCodec::Init(int level, int window_bits, int mem_level, int strategy,
                     std::vector<uint8_t> dictionary) {
  level_ = level;
  mem_level_ = mem_level;
  strategy_ = strategy;
  dictionary_ = std::move(dictionary);
  // zlib's own encoding of the container in windowBits.
  if (mode_ == ZlibMode::kGzip || mode_ == ZlibMode::kGunzip) window_bits += 16;
  if (mode_ == ZlibMode::kUnzip) window_bits += 32;
  if (mode_ == ZlibMode::kDeflateRaw || mode_ == ZlibMode::kInflateRaw) window_bits = -window_bits;
  window_bits_ = window_bits;
}

CodecError ZlibCodec::ErrorFor(const char* fallback, int err) const {
  // zlib's own message ("incorrect header check") when it gave one.
  const char* message = stream_.msg != nullptr ? stream_.msg : fallback;
  return {message, ZlibCodeName(err), err};
}

bool ZlibCodec::EnsureInit() {
  if (initialised_) return init_error_.code.empty();
  if (closed_) {
    init_error_ = {"zlib binding closed", "ERR_ZLIB_BINDING_CLOSED", Z_STREAM_ERROR};
    return false;
  }
  initialised_ = true;
  int err = IsDeflate() ? deflateInit2(&stream_, level_, Z_DEFLATED, window_bits_, mem_level_,
                                       strategy_)
                        : inflateInit2(&stream_, window_bits_);
  if (err != Z_OK) {
    init_error_ = ErrorFor("Init error", err);
    mode_ = ZlibMode::kNone;
    return false;
  }
  live_ = true;
  init_error_ = SetDictionary();
  return init_error_.code.empty();
}

CodecError ZlibCodec::SetDictionary() {
  if (dictionary_.empty()) return {};
  int err = Z_OK;
  if (IsDeflate()) {
    err = deflateSetDictionary(&stream_, dictionary_.data(), static_cast<uInt>(dictionary_.size()));
  } else if (mode_ == ZlibMode::kInflateRaw) {
    // Raw streams carry no dictionary request: it is set up front.
    err = inflateSetDictionary(&stream_, dictionary_.data(), static_cast<uInt>(dictionary_.size()));
  }
  if (err != Z_OK) return ErrorFor("Failed to set dictionary", err);
  return {};
}

CodecError ZlibCodec::SetParams(int level, int strategy) {
  if (!EnsureInit()) return init_error_;
  level_ = level;
  strategy_ = strategy;
  int err = Z_OK;
  // Node changes parameters of deflate and deflateRaw only (not gzip).
  if (mode_ == ZlibMode::kDeflate || mode_ == ZlibMode::kDeflateRaw) {
    err = deflateParams(&stream_, level, strategy);
  }
  if (err != Z_OK && err != Z_BUF_ERROR) return ErrorFor("Failed to set parameters", err);
  return {};
}

void ZlibCodec::Write(int flush, const uint8_t* in, uint32_t in_len, uint8_t* out,
                      uint32_t out_len) {
  flush_ = flush;
  stream_.next_in = const_cast<Bytef*>(in);
  stream_.avail_in = in_len;
  stream_.next_out = out;
  stream_.avail_out = out_len;
  if (!EnsureInit()) {
    err_ = Z_STREAM_ERROR;
    return;
  }
  err_ = Z_OK;
  if (IsDeflate()) {
    err_ = deflate(&stream_, flush);
    return;
  }
  if (mode_ == ZlibMode::kNone) {
    err_ = Z_STREAM_ERROR;
    return;
  }
  if (mode_ == ZlibMode::kUnzip && stream_.avail_in > 0) {
    // Which container: gzip's two magic bytes, possibly split across writes.
    const uint8_t* next = stream_.next_in;
    uint32_t left = stream_.avail_in;
    if (gzip_id_bytes_read_ == 0) {
      if (*next == kGzipId1) {
        gzip_id_bytes_read_ = 1;
        ++next;
        --left;
      } else {
        mode_ = ZlibMode::kInflate;
      }
    }
    if (mode_ == ZlibMode::kUnzip && gzip_id_bytes_read_ == 1 && left > 0) {
      if (*next == kGzipId2) {
        gzip_id_bytes_read_ = 2;
        mode_ = ZlibMode::kGunzip;
      } else {
        mode_ = ZlibMode::kInflate;
      }
    }
  }
  err_ = inflate(&stream_, flush);
  if (mode_ != ZlibMode::kInflateRaw && err_ == Z_NEED_DICT && !dictionary_.empty()) {
    err_ = inflateSetDictionary(&stream_, dictionary_.data(),
                                static_cast<uInt>(dictionary_.size()));
    if (err_ == Z_OK) {
      err_ = inflate(&stream_, flush);
    } else if (err_ == Z_DATA_ERROR) {
      // Tells a wrong dictionary from damaged input.
      err_ = Z_NEED_DICT;
    }
  }
  // Another gzip member after the first (trailing zero bytes are padding).
  while (stream_.avail_in > 0 && mode_ == ZlibMode::kGunzip && err_ == Z_STREAM_END &&
         stream_.next_in[0] != 0x00) {
    CodecError reset = Reset();
    if (reset.failed()) {
      err_ = reset.errnum;
      return;
    }
    err_ = inflate(&stream_, flush);
  }
}

CodecError ZlibCodec::CheckWrite() const {
  if (!init_error_.code.empty()) return init_error_;
  switch (err_) {
    case Z_OK:
    case Z_BUF_ERROR:
      if (stream_.avail_out != 0 && flush_ == Z_FINISH) {
        return ErrorFor("unexpected end of file", err_);
      }
      return {};
    case Z_STREAM_END:
      return {};
    case Z_NEED_DICT:
      return ErrorFor(dictionary_.empty() ? "Missing dictionary" : "Bad dictionary", err_);
    default:
      return ErrorFor("Zlib error", err_);
  }
}

CodecError ZlibCodec::Reset() {
  bool first = !initialised_;
  if (!EnsureInit()) return init_error_;
  if (first) return {};
  err_ = Z_OK;
  int err = Z_OK;
  if (IsDeflate()) {
    err = deflateReset(&stream_);
  } else if (mode_ != ZlibMode::kNone) {
    err = inflateReset(&stream_);
  }
  if (err != Z_OK) return ErrorFor("Failed to reset stream", err);
  return SetDictionary();
}

void ZlibCodec::Close() {
  if (closed_) return;
  closed_ = true;
  if (live_) {
    if (IsDeflate()) {
      deflateEnd(&stream_);
    } else if (mode_ != ZlibMode::kNone) {
      inflateEnd(&stream_);
    }
  }
  mode_ = ZlibMode::kNone;
  dictionary_.clear();
}

// ---- brotli ----------------------------------------------------------------

CodecError BrotliCodec::Init(std::vector<uint32_t> params) {
  params_ = std::move(params);
  Close();
  if (encoding()) {
    encoder_ = BrotliEncoderCreateInstance(nullptr, nullptr, nullptr);
  } else {
    decoder_ = BrotliDecoderCreateInstance(nullptr, nullptr, nullptr);
  }
  if (encoder_ == nullptr && decoder_ == nullptr) {
    return {"Initialization failed", "ERR_ZLIB_INITIALIZATION_FAILED", -1};
  }
  for (size_t key = 0; key < params_.size(); ++key) {
    uint32_t value = params_[key];
    if (value == UINT32_MAX) continue;
    bool ok = encoding()
                  ? BrotliEncoderSetParameter(encoder_, static_cast<BrotliEncoderParameter>(key),
                                              value) != BROTLI_FALSE
                  : BrotliDecoderSetParameter(decoder_, static_cast<BrotliDecoderParameter>(key),
                                              value) != BROTLI_FALSE;
    if (!ok) return {"Setting parameter failed", "ERR_BROTLI_PARAM_SET_FAILED", -1};
  }
  encode_ok_ = true;
  decode_result_ = BROTLI_DECODER_RESULT_SUCCESS;
  decode_error_ = BROTLI_DECODER_NO_ERROR;
  return {};
}

void BrotliCodec::Write(int flush, const uint8_t* in, uint32_t in_len, uint8_t* out,
                        uint32_t out_len) {
  flush_ = flush;
  avail_in_ = in_len;
  avail_out_ = out_len;
  const uint8_t* next_in = in;
  uint8_t* next_out = out;
  if (encoding()) {
    encode_ok_ = encoder_ != nullptr &&
                 BrotliEncoderCompressStream(encoder_, static_cast<BrotliEncoderOperation>(flush),
                                             &avail_in_, &next_in, &avail_out_, &next_out,
                                             nullptr) != BROTLI_FALSE;
    return;
  }
  if (decoder_ == nullptr) {
    decode_result_ = BROTLI_DECODER_RESULT_ERROR;
    decode_error_ = BROTLI_DECODER_ERROR_INVALID_ARGUMENTS;
    return;
  }
  decode_result_ =
      BrotliDecoderDecompressStream(decoder_, &avail_in_, &next_in, &avail_out_, &next_out, nullptr);
  if (decode_result_ == BROTLI_DECODER_RESULT_ERROR) {
    decode_error_ = BrotliDecoderGetErrorCode(decoder_);
  }
}

CodecError BrotliCodec::CheckWrite() const {
  if (encoding()) {
    if (!encode_ok_) return {"Compression failed", "ERR_BROTLI_COMPRESSION_FAILED", -1};
    return {};
  }
  if (decode_error_ != BROTLI_DECODER_NO_ERROR) {
    // Node names the code "ERR_" + brotli's name ("ERR__ERROR_FORMAT_PADDING_1").
    return {"Decompression failed", std::string("ERR_") + BrotliErrorName(decode_error_),
            static_cast<int>(decode_error_)};
  }
  if (flush_ == BROTLI_OPERATION_FINISH &&
      decode_result_ == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT) {
    return {"unexpected end of file", "Z_BUF_ERROR", Z_BUF_ERROR};
  }
  return {};
}

CodecError BrotliCodec::Reset() { return Init(params_); }

void BrotliCodec::Close() {
  if (encoder_ != nullptr) BrotliEncoderDestroyInstance(encoder_);
  if (decoder_ != nullptr) BrotliDecoderDestroyInstance(decoder_);
  encoder_ = nullptr;
  decoder_ = nullptr;
}

}  // namespace toysnap::node
