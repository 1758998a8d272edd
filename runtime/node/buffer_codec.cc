// Node's Buffer codecs (see buffer_codec.h). The fast loops handle whole
// groups of valid characters; anything else takes the character-by-character
// path whose results define the semantics (Node's src/base64-inl.h rules).
#include "runtime/node/buffer_codec.h"

#include <array>
#include <cstring>

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

// Two output characters per 12 input bits, so the encoder does half the lookups.
struct PairTable {
  std::array<uint16_t, 4096> pairs;
};
PairTable MakePairs(const char* alphabet) {
  PairTable table;
  for (int i = 0; i < 4096; ++i) {
    char both[2] = {alphabet[i >> 6], alphabet[i & 63]};
    std::memcpy(&table.pairs[i], both, 2);
  }
  return table;
}
const PairTable& Pairs(bool url) {
  static const PairTable standard = MakePairs(kStandard);
  static const PairTable url_safe = MakePairs(kUrl);
  return url ? url_safe : standard;
}

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

}  // namespace

size_t Base64EncodedSize(size_t size, bool url) {
  if (!url) return (size + 2) / 3 * 4;
  return size / 3 * 4 + (size % 3 == 0 ? 0 : size % 3 + 1);
}

void Base64Encode(absl::Span<const uint8_t> input, bool url, char* out) {
  const char* alphabet = url ? kUrl : kStandard;
  const uint16_t* pairs = Pairs(url).pairs.data();
  const uint8_t* in = input.data();
  size_t n = input.size();
  size_t i = 0;
  for (; i + 3 <= n; i += 3, out += 4) {
    const uint32_t bits = (uint32_t{in[i]} << 16) | (uint32_t{in[i + 1]} << 8) | in[i + 2];
    std::memcpy(out, &pairs[bits >> 12], 2);
    std::memcpy(out + 2, &pairs[bits & 0xfff], 2);
  }
  if (n - i == 1) {
    out[0] = alphabet[in[i] >> 2];
    out[1] = alphabet[(in[i] & 3) << 4];
    if (!url) out[2] = out[3] = '=';
  } else if (n - i == 2) {
    out[0] = alphabet[in[i] >> 2];
    out[1] = alphabet[((in[i] & 3) << 4) | (in[i + 1] >> 4)];
    out[2] = alphabet[(in[i + 1] & 0x0f) << 2];
    if (!url) out[3] = '=';
  }
}

template <typename Unit>
size_t Base64Decode(absl::Span<const Unit> in, absl::Span<uint8_t> out) {
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

template size_t Base64Decode<uint8_t>(absl::Span<const uint8_t>, absl::Span<uint8_t>);
template size_t Base64Decode<uint16_t>(absl::Span<const uint16_t>, absl::Span<uint8_t>);

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
  uint8_t any = 0;
  for (uint8_t byte : input) any |= byte;
  return (any & 0x80) == 0;
}

bool IsUtf8(absl::Span<const uint8_t> in) {
  size_t i = 0;
  const size_t n = in.size();
  while (i < n) {
    const uint8_t lead = in[i];
    if (lead < 0x80) {
      ++i;
      continue;
    }
    size_t extra;
    uint8_t low = 0x80, high = 0xbf;  // allowed range of the second byte
    if (lead >= 0xc2 && lead <= 0xdf) {
      extra = 1;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      extra = 2;
      if (lead == 0xe0) low = 0xa0;   // overlong
      if (lead == 0xed) high = 0x9f;  // surrogates
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      extra = 3;
      if (lead == 0xf0) low = 0x90;   // overlong
      if (lead == 0xf4) high = 0x8f;  // past U+10FFFF
    } else {
      return false;
    }
    if (n - i <= extra) return false;
    if (in[i + 1] < low || in[i + 1] > high) return false;
    for (size_t j = 2; j <= extra; ++j) {
      if ((in[i + j] & 0xc0) != 0x80) return false;
    }
    i += extra + 1;
  }
  return true;
}

}  // namespace toysnap::node
