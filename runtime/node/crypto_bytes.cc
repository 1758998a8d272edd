// String encodings for the crypto extension (crypto_bytes.h).
#include "runtime/node/crypto_bytes.h"

#include <cstring>
#include <vector>

#include "absl/strings/ascii.h"
#include "runtime/native_util.h"
#include "v8-primitive.h"

namespace toysnap::node {
namespace {

constexpr char kHexDigits[] = "0123456789abcdef";
constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr char kBase64Url[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// Node's decoders read only the low byte of each UTF-16 unit ("\u0130" is a
// '0'), so these take bytes.
int HexValue(uint8_t c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Both alphabets are accepted in either encoding, as Node's decoder does.
int Base64Value(uint8_t c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+' || c == '-') return 62;
  if (c == '/' || c == '_') return 63;
  return -1;
}

std::vector<uint16_t> CodeUnits(v8::Isolate* isolate, v8::Local<v8::String> text) {
  std::vector<uint16_t> units(static_cast<size_t>(text->Length()));
  if (!units.empty()) text->Write(isolate, units.data(), 0, static_cast<int>(units.size()),
                                  v8::String::NO_NULL_TERMINATION);
  return units;
}

std::string EncodeBase64(absl::Span<const uint8_t> bytes, const char* alphabet, bool pad) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    uint32_t n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += alphabet[n >> 18];
    out += alphabet[(n >> 12) & 63];
    out += alphabet[(n >> 6) & 63];
    out += alphabet[n & 63];
  }
  size_t rest = bytes.size() - i;
  if (rest > 0) {
    uint32_t n = bytes[i] << 16;
    if (rest == 2) n |= bytes[i + 1] << 8;
    out += alphabet[n >> 18];
    out += alphabet[(n >> 12) & 63];
    if (rest == 2) out += alphabet[(n >> 6) & 63];
    if (pad) out.append(rest == 1 ? "==" : "=");
  }
  return out;
}

v8::MaybeLocal<v8::String> OneByte(v8::Isolate* isolate, absl::string_view text) {
  return v8::String::NewFromOneByte(isolate, reinterpret_cast<const uint8_t*>(text.data()),
                                    v8::NewStringType::kNormal, static_cast<int>(text.size()));
}

}  // namespace

Encoding ParseEncoding(v8::Isolate* isolate, v8::Local<v8::Value> value, Encoding fallback) {
  if (!value->IsString()) return fallback;
  v8::String::Utf8Value utf8(isolate, value);
  if (*utf8 == nullptr) return fallback;
  std::string name = absl::AsciiStrToLower(absl::string_view(*utf8, utf8.length()));
  if (name == "utf8" || name == "utf-8") return Encoding::kUtf8;
  if (name == "latin1" || name == "binary") return Encoding::kLatin1;
  if (name == "ascii") return Encoding::kAscii;
  if (name == "ucs2" || name == "ucs-2" || name == "utf16le" || name == "utf-16le") {
    return Encoding::kUcs2;
  }
  if (name == "hex") return Encoding::kHex;
  if (name == "base64") return Encoding::kBase64;
  if (name == "base64url") return Encoding::kBase64Url;
  if (name == "buffer") return Encoding::kBuffer;
  return fallback;
}

std::string DecodeString(v8::Isolate* isolate, v8::Local<v8::String> text, Encoding encoding) {
  std::string out;
  switch (encoding) {
    case Encoding::kUtf8:
    case Encoding::kBuffer: {
      out.resize(static_cast<size_t>(text->Utf8Length(isolate)));
      if (!out.empty()) {
        text->WriteUtf8(isolate, out.data(), static_cast<int>(out.size()), nullptr,
                        v8::String::NO_NULL_TERMINATION | v8::String::REPLACE_INVALID_UTF8);
      }
      return out;
    }
    case Encoding::kLatin1:
    case Encoding::kAscii: {
      out.resize(static_cast<size_t>(text->Length()));
      if (!out.empty()) {
        text->WriteOneByte(isolate, reinterpret_cast<uint8_t*>(out.data()), 0,
                           static_cast<int>(out.size()), v8::String::NO_NULL_TERMINATION);
      }
      return out;
    }
    case Encoding::kUcs2: {
      std::vector<uint16_t> units = CodeUnits(isolate, text);
      out.resize(units.size() * 2);
      for (size_t i = 0; i < units.size(); ++i) {
        out[2 * i] = static_cast<char>(units[i] & 0xff);
        out[2 * i + 1] = static_cast<char>(units[i] >> 8);
      }
      return out;
    }
    case Encoding::kHex: {
      std::vector<uint16_t> units = CodeUnits(isolate, text);
      out.reserve(units.size() / 2);
      for (size_t i = 0; i + 1 < units.size(); i += 2) {
        int high = HexValue(static_cast<uint8_t>(units[i]));
        int low = HexValue(static_cast<uint8_t>(units[i + 1]));
        if (high < 0 || low < 0) break;
        out += static_cast<char>((high << 4) | low);
      }
      return out;
    }
    case Encoding::kBase64:
    case Encoding::kBase64Url: {
      std::vector<uint16_t> units = CodeUnits(isolate, text);
      out.reserve(units.size() * 3 / 4);
      uint32_t accumulator = 0;
      int bits = 0;
      for (uint16_t unit : units) {
        auto byte = static_cast<uint8_t>(unit);
        if (byte == '=') break;
        int value = Base64Value(byte);
        if (value < 0) continue;
        accumulator = (accumulator << 6) | static_cast<uint32_t>(value);
        bits += 6;
        if (bits >= 8) {
          bits -= 8;
          out += static_cast<char>((accumulator >> bits) & 0xff);
        }
      }
      return out;
    }
  }
  return out;
}

v8::MaybeLocal<v8::Value> EncodeBytes(v8::Isolate* isolate, absl::Span<const uint8_t> bytes,
                                      Encoding encoding) {
  absl::string_view raw(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  v8::MaybeLocal<v8::String> text;
  switch (encoding) {
    case Encoding::kBuffer:
      return NewArrayBufferCopy(isolate, bytes);
    case Encoding::kUtf8:
      text = v8::String::NewFromUtf8(isolate, raw.data(), v8::NewStringType::kNormal,
                                     static_cast<int>(raw.size()));
      break;
    case Encoding::kLatin1:
      text = OneByte(isolate, raw);
      break;
    case Encoding::kAscii: {
      std::string masked(raw);
      for (char& c : masked) c = static_cast<char>(c & 0x7f);
      text = OneByte(isolate, masked);
      break;
    }
    case Encoding::kUcs2: {
      std::vector<uint16_t> units(bytes.size() / 2);
      for (size_t i = 0; i < units.size(); ++i) {
        units[i] = static_cast<uint16_t>(bytes[2 * i] | (bytes[2 * i + 1] << 8));
      }
      text = v8::String::NewFromTwoByte(isolate, units.data(), v8::NewStringType::kNormal,
                                        static_cast<int>(units.size()));
      break;
    }
    case Encoding::kHex: {
      std::string hex(bytes.size() * 2, '\0');
      for (size_t i = 0; i < bytes.size(); ++i) {
        hex[2 * i] = kHexDigits[bytes[i] >> 4];
        hex[2 * i + 1] = kHexDigits[bytes[i] & 15];
      }
      text = OneByte(isolate, hex);
      break;
    }
    case Encoding::kBase64:
      text = OneByte(isolate, EncodeBase64(bytes, kBase64, true));
      break;
    case Encoding::kBase64Url:
      text = OneByte(isolate, EncodeBase64(bytes, kBase64Url, false));
      break;
  }
  v8::Local<v8::String> local;
  if (!text.ToLocal(&local)) {
    ThrowError(isolate, ErrorKind::kError, "Cannot create a string longer than 0x1fffffe8 characters",
               "ERR_STRING_TOO_LONG");
    return {};
  }
  return local;
}

v8::Local<v8::ArrayBuffer> NewArrayBufferCopy(v8::Isolate* isolate,
                                              absl::Span<const uint8_t> bytes) {
  v8::Local<v8::ArrayBuffer> buffer = v8::ArrayBuffer::New(isolate, bytes.size());
  if (!bytes.empty()) std::memcpy(buffer->GetBackingStore()->Data(), bytes.data(), bytes.size());
  return buffer;
}

bool ReadBytes(v8::Isolate* isolate, v8::Local<v8::Value> value, Encoding encoding,
               std::string* out) {
  if (value->IsString()) {
    *out = DecodeString(isolate, value.As<v8::String>(), encoding);
    return true;
  }
  absl::Span<uint8_t> bytes;
  if (!GetBytes(value, &bytes)) return false;
  out->assign(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  return true;
}

}  // namespace toysnap::node
