// Natives of the buffer extension: string <-> bytes in each of Node's
// encodings, comparison, search and byte swaps. buffer.js validates the
// arguments; these still check every type and range, so a wrong call throws
// rather than touching memory outside the view.
#include "runtime/node/buffer.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "runtime/native_util.h"
#include "runtime/node/buffer_codec.h"
#include "runtime/node/buffer_transcode.h"
#include "v8-array-buffer.h"
#include "v8-function-callback.h"
#include "v8-primitive.h"
#include "v8-typed-array.h"

namespace toysnap::node {
namespace {

// The numbering buffer.js uses (kEncodings there).
enum Encoding { kUtf8 = 0, kUcs2, kLatin1, kAscii, kBase64, kBase64Url, kHex };

using Info = v8::FunctionCallbackInfo<v8::Value>;

bool Fail(const Info& info, const char* what) {
  ThrowError(info.GetIsolate(), ErrorKind::kTypeError, what, "ERR_INVALID_ARG_TYPE");
  return false;
}

bool ViewArg(const Info& info, int index, absl::Span<uint8_t>* bytes) {
  if (!GetBytes(info[index], bytes)) return Fail(info, "buffer natives: expected a buffer");
  return true;
}

// An index argument clamped into [0, limit].
size_t IndexArg(const Info& info, int index, size_t limit) {
  double value = info[index]->IsNumber() ? info[index].As<v8::Number>()->Value() : 0;
  if (!(value > 0)) return 0;
  return value >= static_cast<double>(limit) ? limit : static_cast<size_t>(value);
}

int EncodingArg(const Info& info, int index) {
  return info[index]->IsInt32() ? info[index].As<v8::Int32>()->Value() : kUtf8;
}

// V8 gives no string, and throws nothing, past String::kMaxLength: Node's error.
void SetString(const Info& info, v8::MaybeLocal<v8::String> maybe) {
  v8::Local<v8::String> string;
  if (maybe.ToLocal(&string)) return info.GetReturnValue().Set(string);
  ThrowError(info.GetIsolate(), ErrorKind::kError,
             "Cannot create a string longer than 0x1fffffe8 characters", "ERR_STRING_TOO_LONG");
}

// Big results stay outside the V8 heap, as Node keeps them (its EXTERN_APEX):
// no second copy, and V8 is told of the memory for its GC heuristics.
class ExternalOneByte : public v8::String::ExternalOneByteStringResource {
 public:
  ExternalOneByte(v8::Isolate* isolate, std::unique_ptr<char[]> data, size_t length)
      : isolate_(isolate), data_(std::move(data)), length_(length) {
    isolate_->AdjustAmountOfExternalAllocatedMemory(static_cast<int64_t>(length_));
  }
  ~ExternalOneByte() override {
    isolate_->AdjustAmountOfExternalAllocatedMemory(-static_cast<int64_t>(length_));
  }
  const char* data() const override { return data_.get(); }
  size_t length() const override { return length_; }

