// Node-style errors and byte views for native callbacks.
#include "runtime/native_util.h"

#include <cmath>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "runtime/v8_strings.h"
#include "v8-array-buffer.h"
#include "v8-container.h"
#include "v8-context.h"
#include "v8-debug.h"
#include "v8-exception.h"
#include "v8-function.h"
#include "v8-json.h"
#include "v8-primitive.h"

namespace toysnap {
namespace {

// Empty when V8 cannot hold `text`: an error still gets thrown, unworded.
v8::Local<v8::String> Utf8String(v8::Isolate* isolate, absl::string_view text) {
  v8::Local<v8::String> string;
  if (!NewString(isolate, text).ToLocal(&string)) return v8::String::Empty(isolate);
  return string;
}

std::u16string Utf16(v8::Isolate* isolate, v8::Local<v8::Value> value) {
  v8::String::Value units(isolate, value);
  return std::u16string(reinterpret_cast<const char16_t*>(*units), units.length());
}

std::u16string Ascii16(absl::string_view text) { return std::u16string(text.begin(), text.end()); }

// Node's determineSpecificType() from lib/internal/errors.js.
std::u16string DescribeReceived(v8::Isolate* isolate, v8::Local<v8::Value> value) {
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  if (value->IsNull()) return u"null";
  if (value->IsUndefined()) return u"undefined";
  if (value->IsFunction())
    return u"function " + Utf16(isolate, value.As<v8::Function>()->GetName());
  if (value->IsObject()) {
    // `value.constructor && 'name' in value.constructor`, ignoring what getters throw.
    v8::TryCatch try_catch(isolate);
    v8::Local<v8::Value> constructor, name;
    v8::Local<v8::String> name_key = v8::String::NewFromUtf8Literal(isolate, "name");
    if (value.As<v8::Object>()
            ->Get(context, v8::String::NewFromUtf8Literal(isolate, "constructor"))
            .ToLocal(&constructor) &&
        constructor->IsObject() &&
        constructor.As<v8::Object>()->Has(context, name_key).FromMaybe(false) &&
        constructor.As<v8::Object>()->Get(context, name_key).ToLocal(&name)) {
      return u"an instance of " + Utf16(isolate, name);
    }
    // Node falls back to util.inspect(value, {depth: -1}); these are its usual outputs.
    if (value.As<v8::Object>()->GetPrototype()->IsNull()) return u"[Object: null prototype] {}";
    return u"[" + Utf16(isolate, value.As<v8::Object>()->GetConstructorName()) + u"]";
  }
  if (value->IsString()) {
    std::u16string text = Utf16(isolate, value);
    if (text.size() > 28) text = text.substr(0, 25) + u"...";
    if (text.find(u'\'') == std::u16string::npos) return u"type string ('" + text + u"')";
    v8::Local<v8::String> json;
    v8::Local<v8::Value> shortened;
    if (!v8::String::NewFromTwoByte(isolate, reinterpret_cast<const uint16_t*>(text.data()),
                                    v8::NewStringType::kNormal, static_cast<int>(text.size()))
             .ToLocal(&shortened) ||
        !v8::JSON::Stringify(context, shortened).ToLocal(&json)) {
      return u"type string";
    }
    return u"type string (" + Utf16(isolate, json) + u")";
  }
  if (value->IsSymbol()) {
    v8::Local<v8::Value> description = value.As<v8::Symbol>()->Description(isolate);
    return u"type symbol (Symbol(" +
           (description->IsUndefined() ? std::u16string() : Utf16(isolate, description)) + u"))";
  }
  if (value->IsBigInt()) return u"type bigint (" + Utf16(isolate, value) + u"n)";
  if (value->IsNumber()) {
    double number = value.As<v8::Number>()->Value();
    return u"type number (" +
           (number == 0 && std::signbit(number) ? u"-0" : Utf16(isolate, value)) + u")";
  }
  return value->IsTrue() ? u"type boolean (true)" : u"type boolean (false)";
}

}  // namespace

void SetNodeErrorCode(v8::Isolate* isolate, v8::Local<v8::Object> error, absl::string_view code) {
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::String> name_key = v8::String::NewFromUtf8Literal(isolate, "name");
  v8::Local<v8::Value> name;
  v8::TryCatch try_catch(isolate);  // a patched Error.prototype may throw; the code still counts
  error->CreateDataProperty(context, v8::String::NewFromUtf8Literal(isolate, "code"),
                            Utf8String(isolate, code))
      .IsJust();
  // Node's errors print "TypeError [CODE]: message": the name is changed only
  // while V8 formats the stack, which it does on first access.
  if (!error->Get(context, name_key).ToLocal(&name) || !name->IsString()) return;
  v8::String::Utf8Value utf8(isolate, name);
  std::string decorated = absl::StrCat(absl::string_view(*utf8, utf8.length()), " [", code, "]");
  if (error->CreateDataProperty(context, name_key, Utf8String(isolate, decorated)).IsJust()) {
    error->Get(context, v8::String::NewFromUtf8Literal(isolate, "stack")).IsEmpty();
    error->Delete(context, name_key).IsJust();
  }
}

void ThrowError(v8::Isolate* isolate, ErrorKind kind, absl::string_view message,
                absl::string_view code) {
  v8::Local<v8::String> text = Utf8String(isolate, message);
  v8::Local<v8::Value> error = kind == ErrorKind::kTypeError    ? v8::Exception::TypeError(text)
                               : kind == ErrorKind::kRangeError ? v8::Exception::RangeError(text)
                                                                : v8::Exception::Error(text);
  if (!code.empty() && error->IsObject()) SetNodeErrorCode(isolate, error.As<v8::Object>(), code);
  isolate->ThrowException(error);
}

void ThrowInvalidArgType(v8::Isolate* isolate, absl::string_view name, absl::string_view expected,
                         v8::Local<v8::Value> actual) {
  std::u16string message =
      Ascii16(absl::StrCat("The \"", name, "\" argument must be ", expected, ". Received ")) +
      DescribeReceived(isolate, actual);
  v8::Local<v8::String> text;
  if (!v8::String::NewFromTwoByte(isolate, reinterpret_cast<const uint16_t*>(message.data()),
                                  v8::NewStringType::kNormal, static_cast<int>(message.size()))
           .ToLocal(&text)) {
    text = v8::String::Empty(isolate);
  }
  v8::Local<v8::Value> error = v8::Exception::TypeError(text);
  SetNodeErrorCode(isolate, error.As<v8::Object>(), "ERR_INVALID_ARG_TYPE");
  isolate->ThrowException(error);
}

void ThrowDOMException(v8::Isolate* isolate, v8::Local<v8::Value> factory,
                       v8::Local<v8::String> message, absl::string_view name) {
  if (!factory->IsFunction()) {
    isolate->ThrowException(v8::Exception::TypeError(message));
    return;
  }
  v8::Local<v8::Value> args[] = {message, Utf8String(isolate, name)};
  v8::Local<v8::Value> error;
  // If the factory itself throws, that exception is already pending.
  if (factory.As<v8::Function>()
          ->Call(isolate->GetCurrentContext(), v8::Undefined(isolate), 2, args)
          .ToLocal(&error)) {
    isolate->ThrowException(error);
  }
}

void ThrowDOMException(v8::Isolate* isolate, v8::Local<v8::Value> factory,
                       absl::string_view message, absl::string_view name) {
  ThrowDOMException(isolate, factory, Utf8String(isolate, message), name);
}

std::string UserCallSite(v8::Isolate* isolate) {
  v8::HandleScope scope(isolate);
  v8::Local<v8::StackTrace> trace = v8::StackTrace::CurrentStackTrace(isolate, 32);
  for (int i = 0; i < trace->GetFrameCount(); ++i) {
    v8::Local<v8::StackFrame> frame = trace->GetFrame(isolate, i);
    v8::String::Utf8Value name(isolate, frame->GetScriptName());
    absl::string_view script = *name ? absl::string_view(*name, name.length()) : "";
    if (script.empty() || absl::StartsWith(script, "toysnap:")) continue;
    return absl::StrCat(script, ":", frame->GetLineNumber(), ":", frame->GetColumn());
  }
  return "";
}

bool GetBytes(v8::Local<v8::Value> value, absl::Span<uint8_t>* bytes) {
  void* data = nullptr;
  size_t size = 0;
  if (value->IsArrayBufferView()) {
    v8::Local<v8::ArrayBufferView> view = value.As<v8::ArrayBufferView>();
    size = view->ByteLength();
    // Buffer() moves an on-heap typed array's bytes off the heap, so they stay put.
    if (size > 0) data = static_cast<uint8_t*>(view->Buffer()->Data()) + view->ByteOffset();
  } else if (value->IsArrayBuffer()) {
    data = value.As<v8::ArrayBuffer>()->Data();
    size = value.As<v8::ArrayBuffer>()->ByteLength();
  } else if (value->IsSharedArrayBuffer()) {
    data = value.As<v8::SharedArrayBuffer>()->Data();
    size = value.As<v8::SharedArrayBuffer>()->ByteLength();
  } else {
    return false;
  }
  *bytes = data == nullptr ? absl::Span<uint8_t>()
                           : absl::Span<uint8_t>(static_cast<uint8_t*>(data), size);
  return true;
}

}  // namespace toysnap
