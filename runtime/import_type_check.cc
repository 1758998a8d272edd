// See import_type_check.h.
#include "runtime/import_type_check.h"

#include <cstdint>
#include <vector>

#include "absl/strings/str_cat.h"
#include "runtime/import_attributes.h"
#include "v8-debug.h"

namespace toysnap {
namespace {

std::string ToUtf8(v8::Isolate* isolate, v8::Local<v8::Value> value) {
  v8::String::Utf8Value utf8(isolate, value);
  return *utf8 ? std::string(*utf8, utf8.length()) : "";
}

constexpr int kWindow = 1 << 16;  // UTF-16 units read from a call site

void AppendUtf8(uint32_t code_point, std::string* out) {
  if (code_point < 0x80) {
    out->push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else if (code_point < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (code_point >> 18)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

// Where V8's lines start (after \n, \r not before \n, U+2028, U+2029).
std::vector<int> LineStarts(v8::Isolate* isolate, v8::Local<v8::String> source) {
  std::vector<int> starts = {0};
  std::vector<uint16_t> chunk(kWindow);
  for (int at = 0; at < source->Length(); at += kWindow) {
    int n = source->Write(isolate, chunk.data(), at, kWindow, v8::String::NO_NULL_TERMINATION);
    for (int i = 0; i < n; ++i) {
      uint16_t c = chunk[i];
      if (c == '\r') {
        uint16_t next = 0;
        if (i + 1 < n) {
          next = chunk[i + 1];
        } else if (at + i + 1 < source->Length()) {
          source->Write(isolate, &next, at + i + 1, 1, v8::String::NO_NULL_TERMINATION);
        }
        if (next == '\n') continue;  // the \n ends the line
      }
      if (c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029) starts.push_back(at + i + 1);
    }
  }
  return starts;
}

}  // namespace

std::optional<std::string> ImportCallSites::TextFrom(v8::Isolate* isolate,
                                                     v8::Local<v8::StackFrame> frame) {
  v8::Local<v8::String> source = frame->GetScriptSource();
  if (source.IsEmpty()) return std::nullopt;
  auto found = line_starts_.find(frame->GetScriptId());
  if (found == line_starts_.end()) {
    found = line_starts_.emplace(frame->GetScriptId(), LineStarts(isolate, source)).first;
  }
  v8::Location where = frame->GetLocation();
  const std::vector<int>& starts = found->second;
  if (where.GetLineNumber() < 0 || static_cast<size_t>(where.GetLineNumber()) >= starts.size()) {
    return std::nullopt;
  }
  int start = starts[where.GetLineNumber()] + where.GetColumnNumber();
  if (start < 0 || start > source->Length()) return std::nullopt;
  std::vector<uint16_t> units(kWindow);
  int n = source->Write(isolate, units.data(), start, kWindow, v8::String::NO_NULL_TERMINATION);
  std::string text;
  for (int i = 0; i < n; ++i) {
    uint32_t c = units[i];
    if (c >= 0xD800 && c < 0xDC00 && i + 1 < n && units[i + 1] >= 0xDC00 && units[i + 1] < 0xE000) {
      c = 0x10000 + ((c - 0xD800) << 10) + (units[++i] - 0xDC00);
    }
    AppendUtf8(c, &text);
  }
  return text;
}

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
                                v8::Local<v8::FixedArray> import_assertions,
                                ImportCallSites* sites) {
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
  std::optional<std::string> text = sites->TextFrom(isolate, stack->GetFrame(isolate, 0));
  if (!text) return call;
  ImportCallWith with = ReadImportCallIn(*text, 0, specifier);
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
