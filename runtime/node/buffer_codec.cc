// Node's Buffer codecs (see buffer_codec.h): simdutf (libnode's, as Node 20
// uses it) where it applies, Node's own lenient rules for the rest.
#include "runtime/node/buffer_codec.h"

#include <array>
#include <cstring>

#include "runtime/node/simdutf.h"

namespace toysnap::node {
namespace {

constexpr char kStandard[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr char kUrl[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr uint8_t kInvalid = 0xff;

// Character -> 6-bit value for both alphabets; kInvalid otherwise.
constexpr std::array<uint8_t, 256> MakeDecodeTable() {
  std::array<uint8_t, 256> table{};
  for (auto& entry : table) entry = kInvalid;
  for (int i = 0; i < 64; ++i) {
    table[static_cast<uint8_t>(kStandard[i])] = static_cast<uint8_t>(i);
    table[static_cast<uint8_t>(kUrl[i])] = static_cast<uint8_t>(i);
  }
  return table;
}
constexpr std::array<uint8_t, 256> kDecode = MakeDecodeTable();

template <typename Unit>
uint8_t Value(Unit c) {
  return c > 0xff ? kInvalid : kDecode[static_cast<uint8_t>(c)];
}

// One group of up to 4 characters, skipping invalid ones, as Node does: false
// when decoding stops ('=' or the end of input or of output).
template <typename Unit>
bool DecodeGroupSlow(absl::Span<const Unit> in, absl::Span<uint8_t> out, size_t* i, size_t* k) {
  uint8_t previous = 0;
  for (int position = 0; position < 4; ++position) {
    uint8_t value;
    for (;;) {
      const Unit c = in[*i];
      value = Value(c);
      *i += 1;
      if (value < 64) break;
      if (c == '=' || *i >= in.size()) return false;
    }
    switch (position) {
      case 1: out[(*k)++] = static_cast<uint8_t>(((previous & 0x3f) << 2) | ((value & 0x30) >> 4)); break;
      case 2: out[(*k)++] = static_cast<uint8_t>(((previous & 0x0f) << 4) | ((value & 0x3c) >> 2)); break;
      case 3: out[(*k)++] = static_cast<uint8_t>(((previous & 0x03) << 6) | (value & 0x3f)); break;
      default: break;
    }
    if (*i >= in.size() || *k >= out.size()) return false;
    previous = value;
  }
  return true;
}

int HexValue(uint32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c >= 'a' && c <= 'f') return static_cast<int>(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return static_cast<int>(c - 'A' + 10);
  return -1;
}

const char* Chars(const uint8_t* units) { return reinterpret_cast<const char*>(units); }
const char16_t* Chars(const uint16_t* units) { return reinterpret_cast<const char16_t*>(units); }

// Node's own decoder, for what simdutf's forgiving-base64 refuses.
template <typename Unit>
size_t LenientBase64Decode(absl::Span<const Unit> in, absl::Span<uint8_t> out) {
  size_t i = 0;
  size_t k = 0;
  if (in.empty() || out.empty()) return 0;
  for (;;) {
    // Whole groups of four valid characters.
    while (i + 4 <= in.size() && k + 3 <= out.size()) {
      const uint8_t a = Value(in[i]), b = Value(in[i + 1]), c = Value(in[i + 2]),
                    d = Value(in[i + 3]);
      if ((a | b | c | d) & 0x80) break;
      const uint32_t bits = (uint32_t{a} << 18) | (uint32_t{b} << 12) | (uint32_t{c} << 6) | d;
      out[k] = static_cast<uint8_t>(bits >> 16);
      out[k + 1] = static_cast<uint8_t>(bits >> 8);
      out[k + 2] = static_cast<uint8_t>(bits);
      i += 4;
      k += 3;
    }
    if (i >= in.size() || k >= out.size()) return k;
    if (!DecodeGroupSlow(in, out, &i, &k)) return k;
  }
}

}  // namespace

size_t Base64EncodedSize(size_t size, bool url) {
  if (!url) return (size + 2) / 3 * 4;
  return size / 3 * 4 + (size % 3 == 0 ? 0 : size % 3 + 1);
}

void Base64Encode(absl::Span<const uint8_t> input, bool url, char* out) {
  simdutf::binary_to_base64(reinterpret_cast<const char*>(input.data()), input.size(), out,
                            url ? simdutf::base64_url : simdutf::base64_default);
}

// As Node 20: simdutf first (fast, strict WHATWG rules); where it refuses
// (the other alphabet, stray characters, inner '='), the lenient decoder.
template <typename Unit>
size_t Base64Decode(absl::Span<const Unit> in, absl::Span<uint8_t> out, bool scratch) {
  // A refused input may leave simdutf's partial output past what Node writes.
  for (simdutf::base64_options options : {simdutf::base64_default, simdutf::base64_url}) {
    if (!scratch) break;
    size_t written = out.size();
    simdutf::result result = simdutf::base64_to_binary_safe(
        Chars(in.data()), in.size(), reinterpret_cast<char*>(out.data()), written, options);
    if (result.error == simdutf::SUCCESS) return written;
  }
  return LenientBase64Decode(in, out);
}

template size_t Base64Decode<uint8_t>(absl::Span<const uint8_t>, absl::Span<uint8_t>, bool);
template size_t Base64Decode<uint16_t>(absl::Span<const uint16_t>, absl::Span<uint8_t>, bool);

void HexEncode(absl::Span<const uint8_t> input, char* out) {
  static constexpr char kDigits[] = "0123456789abcdef";
  for (uint8_t byte : input) {
    *out++ = kDigits[byte >> 4];
    *out++ = kDigits[byte & 15];
  }
}

template <typename Unit>
size_t HexDecode(absl::Span<const Unit> in, absl::Span<uint8_t> out) {
  size_t i = 0;
  for (; i < in.size() / 2 && i < out.size(); ++i) {
    const int high = HexValue(in[i * 2]);
    const int low = HexValue(in[i * 2 + 1]);
    if (high < 0 || low < 0) break;
    out[i] = static_cast<uint8_t>((high << 4) | low);
  }
  return i;
}

template size_t HexDecode<uint8_t>(absl::Span<const uint8_t>, absl::Span<uint8_t>);
template size_t HexDecode<uint16_t>(absl::Span<const uint16_t>, absl::Span<uint8_t>);

bool IsAscii(absl::Span<const uint8_t> input) {
  return simdutf::validate_ascii(reinterpret_cast<const char*>(input.data()), input.size());
}

bool IsUtf8(absl::Span<const uint8_t> input) {
  return simdutf::validate_utf8(reinterpret_cast<const char*>(input.data()), input.size());
}

}  // namespace toysnap::node
