// URL natives: JS strings in as UTF-8 (lone surrogates as U+FFFD, as Node's
// binding does), ada's answers out as JS strings. Bad arguments throw
// TypeError; nothing aborts.
#include "runtime/web/url.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "runtime/native_util.h"
#include "runtime/v8_strings.h"
#include "runtime/web/ada_url.h"
#include "v8-container.h"
#include "v8-context.h"
#include "v8-isolate.h"
#include "v8-primitive.h"
#include "v8-typed-array.h"

namespace toysnap::web {
namespace {

// As UTF-8, lone surrogates as U+FFFD. An ASCII string, as most URLs are,
// is copied as is: V8's UTF-8 encoder costs several times more.
std::string Utf8(v8::Isolate* isolate, v8::Local<v8::String> string) {
  std::string text;
  if (string->IsOneByte()) {
    text.resize(static_cast<size_t>(string->Length()));
    string->WriteOneByte(isolate, reinterpret_cast<uint8_t*>(text.data()), 0,
                         static_cast<int>(text.size()), v8::String::NO_NULL_TERMINATION);
    if (std::all_of(text.begin(), text.end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
      return text;
    }
  }
  text.assign(static_cast<size_t>(string->Utf8Length(isolate)), '\0');
  string->WriteUtf8(isolate, text.data(), static_cast<int>(text.size()), nullptr,
                    v8::String::NO_NULL_TERMINATION | v8::String::REPLACE_INVALID_UTF8);
  return text;
}

// info[index] as UTF-8; throws TypeError (and returns false) if not a string.
bool StringArg(const v8::FunctionCallbackInfo<v8::Value>& info, int index, std::string* text) {
  if (!info[index]->IsString()) {
    ThrowError(info.GetIsolate(), ErrorKind::kTypeError, "expected a string argument");
    return false;
  }
  *text = Utf8(info.GetIsolate(), info[index].As<v8::String>());
  return true;
}

// info[index] as UTF-8, or nullopt when undefined.
bool OptionalStringArg(const v8::FunctionCallbackInfo<v8::Value>& info, int index,
                       std::optional<std::string>* text) {
  if (info[index]->IsUndefined()) return true;
  std::string value;
  if (!StringArg(info, index, &value)) return false;
  *text = std::move(value);
  return true;
}

void ReturnString(const v8::FunctionCallbackInfo<v8::Value>& info, const std::string& text) {
  v8::Local<v8::String> string;
  if (NewStringOrThrow(info.GetIsolate(), text, "URL text").ToLocal(&string)) {
    info.GetReturnValue().Set(string);
  }
}

// info[index] as the Uint32Array of kUrlComponentCount that url.js reads a
// URL's offsets from; throws TypeError (and returns null) for anything else.
uint32_t* ComponentsArg(const v8::FunctionCallbackInfo<v8::Value>& info, int index) {
  if (!info[index]->IsUint32Array() ||
      info[index].As<v8::Uint32Array>()->Length() < static_cast<size_t>(kUrlComponentCount)) {
    ThrowError(info.GetIsolate(), ErrorKind::kTypeError, "expected a Uint32Array of components");
    return nullptr;
  }
  v8::Local<v8::Uint32Array> array = info[index].As<v8::Uint32Array>();
  return reinterpret_cast<uint32_t*>(static_cast<char*>(array->Buffer()->Data()) +
                                     array->ByteOffset());
}

// Returns `url`'s href and writes its components into `out`. The href is
// the input string itself when parsing changed nothing, as is common.
void ReturnUrl(const v8::FunctionCallbackInfo<v8::Value>& info, const AdaUrl& url,
               absl::string_view input, uint32_t* out) {
  const UrlComponents c = url.Components();
  const uint32_t values[kUrlComponentCount] = {c.protocol_end,   c.username_end, c.host_start,
                                               c.host_end,       c.port,         c.pathname_start,
                                               c.search_start,   c.hash_start};
  std::copy(values, values + kUrlComponentCount, out);
  absl::string_view href = url.Href();
  if (href == input) return info.GetReturnValue().Set(info[0]);
  // An href is ASCII (the serializer percent-encodes the rest).
  v8::Local<v8::String> string;
  if (href.size() <= static_cast<size_t>(v8::String::kMaxLength) &&
      v8::String::NewFromOneByte(info.GetIsolate(), reinterpret_cast<const uint8_t*>(href.data()),
                                 v8::NewStringType::kNormal, static_cast<int>(href.size()))
          .ToLocal(&string)) {
    return info.GetReturnValue().Set(string);
  }
  ReturnString(info, std::string(href));
}

}  // namespace

void UrlParse(const v8::FunctionCallbackInfo<v8::Value>& info) {
  std::string input;
  std::optional<std::string> base;
  if (!StringArg(info, 0, &input) || !OptionalStringArg(info, 1, &base)) return;
  uint32_t* out = ComponentsArg(info, 2);
  if (out == nullptr) return;
  std::optional<AdaUrl> url =
      base ? AdaUrl::Parse(input, absl::string_view(*base)) : AdaUrl::Parse(input);
  if (url) ReturnUrl(info, *url, input, out);
}

void UrlCanParse(const v8::FunctionCallbackInfo<v8::Value>& info) {
  std::string input;
  std::optional<std::string> base;
  if (!StringArg(info, 0, &input) || !OptionalStringArg(info, 1, &base)) return;
  info.GetReturnValue().Set(base ? AdaUrl::CanParse(input, absl::string_view(*base))
                                 : AdaUrl::CanParse(input));
}

void UrlUpdate(const v8::FunctionCallbackInfo<v8::Value>& info) {
  std::string href, value;
  if (!StringArg(info, 0, &href) || !StringArg(info, 2, &value)) return;
  int part = info[1]->IsInt32() ? info[1].As<v8::Int32>()->Value() : -1;
  if (part < 0 || part >= kUrlPartCount || part == static_cast<int>(UrlPart::kOrigin)) {
    return ThrowError(info.GetIsolate(), ErrorKind::kTypeError, "not a settable URL part");
  }
  uint32_t* out = ComponentsArg(info, 3);
  if (out == nullptr) return;
  std::optional<AdaUrl> url = AdaUrl::Parse(href);
  if (url && url->Set(static_cast<UrlPart>(part), value)) ReturnUrl(info, *url, href, out);
}

void UrlOrigin(const v8::FunctionCallbackInfo<v8::Value>& info) {
  std::string href;
  if (!StringArg(info, 0, &href)) return;
  std::optional<AdaUrl> url = AdaUrl::Parse(href);
  if (url) ReturnString(info, url->Get(UrlPart::kOrigin));
}

void UrlencodedParse(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  std::string query;
  if (!StringArg(info, 0, &query)) return;
  std::vector<NameValue> pairs = ParseUrlencoded(query);
  std::vector<v8::Local<v8::Value>> values;
  values.reserve(pairs.size() * 2);
  for (const auto& [name, value] : pairs) {
    v8::Local<v8::String> js_name, js_value;
    // V8 decodes bytes that are not UTF-8 to U+FFFD, as the standard's
    // "UTF-8 decode without BOM" does.
    if (!NewStringOrThrow(isolate, name, "query name").ToLocal(&js_name) ||
        !NewStringOrThrow(isolate, value, "query value").ToLocal(&js_value)) {
      return;
    }
    values.push_back(js_name);
    values.push_back(js_value);
  }
  info.GetReturnValue().Set(v8::Array::New(isolate, values.data(), values.size()));
}

void UrlencodedSerialize(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  if (!info[0]->IsArray()) {
    return ThrowError(isolate, ErrorKind::kTypeError, "expected an array of names and values");
  }
  v8::Local<v8::Array> list = info[0].As<v8::Array>();
  std::vector<std::string> texts;
  texts.reserve(list->Length());
  for (uint32_t i = 0; i < list->Length(); ++i) {
    v8::Local<v8::Value> item;
    if (!list->Get(context, i).ToLocal(&item)) return;
    if (!item->IsString()) {
      return ThrowError(isolate, ErrorKind::kTypeError, "expected an array of names and values");
    }
    texts.push_back(Utf8(isolate, item.As<v8::String>()));
  }
  std::vector<std::pair<absl::string_view, absl::string_view>> pairs;
  for (size_t i = 0; i + 1 < texts.size(); i += 2) pairs.emplace_back(texts[i], texts[i + 1]);
  ReturnString(info, SerializeUrlencoded(pairs));
}

void UrlDomainToAscii(const v8::FunctionCallbackInfo<v8::Value>& info) {
  std::string domain;
  if (StringArg(info, 0, &domain)) ReturnString(info, DomainToAscii(domain));
}

void UrlDomainToUnicode(const v8::FunctionCallbackInfo<v8::Value>& info) {
  std::string domain;
  if (StringArg(info, 0, &domain)) ReturnString(info, DomainToUnicode(domain));
}

const Extension& UrlExtension() {
  static constexpr NativeFunction kFunctions[] = {
      {"urlParse", UrlParse, 3},
      {"urlCanParse", UrlCanParse, 2},
      {"urlUpdate", UrlUpdate, 4},
      {"urlOrigin", UrlOrigin, 1},
      {"urlencodedParse", UrlencodedParse, 1},
      {"urlencodedSerialize", UrlencodedSerialize, 1},
      {"domainToASCII", UrlDomainToAscii, 1},
      {"domainToUnicode", UrlDomainToUnicode, 1},
  };
  static constexpr absl::string_view kJs[] = {"url.js"};
  // node:url's legacy parse/format/resolve and its file: path helpers, compiled
  // when `url` is first required.
  static constexpr absl::string_view kLazyJs[] = {"url_legacy.js", "url_file_paths.js"};
  static const Extension kExtension{"url", 1, kFunctions, {}, {}, {}, kJs, nullptr, kLazyJs};
  return kExtension;
}

}  // namespace toysnap::web
