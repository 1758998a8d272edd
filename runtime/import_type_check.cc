// See import_type_check.h.
#include "runtime/import_type_check.h"

#include "absl/strings/str_cat.h"
#include "runtime/import_attributes.h"
#include "v8-debug.h"

namespace toysnap {
namespace {

std::string ToUtf8(v8::Isolate* isolate, v8::Local<v8::Value> value) {
  v8::String::Utf8Value utf8(isolate, value);
  return *utf8 ? std::string(*utf8, utf8.length()) : "";
}

// The byte offset of 0-based `line` and UTF-16 `column` in UTF-8 `source`,
// with V8's line terminators (\n, \r, \r\n, U+2028, U+2029).
std::optional<size_t> OffsetOf(const std::string& source, int line, int column) {
  size_t at = 0;
  for (int seen = 0; seen < line; ++seen) {
    while (at < source.size() && source[at] != '\n' && source[at] != '\r' &&
           source.compare(at, 3, "\xE2\x80\xA8") != 0 && source.compare(at, 3, "\xE2\x80\xA9") != 0) {
      ++at;
    }
    if (at >= source.size()) return std::nullopt;
    at += source[at] == '\r' && source.compare(at, 2, "\r\n") == 0 ? 2
          : source[at] == '\n' || source[at] == '\r'               ? 1
                                                                    : 3;
  }
  return at + Utf16ToByteOffset(source.substr(at), static_cast<size_t>(column));
}

}  // namespace

ImportRequest RequestOf(const std::vector<std::pair<std::string, std::string>>& attributes) {
  ImportRequest request;
  for (const auto& [key, value] : attributes) {
    if (key == "type") {
      request.type = value;
    } else if (!request.unsupported) {
      request.unsupported.emplace(key, value);
    }
  }
  return request;
}

std::optional<TypeMismatch> CheckImport(const std::string& url, bool is_json, bool loaded,
                                        const ImportRequest& request) {
  const std::optional<std::string>& type = request.type;
  bool type_fits = is_json == (type == "json");
  if (request.unsupported && !(loaded && type_fits)) {
    return TypeMismatch{absl::StrCat("Import attribute \"", request.unsupported->first,
                                     "\" with value \"", request.unsupported->second,
                                     "\" is not supported"),
                        "ERR_IMPORT_ATTRIBUTE_UNSUPPORTED"};
  }
  if (type_fits) return std::nullopt;
  if (!type) {
    return TypeMismatch{absl::StrCat("Module \"", url, "\" needs an import attribute of type \"json\""),
                        "ERR_IMPORT_ASSERTION_TYPE_MISSING"};
  }
  if (*type != "json") {
    return TypeMismatch{absl::StrCat("Import attribute type \"", *type, "\" is unsupported"),
                        "ERR_IMPORT_ASSERTION_TYPE_UNSUPPORTED"};
  }
  return TypeMismatch{absl::StrCat("Module \"", url, "\" is not of type \"json\""),
                      "ERR_IMPORT_ASSERTION_TYPE_FAILED"};
}

ImportCallType TypeOfImportCall(v8::Local<v8::Context> context, const std::string& specifier,
                                v8::Local<v8::FixedArray> import_assertions) {
  v8::Isolate* isolate = context->GetIsolate();
  ImportCallType call;
  if (!import_assertions.IsEmpty() && import_assertions->Length() > 0) {
    call.known = true;
    std::vector<std::pair<std::string, std::string>> attributes;
    for (int i = 0; i + 1 < import_assertions->Length(); i += 2) {  // key, value
      attributes.emplace_back(ToUtf8(isolate, import_assertions->Get(context, i).As<v8::Value>()),
                              ToUtf8(isolate, import_assertions->Get(context, i + 1).As<v8::Value>()));
    }
    call.request = RequestOf(attributes);
    return call;
  }
  v8::Local<v8::StackTrace> stack = v8::StackTrace::CurrentStackTrace(isolate, 1);
  if (stack.IsEmpty() || stack->GetFrameCount() < 1) return call;
  v8::Local<v8::StackFrame> frame = stack->GetFrame(isolate, 0);
  v8::Local<v8::String> script_source = frame->GetScriptSource();
  if (script_source.IsEmpty()) return call;
  std::string source = ToUtf8(isolate, script_source);
  v8::Location where = frame->GetLocation();
  std::optional<size_t> offset = OffsetOf(source, where.GetLineNumber(), where.GetColumnNumber());
  if (!offset) return call;
  ImportCallWith with = ReadImportCallIn(source, *offset, specifier);
  switch (with.kind) {
    case ImportCallWith::Kind::kUnknown:
      return call;
    case ImportCallWith::Kind::kNotObject:
      call.type_error = "The 'assert' option must be an object";
      break;
    case ImportCallWith::Kind::kNotString:
      call.type_error = "Import assertion value must be a string";
      break;
    case ImportCallWith::Kind::kAbsent:
      break;
    case ImportCallWith::Kind::kAttributes:
      call.request = RequestOf(with.attributes);
      break;
  }
  call.known = true;
  return call;
}

}  // namespace toysnap
