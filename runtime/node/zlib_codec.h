// One compression context of Node's zlib module, on zlib (deflate, inflate,
// gzip, gunzip, raw, unzip) or brotli (encode, decode), with no V8 in it: the
// binding (zlib.cc) runs Write() inline for the sync forms and on libuv's
// thread pool for the others. Errors are Node's: the message, code and errno
// its zlib binding reports. Input is untrusted: a damaged stream is an error,
// never a crash. Included by runtime/node/zlib.cc and its test.
#ifndef TOYSNAP_RUNTIME_NODE_ZLIB_CODEC_H_
#define TOYSNAP_RUNTIME_NODE_ZLIB_CODEC_H_

#include <brotli/decode.h>
#include <brotli/encode.h>
#include <zlib.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace toysnap::node {

// Node's mode numbers (zlib.constants.DEFLATE...).
enum class ZlibMode : int {
  kNone = 0,
  kDeflate = 1,
  kInflate = 2,
  kGzip = 3,
  kGunzip = 4,
  kDeflateRaw = 5,
  kInflateRaw = 6,
  kUnzip = 7,
  kBrotliDecode = 8,
  kBrotliEncode = 9,
};

// A failure as Node reports it to the stream: Error(message) with `errno`
// and `code` ("Z_DATA_ERROR", "ERR__ERROR_FORMAT_PADDING_1"...).
struct CodecError {
  std::string message;
  std::string code;  // empty: no error
  int errnum = 0;
  bool failed() const { return !code.empty(); }
};

class Codec {
 public:
  virtual ~Codec() = default;
  // Consumes from `in` into `out` with `flush` (a zlib flush value, or a
  // brotli operation); avail_in()/avail_out() say what is left afterwards.
  virtual void Write(int flush, const uint8_t* in, uint32_t in_len, uint8_t* out,
                     uint32_t out_len) = 0;
  // The error of the last Write, if any.
  virtual CodecError CheckWrite() const = 0;
  virtual CodecError Reset() = 0;
  virtual void Close() = 0;
  virtual uint32_t avail_in() const = 0;
  virtual uint32_t avail_out() const = 0;
};

// deflate/inflate and their gzip, raw and auto-detecting forms. The z_stream
// is initialised at the first use (as Node does), so a context that never
// writes costs no zlib memory.
class ZlibCodec final : public Codec {
 public:
  explicit ZlibCodec(ZlibMode mode) : mode_(mode) {}
  ~ZlibCodec() override { Close(); }
  ZlibCodec(const ZlibCodec&) = delete;
  ZlibCodec& operator=(const ZlibCodec&) = delete;

  // Options as Node validated them; window_bits 0 lets inflate read it from
  // the header.
  void Init(int level, int window_bits, int mem_level, int strategy,
            std::vector<uint8_t> dictionary);
  CodecError SetParams(int level, int strategy);

  void Write(int flush, const uint8_t* in, uint32_t in_len, uint8_t* out,
             uint32_t out_len) override;
  CodecError CheckWrite() const override;
  CodecError Reset() override;
  void Close() override;
  uint32_t avail_in() const override { return stream_.avail_in; }
  uint32_t avail_out() const override { return stream_.avail_out; }
  // The error a deferred initialisation met (reported by the next write).
  const CodecError& init_error() const { return init_error_; }

 private:
  bool IsDeflate() const;
  // Initialises the z_stream once; false (init_error_ set) when zlib refused.
  bool EnsureInit();
  CodecError SetDictionary();
  CodecError ErrorFor(const char* fallback, int err) const;

  ZlibMode mode_;
  z_stream stream_{};
  bool initialised_ = false;
  bool live_ = false;  // deflateInit2/inflateInit2 succeeded: End() is owed
  bool closed_ = false;
  int level_ = Z_DEFAULT_COMPRESSION;
  int window_bits_ = 15;
  int mem_level_ = 8;
  int strategy_ = Z_DEFAULT_STRATEGY;
  std::vector<uint8_t> dictionary_;
  int err_ = Z_OK;
  int flush_ = Z_NO_FLUSH;
  int gzip_id_bytes_read_ = 0;  // unzip: how much of the gzip magic was seen
  CodecError init_error_;
};

// Brotli's encoder or decoder; parameters are (key, value) pairs applied at
// Init and again at Reset.
class BrotliCodec final : public Codec {
 public:
  explicit BrotliCodec(ZlibMode mode) : mode_(mode) {}
  ~BrotliCodec() override { Close(); }
  BrotliCodec(const BrotliCodec&) = delete;
  BrotliCodec& operator=(const BrotliCodec&) = delete;

  // `params[key]` is the value for that key, or UINT32_MAX for "unset".
  CodecError Init(std::vector<uint32_t> params);

  void Write(int flush, const uint8_t* in, uint32_t in_len, uint8_t* out,
             uint32_t out_len) override;
  CodecError CheckWrite() const override;
  CodecError Reset() override;
  void Close() override;
  uint32_t avail_in() const override { return static_cast<uint32_t>(avail_in_); }
  uint32_t avail_out() const override { return static_cast<uint32_t>(avail_out_); }

 private:
  bool encoding() const { return mode_ == ZlibMode::kBrotliEncode; }

  ZlibMode mode_;
  BrotliEncoderState* encoder_ = nullptr;
  BrotliDecoderState* decoder_ = nullptr;
  std::vector<uint32_t> params_;
  size_t avail_in_ = 0;
  size_t avail_out_ = 0;
  int flush_ = BROTLI_OPERATION_PROCESS;
  bool encode_ok_ = true;
  BrotliDecoderResult decode_result_ = BROTLI_DECODER_RESULT_SUCCESS;
  BrotliDecoderErrorCode decode_error_ = BROTLI_DECODER_NO_ERROR;
};

// zlib's name for a return code ("Z_DATA_ERROR"), as Node's zlib.codes.
const char* ZlibCodeName(int err);

}  // namespace toysnap::node

#endif  // TOYSNAP_RUNTIME_NODE_ZLIB_CODEC_H_
