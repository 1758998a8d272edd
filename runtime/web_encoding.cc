// WHATWG UTF-8 decoding and forgiving-base64.
#include "runtime/web_encoding.h"

#include "absl/status/status.h"
#include "absl/strings/ascii.h"

namespace toysnap {
namespace {

bool IsAsciiWhitespace(char c) {
  return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
}

// Serialized layout (kStateSize bytes): version, flags, bytes needed, bytes seen,
// lower boundary, upper boundary, code point (4 bytes, little-endian).
constexpr uint8_t kStateVersion = 1;
constexpr size_t kStateSize = 10;
enum StateFlags : uint8_t { kFatal = 1, kIgnoreBom = 2, kDoNotFlush = 4, kBomSeen = 8 };

int Base64Value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

}  // namespace

bool IsUtf8Label(absl::string_view label) {
  while (!label.empty() && IsAsciiWhitespace(label.front())) label.remove_prefix(1);
  while (!label.empty() && IsAsciiWhitespace(label.back())) label.remove_suffix(1);
  std::string lower = absl::AsciiStrToLower(label);
  for (absl::string_view name : {"unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8",
                                 "utf8", "x-unicode20utf8"}) {
    if (lower == name) return true;
  }
  return false;
}

void Utf8StreamDecoder::ResetSequence() {
  code_point_ = 0;
  bytes_needed_ = 0;
  bytes_seen_ = 0;
  lower_ = 0x80;
  upper_ = 0xBF;
}

bool Utf8StreamDecoder::Error(std::u16string* out) {
  if (fatal_) {
    ResetSequence();
    do_not_flush_ = false;
    bom_seen_ = false;
    return false;
  }
  Emit(0xFFFD, out);
  return true;
}

void Utf8StreamDecoder::Emit(uint32_t code_point, std::u16string* out) {
  // The BOM seen flag is set by the first scalar value the stream produces.
  if (!bom_seen_ && !ignore_bom_) {
    bom_seen_ = true;
    if (code_point == 0xFEFF) return;
  }
  if (code_point < 0x10000) {
    out->push_back(static_cast<char16_t>(code_point));
  } else {
    code_point -= 0x10000;
    out->push_back(static_cast<char16_t>(0xD800 + (code_point >> 10)));
    out->push_back(static_cast<char16_t>(0xDC00 + (code_point & 0x3FF)));
  }
}

bool Utf8StreamDecoder::Decode(absl::string_view bytes, bool stream, std::u16string* out) {
  if (!do_not_flush_) {  // the previous call ended the stream: start a new one
    ResetSequence();
    bom_seen_ = false;
  }
  do_not_flush_ = stream;
  out->reserve(out->size() + bytes.size());
  size_t i = 0;
  while (i < bytes.size()) {
    uint8_t byte = static_cast<uint8_t>(bytes[i]);
    if (bytes_needed_ == 0) {
      ++i;
      if (byte < 0x80) {
        Emit(byte, out);
      } else if (byte >= 0xC2 && byte <= 0xDF) {
        bytes_needed_ = 1;
        code_point_ = byte & 0x1F;
      } else if (byte >= 0xE0 && byte <= 0xEF) {
        if (byte == 0xE0) lower_ = 0xA0;
        if (byte == 0xED) upper_ = 0x9F;
        bytes_needed_ = 2;
        code_point_ = byte & 0xF;
      } else if (byte >= 0xF0 && byte <= 0xF4) {
        if (byte == 0xF0) lower_ = 0x90;
        if (byte == 0xF4) upper_ = 0x8F;
        bytes_needed_ = 3;
        code_point_ = byte & 0x7;
      } else if (!Error(out)) {
        return false;
      }
      continue;
    }
    if (byte < lower_ || byte > upper_) {
      // The sequence so far is one maximal subpart; the byte starts afresh.
      ResetSequence();
      if (!Error(out)) return false;
      continue;
    }
    ++i;
    lower_ = 0x80;
    upper_ = 0xBF;
    code_point_ = (code_point_ << 6) | (byte & 0x3F);
    if (++bytes_seen_ == bytes_needed_) {
      Emit(code_point_, out);
      ResetSequence();
    }
  }
  if (!stream && bytes_needed_ != 0) {
    ResetSequence();
    if (!Error(out)) return false;
  }
  return true;
}

std::string Utf8StreamDecoder::Serialize() const {
  std::string bytes(kStateSize, '\0');
  bytes[0] = static_cast<char>(kStateVersion);
  bytes[1] = static_cast<char>((fatal_ ? kFatal : 0) | (ignore_bom_ ? kIgnoreBom : 0) |
                               (do_not_flush_ ? kDoNotFlush : 0) | (bom_seen_ ? kBomSeen : 0));
  bytes[2] = static_cast<char>(bytes_needed_);
  bytes[3] = static_cast<char>(bytes_seen_);
  bytes[4] = static_cast<char>(lower_);
  bytes[5] = static_cast<char>(upper_);
  for (int i = 0; i < 4; ++i) bytes[6 + i] = static_cast<char>((code_point_ >> (8 * i)) & 0xFF);
  return bytes;
}

absl::StatusOr<Utf8StreamDecoder> Utf8StreamDecoder::Restore(absl::string_view bytes) {
  if (bytes.size() != kStateSize || static_cast<uint8_t>(bytes[0]) != kStateVersion) {
    return absl::DataLossError("TextDecoder state has the wrong size or version");
  }
  auto byte = [&](int i) { return static_cast<uint8_t>(bytes[i]); };
  Utf8StreamDecoder decoder((byte(1) & kFatal) != 0, (byte(1) & kIgnoreBom) != 0);
  decoder.do_not_flush_ = (byte(1) & kDoNotFlush) != 0;
  decoder.bom_seen_ = (byte(1) & kBomSeen) != 0;
  decoder.bytes_needed_ = byte(2);
  decoder.bytes_seen_ = byte(3);
  decoder.lower_ = byte(4);
  decoder.upper_ = byte(5);
  for (int i = 0; i < 4; ++i) decoder.code_point_ |= static_cast<uint32_t>(byte(6 + i)) << (8 * i);
  if (decoder.bytes_needed_ > 3 || decoder.bytes_seen_ > decoder.bytes_needed_ ||
      (decoder.bytes_needed_ > 0 && decoder.bytes_seen_ == decoder.bytes_needed_) ||
      decoder.lower_ < 0x80 || decoder.upper_ > 0xBF || decoder.lower_ > decoder.upper_ ||
      decoder.code_point_ > 0x10FFFF) {
    return absl::DataLossError("TextDecoder state is inconsistent");
  }
  return decoder;
}

absl::StatusOr<std::string> ForgivingBase64Decode(absl::string_view input) {
  const absl::Status invalid = absl::InvalidArgumentError("Invalid character");
  size_t significant = 0;  // characters other than ASCII whitespace
  size_t equals = 0;
  for (char c : input) {
    if (IsAsciiWhitespace(c)) continue;
    if (c == '=') {
      ++equals;
      if (equals > 2) return invalid;
    } else if (Base64Value(c) < 0 || equals > 0) {
      return invalid;  // not in the alphabet, or data after padding
    }
    ++significant;
  }
  size_t remainder = significant % 4;
  if (remainder == 0) {
    remainder = (significant - equals) % 4;
  } else if (equals > 0) {
    return invalid;  // padding is only allowed to complete a quantum
  }
  if (remainder == 1) {
    return absl::InvalidArgumentError("The string to be decoded is not correctly encoded.");
  }
  std::string out;
  out.reserve((significant - equals) / 4 * 3 + 2);
  uint32_t bits = 0;
  int count = 0;
  for (char c : input) {
    int value = Base64Value(c);
    if (value < 0) continue;
    bits = (bits << 6) | static_cast<uint32_t>(value);
    if (++count == 4) {
      out.push_back(static_cast<char>(bits >> 16));
      out.push_back(static_cast<char>((bits >> 8) & 0xFF));
      out.push_back(static_cast<char>(bits & 0xFF));
      bits = 0;
      count = 0;
    }
  }
  // Leftover bits that do not make a whole byte are dropped, as WHATWG says.
  if (count == 2) {
    out.push_back(static_cast<char>(bits >> 4));
  } else if (count == 3) {
    out.push_back(static_cast<char>(bits >> 10));
    out.push_back(static_cast<char>((bits >> 2) & 0xFF));
  }
  return out;
}

}  // namespace toysnap