 private:
  v8::Isolate* isolate_;  // not owned; outlives its strings
  std::unique_ptr<char[]> data_;
  size_t length_;
};

constexpr size_t kExternalFrom = 0xfbee9;

// Takes `data`; `length` chars, each one byte.
v8::MaybeLocal<v8::String> OneByteString(v8::Isolate* isolate, std::unique_ptr<char[]> data,
                                         size_t length) {
  if (length > static_cast<size_t>(v8::String::kMaxLength)) return {};
  if (length < kExternalFrom) {
    return v8::String::NewFromOneByte(isolate, reinterpret_cast<const uint8_t*>(data.get()),
                                      v8::NewStringType::kNormal, static_cast<int>(length));
  }
  auto* resource = new ExternalOneByte(isolate, std::move(data), length);
  v8::MaybeLocal<v8::String> string = v8::String::NewExternalOneByte(isolate, resource);
  if (string.IsEmpty()) delete resource;
  return string;
}

// bufferSlice(view, encoding, start, end) -> string
void Slice(const Info& info) {
  v8::Isolate* isolate = info.GetIsolate();
  absl::Span<uint8_t> all;
  if (!ViewArg(info, 0, &all)) return;
  const size_t end = IndexArg(info, 3, all.size());
  const size_t start = std::min(IndexArg(info, 2, all.size()), end);
  absl::Span<const uint8_t> bytes = all.subspan(start, end - start);
  if (bytes.empty()) return info.GetReturnValue().SetEmptyString();
  // Longer than any string V8 can hold, whatever the encoding.
  if (bytes.size() > static_cast<size_t>(v8::String::kMaxLength) * 4) {
    return SetString(info, v8::MaybeLocal<v8::String>());
  }
  const int size = static_cast<int>(std::min<size_t>(bytes.size(), 0x7fffffff));
  switch (EncodingArg(info, 1)) {
    case kUcs2: {
      std::vector<uint16_t> units(bytes.size() / 2);
      if (!units.empty()) std::memcpy(units.data(), bytes.data(), units.size() * 2);
      return SetString(info, v8::String::NewFromTwoByte(isolate, units.data(),
                                                        v8::NewStringType::kNormal,
                                                        static_cast<int>(units.size())));
    }
    case kLatin1:
      return SetString(info, v8::String::NewFromOneByte(isolate, bytes.data(),
                                                        v8::NewStringType::kNormal, size));
    case kAscii: {
      std::string text(bytes.begin(), bytes.end());
      for (char& c : text) c = static_cast<char>(c & 0x7f);
      return SetString(info, v8::String::NewFromOneByte(
                                 isolate, reinterpret_cast<const uint8_t*>(text.data()),
                                 v8::NewStringType::kNormal, size));
    }
    case kBase64:
    case kBase64Url: {
      const bool url = EncodingArg(info, 1) == kBase64Url;
      if (Base64EncodedSize(bytes.size(), url) > static_cast<size_t>(v8::String::kMaxLength)) {
        return SetString(info, v8::MaybeLocal<v8::String>());
      }
      const size_t length = Base64EncodedSize(bytes.size(), url);
      std::unique_ptr<char[]> text(new char[length]);
      Base64Encode(bytes, url, text.get());
      return SetString(info, OneByteString(isolate, std::move(text), length));
    }
    case kHex: {
      if (bytes.size() * 2 > static_cast<size_t>(v8::String::kMaxLength)) {
        return SetString(info, v8::MaybeLocal<v8::String>());
      }
      std::unique_ptr<char[]> text(new char[bytes.size() * 2]);
      HexEncode(bytes, text.get());
      return SetString(info, OneByteString(isolate, std::move(text), bytes.size() * 2));
    }
    default:
      return SetString(info, v8::String::NewFromUtf8(isolate,
                                                     reinterpret_cast<const char*>(bytes.data()),
                                                     v8::NewStringType::kNormal, size));
  }
}

template <typename Unit>
size_t DecodeUnits(int encoding, absl::Span<const Unit> units, absl::Span<uint8_t> out,
                   bool scratch) {
  if (encoding == kHex) return HexDecode(units, out);
  return Base64Decode(units, out, scratch);
}

// Base64 and hex read the string's units: an external string's in place,
// others copied once (one-byte strings at one byte per unit).
size_t WriteDecoded(v8::Isolate* isolate, v8::Local<v8::String> string, int encoding,
                    absl::Span<uint8_t> out, bool scratch) {
  const size_t length = static_cast<size_t>(string->Length());
  if (string->IsExternalOneByte()) {
    const auto* resource = string->GetExternalOneByteStringResource();
    return DecodeUnits<uint8_t>(
        encoding, absl::MakeConstSpan(reinterpret_cast<const uint8_t*>(resource->data()), length),
        out, scratch);
  }
  if (string->IsOneByte()) {
    std::unique_ptr<uint8_t[]> units(new uint8_t[length]);
    string->WriteOneByte(isolate, units.get(), 0, static_cast<int>(length),
                         v8::String::NO_NULL_TERMINATION);
    return DecodeUnits<uint8_t>(encoding, absl::MakeConstSpan(units.get(), length), out, scratch);
  }
  std::unique_ptr<uint16_t[]> units(new uint16_t[length]);
  string->Write(isolate, units.get(), 0, static_cast<int>(length), v8::String::NO_NULL_TERMINATION);
  return DecodeUnits<uint16_t>(encoding, absl::MakeConstSpan(units.get(), length), out, scratch);
}

// bufferWrite(view, string, offset, maxLength, encoding, scratch) -> bytes
// written; `scratch`: the view's bytes past those written are not the caller's yet.
void Write(const Info& info) {
  v8::Isolate* isolate = info.GetIsolate();
  absl::Span<uint8_t> all;
  if (!ViewArg(info, 0, &all)) return;
  if (!info[1]->IsString()) {
    ThrowInvalidArgType(isolate, "string", "of type string", info[1]);
    return;
  }
  v8::Local<v8::String> string = info[1].As<v8::String>();
  const size_t offset = IndexArg(info, 2, all.size());
  const size_t room = std::min<size_t>(IndexArg(info, 3, all.size() - offset), 0x7fffffff);
  absl::Span<uint8_t> out = all.subspan(offset, room);
  const int flags = v8::String::NO_NULL_TERMINATION | v8::String::REPLACE_INVALID_UTF8;
  size_t written = 0;
  if (!out.empty()) {
    switch (EncodingArg(info, 4)) {
      case kUcs2: {
        std::vector<uint16_t> units(out.size() / 2);
        const int count = units.empty() ? 0
                                        : string->Write(isolate, units.data(), 0,
                                                        static_cast<int>(units.size()), flags);
        std::memcpy(out.data(), units.data(), static_cast<size_t>(count) * 2);
        written = static_cast<size_t>(count) * 2;
        break;
      }
      case kLatin1:
      case kAscii:
        written = string->WriteOneByte(isolate, out.data(), 0, static_cast<int>(out.size()), flags);
        break;
      case kBase64:
      case kBase64Url:
      case kHex:
        written = WriteDecoded(isolate, string, EncodingArg(info, 4), out, info[5]->IsTrue());
        break;
      default:
        written = string->WriteUtf8(isolate, reinterpret_cast<char*>(out.data()),
                                    static_cast<int>(out.size()), nullptr, flags);
        break;
    }
  }
  info.GetReturnValue().Set(static_cast<double>(written));
}

// bufferByteLengthUtf8(string) -> UTF-8 size (a lone surrogate counts 3, as written)
void ByteLengthUtf8(const Info& info) {
  if (!info[0]->IsString()) return (void)Fail(info, "buffer natives: expected a string");
  info.GetReturnValue().Set(info[0].As<v8::String>()->Utf8Length(info.GetIsolate()));
}

// bufferCompare(a, b, aStart, aEnd, bStart, bEnd) -> -1, 0 or 1
void Compare(const Info& info) {
  absl::Span<uint8_t> a, b;
  if (!ViewArg(info, 0, &a) || !ViewArg(info, 1, &b)) return;
  const size_t a_end = info[3]->IsUndefined() ? a.size() : IndexArg(info, 3, a.size());
  const size_t a_start = std::min(IndexArg(info, 2, a.size()), a_end);
  const size_t b_end = info[5]->IsUndefined() ? b.size() : IndexArg(info, 5, b.size());
  const size_t b_start = std::min(IndexArg(info, 4, b.size()), b_end);
  const size_t a_size = a_end - a_start, b_size = b_end - b_start;
  const size_t common = std::min(a_size, b_size);
  int result = common == 0 ? 0 : std::memcmp(a.data() + a_start, b.data() + b_start, common);
  if (result == 0) result = a_size < b_size ? -1 : a_size > b_size ? 1 : 0;
  info.GetReturnValue().Set(result < 0 ? -1 : result > 0 ? 1 : 0);
}

// Node's starting point for a search of `needle` bytes from `offset`; -1: no match possible.
int64_t SearchStart(int64_t length, int64_t offset, int64_t needle, bool forward) {
  if (offset < 0) {
    if (offset + length >= 0) return length + offset;
    return forward || needle == 0 ? 0 : -1;
  }
  if (offset + needle <= length) return offset;
  if (needle == 0) return length;
  return forward ? -1 : length - 1;
}

int64_t OffsetArg(const Info& info, int index) {
  double value = info[index]->IsNumber() ? info[index].As<v8::Number>()->Value() : 0;
  if (!(value == value)) return 0;
  value = std::max(-9.0e15, std::min(9.0e15, value));
  return static_cast<int64_t>(value);
}

// The first match at or after `from` (memmem: linear time, whatever the input).
int64_t FindForward(absl::Span<const uint8_t> hay, absl::Span<const uint8_t> needle, size_t from) {
  if (from > hay.size()) return -1;
  const void* found = memmem(hay.data() + from, hay.size() - from, needle.data(), needle.size());
  return found == nullptr ? -1 : static_cast<const uint8_t*>(found) - hay.data();
}

// The last match starting at or before `from`.
int64_t FindBackward(absl::Span<const uint8_t> hay, absl::Span<const uint8_t> needle, size_t from) {
  const size_t end = std::min(hay.size(), from + needle.size());
  auto rbegin = std::make_reverse_iterator(hay.begin() + end);
  auto rend = std::make_reverse_iterator(hay.begin());
  auto found = std::search(rbegin, rend,
                           std::boyer_moore_horspool_searcher(needle.rbegin(), needle.rend()));
  if (found == rend) return -1;
  return static_cast<int64_t>(std::distance(hay.begin(), found.base())) -
         static_cast<int64_t>(needle.size());
}

// Node searches UTF-16 needles in whole code units: only even positions count.
int64_t Search(absl::Span<const uint8_t> hay, absl::Span<const uint8_t> needle, int64_t start,
               bool forward, bool ucs2) {
  if (ucs2) {
    hay = hay.first(hay.size() & ~size_t{1});
    needle = needle.first(needle.size() & ~size_t{1});
    start &= ~int64_t{1};
  }
  if (needle.empty() || needle.size() > hay.size()) return -1;
  int64_t at = start;
  for (;;) {
    at = forward ? FindForward(hay, needle, static_cast<size_t>(at))
                 : FindBackward(hay, needle, static_cast<size_t>(at));
    if (at < 0 || !ucs2 || at % 2 == 0) return at;
    at += forward ? 1 : -1;
    if (at < 0) return -1;
  }
}

// bufferIndexOf(view, needleView, byteOffset, ucs2, forward) -> index or -1
void IndexOf(const Info& info) {
  absl::Span<uint8_t> hay, needle;
  if (!ViewArg(info, 0, &hay) || !ViewArg(info, 1, &needle)) return;
  const bool ucs2 = info[3]->IsTrue();
  const bool forward = info[4]->IsTrue();
  const int64_t length = static_cast<int64_t>(hay.size());
  const int64_t start =
      SearchStart(length, OffsetArg(info, 2), static_cast<int64_t>(needle.size()), forward);
  double result = -1;
  if (needle.empty()) {
    result = static_cast<double>(start);
  } else if (!hay.empty() && start >= 0 &&
             !(forward && static_cast<int64_t>(needle.size()) + start > length) &&
             needle.size() <= hay.size()) {
    if (ucs2 && (hay.size() < 2 || needle.size() < 2)) {
      result = -1;
    } else if (ucs2 || needle.size() > 1) {
      result = static_cast<double>(Search(hay, needle, start, forward, ucs2));
    } else {
      const void* found =
          forward ? std::memchr(hay.data() + start, needle[0], hay.size() - start)
                  : memrchr(hay.data(), needle[0], static_cast<size_t>(start) + 1);
      result = found == nullptr ? -1 : static_cast<const uint8_t*>(found) - hay.data();
    }
  }
  info.GetReturnValue().Set(result);
}

// bufferSwap(view, width) swaps each group of `width` bytes in place.
void Swap(const Info& info) {
  absl::Span<uint8_t> bytes;
  if (!ViewArg(info, 0, &bytes)) return;
  const size_t width = info[1]->IsInt32() ? info[1].As<v8::Int32>()->Value() : 0;
  if (width != 2 && width != 4 && width != 8) return (void)Fail(info, "buffer natives: bad width");
  for (size_t i = 0; i + width <= bytes.size(); i += width) {
    std::reverse(bytes.begin() + i, bytes.begin() + i + width);
  }
}

// Node refuses to validate a detached buffer rather than call it empty.
bool Detached(const Info& info) {
  v8::Local<v8::Value> value = info[0];
  v8::Local<v8::ArrayBuffer> buffer;
  if (value->IsArrayBuffer()) buffer = value.As<v8::ArrayBuffer>();
  if (value->IsArrayBufferView()) {
    v8::Local<v8::Object> backing = value.As<v8::ArrayBufferView>()->Buffer();
    if (backing->IsArrayBuffer()) buffer = backing.As<v8::ArrayBuffer>();
  }
  if (buffer.IsEmpty() || !buffer->WasDetached()) return false;
  ThrowError(info.GetIsolate(), ErrorKind::kError, "Cannot validate on a detached buffer",
             "ERR_INVALID_STATE");
  return true;
}

void IsAsciiNative(const Info& info) {
  absl::Span<uint8_t> bytes;
  if (Detached(info) || !ViewArg(info, 0, &bytes)) return;
  info.GetReturnValue().Set(IsAscii(bytes));
}

void IsUtf8Native(const Info& info) {
  absl::Span<uint8_t> bytes;
  if (Detached(info) || !ViewArg(info, 0, &bytes)) return;
  info.GetReturnValue().Set(IsUtf8(bytes));
}

// bufferTranscode(view, fromId, toId) -> ArrayBuffer, or ICU's error number
void TranscodeNative(const Info& info) {
  absl::Span<uint8_t> bytes;
  if (!ViewArg(info, 0, &bytes)) return;
  const int from = EncodingArg(info, 1), to = EncodingArg(info, 2);
  constexpr int kIllegalArgument = 1;  // U_ILLEGAL_ARGUMENT_ERROR
  if (from < 0 || from > 3 || to < 0 || to > 3) return info.GetReturnValue().Set(kIllegalArgument);
  TranscodeResult result = Transcode(static_cast<TranscodeEncoding>(from),
                                     static_cast<TranscodeEncoding>(to), bytes);
  if (result.error != 0) return info.GetReturnValue().Set(result.error);
  v8::Local<v8::ArrayBuffer> buffer = v8::ArrayBuffer::New(info.GetIsolate(), result.bytes.size());
  if (!result.bytes.empty()) std::memcpy(buffer->Data(), result.bytes.data(), result.bytes.size());
  info.GetReturnValue().Set(buffer);
}

// bufferIcuErrorName(number) -> "U_..."
void IcuErrorName(const Info& info) {
  const int error = info[0]->IsInt32() ? info[0].As<v8::Int32>()->Value() : 0;
  v8::Local<v8::String> name;
  if (v8::String::NewFromUtf8(info.GetIsolate(), TranscodeErrorName(error)).ToLocal(&name)) {
    info.GetReturnValue().Set(name);
  }
}

// bufferAllocUninitialized(size) -> ArrayBuffer whose bytes are not zeroed:
// allocUnsafe past the pool, as Node's (the caller overwrites them or
// documents that it does not, as allocUnsafe does). Zeroing 16 MiB that a
// base64 decode then overwrites was a third of the decode's time.
void AllocUninitialized(const Info& info) {
  v8::Isolate* isolate = info.GetIsolate();
  const double requested = info[0]->IsNumber() ? info[0].As<v8::Number>()->Value() : -1;
  if (!(requested >= 0 && requested <= static_cast<double>(v8::TypedArray::kMaxLength))) {
    return ThrowError(isolate, ErrorKind::kRangeError, "Array buffer allocation failed");
  }
  const size_t size = static_cast<size_t>(requested);
  void* data = malloc(size == 0 ? 1 : size);
  if (data == nullptr) {
    return ThrowError(isolate, ErrorKind::kRangeError, "Array buffer allocation failed");
  }
  std::shared_ptr<v8::BackingStore> store = v8::ArrayBuffer::NewBackingStore(
      data, size, [](void* bytes, size_t, void*) { free(bytes); }, nullptr);
  info.GetReturnValue().Set(v8::ArrayBuffer::New(isolate, std::move(store)));
}

constexpr NativeFunction kFunctions[] = {
    {"bufferAllocUninitialized", AllocUninitialized, 1},
    {"bufferSlice", Slice, 4},
    {"bufferWrite", Write, 6},
    {"bufferByteLengthUtf8", ByteLengthUtf8, 1},
    {"bufferCompare", Compare, 6},
    {"bufferIndexOf", IndexOf, 5},
    {"bufferSwap", Swap, 2},
    {"bufferIsAscii", IsAsciiNative, 1},
    {"bufferIsUtf8", IsUtf8Native, 1},
    {"bufferTranscode", TranscodeNative, 3},
    {"bufferIcuErrorName", IcuErrorName, 1},
};

}  // namespace

const Extension& BufferExtension() {
  static constexpr absl::string_view kJs[] = {"node_errors.js", "buffer_builtin.js"};
  // Buffer: compiled at the first use of Buffer or require('buffer'); Blob,
  // File and object URLs when a program first uses one.
  static constexpr absl::string_view kLazyJs[] = {"buffer.js", "buffer_numbers.js",
                                                  "buffer_blob.js"};
  static const Extension kExtension{"buffer", 1, kFunctions, {}, {}, {}, kJs, nullptr, kLazyJs};
  return kExtension;
}

}  // namespace toysnap::node
