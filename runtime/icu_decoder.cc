// TextDecoder's legacy and UTF-16 encodings on ICU's converters.
#include "runtime/icu_decoder.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucnv_err.h>
#include <unicode/utypes.h>

#include <algorithm>
#include <utility>

namespace toysnap {
namespace {

// Serialized layout: version, flags, encoding name length, name, pending bytes.
constexpr uint8_t kStateVersion = 2;  // 1 is Utf8StreamDecoder's
enum StateFlags : uint8_t { kFatal = 1, kIgnoreBom = 2, kBomSeen = 4 };

// What the conversion callback does with bytes ICU cannot map.
struct InvalidBytes {
  bool fatal;    // stop: Decode() then fails
  bool gb18030;  // WHATWG's gb18030 (and gbk) decode a lone 0x80 as U+20AC; ICU's does not
};
constexpr InvalidBytes kInvalidBytes[] = {{false, false}, {true, false}, {false, true}, {true, true}};

// ICU's own substitute callback writes U+001A for some code pages; WHATWG (and
// Node) always write U+FFFD.
void OnInvalidBytes(const void* context, UConverterToUnicodeArgs* args, const char* units,
                    int32_t length, UConverterCallbackReason reason, UErrorCode* status) {
  if (reason > UCNV_IRREGULAR) return;  // reset, close or clone: nothing to write
  const auto* mode = static_cast<const InvalidBytes*>(context);
  UChar replacement = 0xFFFD;
  if (mode->gb18030 && length == 1 && static_cast<uint8_t>(units[0]) == 0x80) {
    replacement = 0x20AC;
  } else if (mode->fatal) {
    return;  // *status stays an error: ICU stops
  }
  *status = U_ZERO_ERROR;
  ucnv_cbToUWriteUChars(args, &replacement, 1, 0, status);
}

}  // namespace

void IcuStreamDecoder::Closer::operator()(UConverter* converter) const { ucnv_close(converter); }

absl::StatusOr<IcuStreamDecoder> IcuStreamDecoder::Create(absl::string_view encoding, bool fatal,
                                                          bool ignore_bom) {
  IcuStreamDecoder decoder{std::string(encoding), fatal, ignore_bom};
  if (encoding == "windows-1252") {
    decoder.latin1_ = true;
    return decoder;
  }
  UErrorCode status = U_ZERO_ERROR;
  decoder.converter_.reset(ucnv_open(decoder.encoding_.c_str(), &status));
  if (U_FAILURE(status) || decoder.converter_ == nullptr) {
    return absl::NotFoundError("ICU has no converter for " + decoder.encoding_);
  }
  const InvalidBytes* mode = &kInvalidBytes[(fatal ? 1 : 0) + (encoding == "gb18030" ? 2 : 0)];
  ucnv_setToUCallBack(decoder.converter_.get(), OnInvalidBytes, mode, nullptr, nullptr, &status);
  UConverterType type = ucnv_getType(decoder.converter_.get());
  decoder.unicode_ = type == UCNV_UTF16_BigEndian || type == UCNV_UTF16_LittleEndian;
  if (U_FAILURE(status)) return absl::InternalError("ICU refused the converter's callback");
  return decoder;
}

void IcuStreamDecoder::Restart() {
  if (converter_ != nullptr) ucnv_resetToUnicode(converter_.get());
  pending_.clear();
  bom_seen_ = false;
}

bool IcuStreamDecoder::Decode(absl::string_view bytes, bool stream, std::u16string* out) {
  if (latin1_) {
    out->reserve(out->size() + bytes.size());
    for (char byte : bytes) out->push_back(static_cast<char16_t>(static_cast<uint8_t>(byte)));
    return true;
  }
  size_t start = out->size();
  const char* source = bytes.data();
  const char* source_end = source + bytes.size();
  UErrorCode status = U_ZERO_ERROR;
  // Each byte makes at most one UTF-16 unit, but a converter may flush more.
  size_t capacity = bytes.size() + 16;
  for (;;) {
    size_t used = out->size();
    out->resize(used + capacity);
    UChar* target = reinterpret_cast<UChar*>(&(*out)[used]);
    UChar* target_begin = target;
    status = U_ZERO_ERROR;
    ucnv_toUnicode(converter_.get(), &target, target + capacity, &source, source_end, nullptr,
                   !stream, &status);
    out->resize(used + static_cast<size_t>(target - target_begin));
    if (status != U_BUFFER_OVERFLOW_ERROR) break;
    capacity *= 2;
  }
  if (U_FAILURE(status)) {
    out->resize(start);
    Restart();
    return false;
  }
  if (unicode_ && !ignore_bom_ && !bom_seen_ && out->size() > start) {
    // Like Node, the first unit the stream produces is dropped if it is a BOM.
    if ((*out)[start] == 0xFEFF) out->erase(start, 1);
    bom_seen_ = true;
  }
  if (!stream) {
    Restart();
    return true;
  }
  status = U_ZERO_ERROR;
  // The converter keeps the unfinished character; a copy of its bytes (the end
  // of everything fed so far) is only for Serialize().
  int32_t held = ucnv_toUCountPending(converter_.get(), &status);
  pending_ += std::string(bytes);
  size_t keep = U_SUCCESS(status) && held > 0 ? std::min(static_cast<size_t>(held), pending_.size())
                                              : 0;
  pending_.erase(0, pending_.size() - keep);
  return true;
}

std::string IcuStreamDecoder::Serialize() const {
  std::string bytes;
  bytes.push_back(static_cast<char>(kStateVersion));
  bytes.push_back(static_cast<char>((fatal_ ? kFatal : 0) | (ignore_bom_ ? kIgnoreBom : 0) |
                                    (bom_seen_ ? kBomSeen : 0)));
  bytes.push_back(static_cast<char>(encoding_.size()));
  bytes += encoding_;
  bytes += pending_;
  return bytes;
}

absl::StatusOr<IcuStreamDecoder> IcuStreamDecoder::Restore(absl::string_view bytes) {
  if (bytes.size() < 3 || static_cast<uint8_t>(bytes[0]) != kStateVersion) {
    return absl::DataLossError("TextDecoder state has the wrong size or version");
  }
  uint8_t flags = static_cast<uint8_t>(bytes[1]);
  size_t name_size = static_cast<uint8_t>(bytes[2]);
  if (bytes.size() < 3 + name_size || (flags & ~(kFatal | kIgnoreBom | kBomSeen)) != 0) {
    return absl::DataLossError("TextDecoder state is inconsistent");
  }
  absl::StatusOr<IcuStreamDecoder> decoder =
      Create(bytes.substr(3, name_size), (flags & kFatal) != 0, (flags & kIgnoreBom) != 0);
  if (!decoder.ok()) return absl::DataLossError(decoder.status().message());
  absl::string_view pending = bytes.substr(3 + name_size);
  // Real pending bytes are at most one character; the converter takes them back.
  if (pending.size() > 8 || (decoder->latin1_ && !pending.empty())) {
    return absl::DataLossError("TextDecoder state is inconsistent");
  }
  std::u16string ignored;
  if (!pending.empty() && (!decoder->Decode(pending, true, &ignored) || !ignored.empty())) {
    return absl::DataLossError("TextDecoder state is inconsistent");
  }
  decoder->bom_seen_ = (flags & kBomSeen) != 0;
  return decoder;
}

}  // namespace toysnap
