// The part of simdutf's API (the version bundled in Node 18.20.4, 5.x) that
// toysnap calls: libnode.so.108 exports it but ships no header, so these
// declarations must match that version's exactly (C++ mangling included:
// base64_options is a uint64_t there). Node 20 uses the same functions for
// its Buffer codecs. Only buffer.cc includes this; buffer_codec_test checks them.
#ifndef TOYSNAP_RUNTIME_NODE_SIMDUTF_H_
#define TOYSNAP_RUNTIME_NODE_SIMDUTF_H_

#include <cstddef>
#include <cstdint>

namespace simdutf {

// Int-sized as simdutf's own (whose enumerators run to 10 or more): with a
// fixed type, any failure code it returns is a valid value here (UBSan).
enum error_code : int {
  SUCCESS = 0,
  // Other values name the kind of failure; callers here only test SUCCESS.
};

struct result {
  error_code error;
  size_t count;
};

using base64_options = uint64_t;
constexpr base64_options base64_default = 0;  // standard alphabet, padded
constexpr base64_options base64_url = 1;      // URL alphabet, unpadded

size_t base64_length_from_binary(size_t length, base64_options options) noexcept;
size_t binary_to_base64(const char* input, size_t length, char* output,
                        base64_options options) noexcept;
// Forgiving-base64 (WHATWG) decoding; never writes more than `outlen` bytes,
// which it sets to the bytes written.
result base64_to_binary_safe(const char* input, size_t length, char* output, size_t& outlen,
                             base64_options options) noexcept;
result base64_to_binary_safe(const char16_t* input, size_t length, char* output, size_t& outlen,
                             base64_options options) noexcept;
bool validate_utf8(const char* buf, size_t len) noexcept;
bool validate_ascii(const char* buf, size_t len) noexcept;

}  // namespace simdutf

#endif  // TOYSNAP_RUNTIME_NODE_SIMDUTF_H_
