// Byte <-> text codecs with Node's Buffer semantics, no V8: base64 (both
// alphabets, Node's lenient decoding), hex, and UTF-8/ASCII checks, on
// libnode's simdutf where Node 20 uses it (runtime/node/simdutf.h). Input is
// untrusted: every function stays inside the spans it is given.
// Included by runtime/node/buffer.cc and its test.
#ifndef TOYSNAP_RUNTIME_NODE_BUFFER_CODEC_H_
#define TOYSNAP_RUNTIME_NODE_BUFFER_CODEC_H_

#include <cstddef>
#include <cstdint>

#include "absl/types/span.h"

namespace toysnap::node {

// Characters base64 of `size` bytes takes: padded (base64) or not (base64url).
size_t Base64EncodedSize(size_t size, bool url);
// Writes Base64EncodedSize(input.size(), url) characters to `out`.
void Base64Encode(absl::Span<const uint8_t> input, bool url, char* out);

// Decodes as Node does: either alphabet is accepted, other characters are
// skipped, the first '=' ends the input. Returns the bytes written (at most
// out.size()). `Unit` is uint8_t (one-byte strings) or uint16_t. `scratch`:
// bytes of `out` past those written may change (the fast path may use them).
template <typename Unit>
size_t Base64Decode(absl::Span<const Unit> input, absl::Span<uint8_t> out, bool scratch);

// Writes 2 lowercase hex digits per byte to `out`.
void HexEncode(absl::Span<const uint8_t> input, char* out);
// Decodes pairs of hex digits until a pair is not one; returns bytes written.
template <typename Unit>
size_t HexDecode(absl::Span<const Unit> input, absl::Span<uint8_t> out);

bool IsAscii(absl::Span<const uint8_t> input);
// Well-formed UTF-8: no overlong forms, surrogates or code points past U+10FFFF.
bool IsUtf8(absl::Span<const uint8_t> input);

}  // namespace toysnap::node

#endif  // TOYSNAP_RUNTIME_NODE_BUFFER_CODEC_H_
