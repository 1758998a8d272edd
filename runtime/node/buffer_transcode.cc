// buffer.transcode on ICU (libicuuc, which libnode.so.108 loads): the
// conversions Node 20 makes between utf8, utf16le, latin1 and ascii, with its
// '?' substitutions, and ICU's error for what it refuses.
#include "runtime/node/buffer_transcode.h"

#include <unicode/ucnv.h>
#include <unicode/ustring.h>
#include <unicode/utypes.h>

#include <cstring>
#include <memory>

namespace toysnap::node {
namespace {

const char* IcuName(TranscodeEncoding encoding) {
  switch (encoding) {
    case TranscodeEncoding::kAscii: return "us-ascii";
    case TranscodeEncoding::kLatin1: return "iso8859-1";
    case TranscodeEncoding::kUcs2: return "utf16le";
    case TranscodeEncoding::kUtf8: return "utf-8";
  }
  return nullptr;
}

struct ConverterCloser {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

Converter Open(TranscodeEncoding encoding, UErrorCode* status) {
  return Converter(ucnv_open(IcuName(encoding), status));
}

std::vector<uint8_t> Units(const UChar* units, size_t count) {
  std::vector<uint8_t> out(count * 2);
  if (count > 0) std::memcpy(out.data(), units, count * 2);  // little-endian host
  return out;
}

// Either encoding to the other through ICU's pivot, '?' for what `to` lacks.
TranscodeResult Generic(TranscodeEncoding from_encoding, TranscodeEncoding to_encoding,
                        absl::Span<const uint8_t> source) {
  UErrorCode status = U_ZERO_ERROR;
  Converter to = Open(to_encoding, &status);
  Converter from = Open(from_encoding, &status);
  if (U_FAILURE(status)) return {status, {}};
  std::string substitute(ucnv_getMinCharSize(to.get()), '?');
  ucnv_setSubstChars(to.get(), substitute.data(), static_cast<int8_t>(substitute.size()), &status);
  std::vector<uint8_t> out(source.size() * ucnv_getMaxCharSize(to.get()));
  char* target = reinterpret_cast<char*>(out.data());
  const char* input = reinterpret_cast<const char*>(source.data());
  ucnv_convertEx(to.get(), from.get(), &target, target + out.size(), &input, input + source.size(),
                 nullptr, nullptr, nullptr, nullptr, true, true, &status);
  if (U_FAILURE(status)) return {status, {}};
  out.resize(target - reinterpret_cast<char*>(out.data()));
  return {U_ZERO_ERROR, std::move(out)};
}

// Node 20 widens each byte (simdutf's latin1 to UTF-16), ASCII included.
TranscodeResult SingleByteToUcs2(absl::Span<const uint8_t> source) {
  std::vector<uint8_t> out(source.size() * 2);
  for (size_t i = 0; i < source.size(); ++i) out[i * 2] = source[i];
  return {U_ZERO_ERROR, std::move(out)};
}

TranscodeResult Utf8ToUcs2(absl::Span<const uint8_t> source) {
  UErrorCode status = U_ZERO_ERROR;
  std::vector<UChar> units(source.size() + 1);
  int32_t count = 0;
  u_strFromUTF8(units.data(), static_cast<int32_t>(units.size()), &count,
                reinterpret_cast<const char*>(source.data()), static_cast<int32_t>(source.size()),
                &status);
  // Node 20 converts with simdutf, which reports nothing converted as invalid.
  if (U_SUCCESS(status) && count == 0) status = U_INVALID_CHAR_FOUND;
  if (U_FAILURE(status)) return {status, {}};
  return {U_ZERO_ERROR, Units(units.data(), count)};
}

std::vector<UChar> UcsUnits(absl::Span<const uint8_t> source) {
  std::vector<UChar> units(source.size() / 2);
  if (!units.empty()) std::memcpy(units.data(), source.data(), units.size() * 2);
  return units;
}

TranscodeResult Ucs2ToUtf8(absl::Span<const uint8_t> source) {
  UErrorCode status = U_ZERO_ERROR;
  std::vector<UChar> units = UcsUnits(source);
  std::vector<uint8_t> out(units.size() * 3 + 1);
  int32_t length = 0;
  u_strToUTF8(reinterpret_cast<char*>(out.data()), static_cast<int32_t>(out.size()), &length,
              units.data(), static_cast<int32_t>(units.size()), &status);
  if (U_SUCCESS(status) && length == 0) status = U_INVALID_CHAR_FOUND;  // as simdutf's
  if (U_FAILURE(status)) return {status, {}};
  out.resize(length);
  return {U_ZERO_ERROR, std::move(out)};
}

TranscodeResult Ucs2ToSingleByte(TranscodeEncoding to_encoding, absl::Span<const uint8_t> source) {
  UErrorCode status = U_ZERO_ERROR;
  Converter to = Open(to_encoding, &status);
  if (U_FAILURE(status)) return {status, {}};
  ucnv_setSubstChars(to.get(), "?", 1, &status);
  std::vector<UChar> units = UcsUnits(source);
  std::vector<uint8_t> out(units.size() + 1);
  int32_t length = ucnv_fromUChars(to.get(), reinterpret_cast<char*>(out.data()),
                                   static_cast<int32_t>(out.size()), units.data(),
                                   static_cast<int32_t>(units.size()), &status);
  if (U_FAILURE(status)) return {status, {}};
  // Node's result has one byte per code unit, whatever ICU wrote.
  out.resize(units.size());
  (void)length;
  return {U_ZERO_ERROR, std::move(out)};
}

}  // namespace

TranscodeResult Transcode(TranscodeEncoding from, TranscodeEncoding to,
                          absl::Span<const uint8_t> source) {
  switch (from) {
    case TranscodeEncoding::kAscii:
    case TranscodeEncoding::kLatin1:
      return to == TranscodeEncoding::kUcs2 ? SingleByteToUcs2(source)
                                            : Generic(from, to, source);
    case TranscodeEncoding::kUtf8:
      return to == TranscodeEncoding::kUcs2 ? Utf8ToUcs2(source) : Generic(from, to, source);
    case TranscodeEncoding::kUcs2:
      if (to == TranscodeEncoding::kUcs2) return Generic(from, to, source);
      if (to == TranscodeEncoding::kUtf8) return Ucs2ToUtf8(source);
      return Ucs2ToSingleByte(to, source);
  }
  return {U_ILLEGAL_ARGUMENT_ERROR, {}};
}

const char* TranscodeErrorName(int error) { return u_errorName(static_cast<UErrorCode>(error)); }

}  // namespace toysnap::node
