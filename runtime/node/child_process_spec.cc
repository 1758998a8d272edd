// Spawn options from JS, and their libuv form.
#include "runtime/node/child_process_spec.h"

#include "absl/strings/str_cat.h"
#include "runtime/native_util.h"
#include "v8-container.h"
#include "v8-primitive.h"

namespace toysnap::node {
namespace {

bool Get(v8::Local<v8::Context> context, v8::Local<v8::Object> object, const char* key,
         v8::Local<v8::Value>* value) {
  v8::Local<v8::String> name;
  return v8::String::NewFromUtf8(context->GetIsolate(), key).ToLocal(&name) &&
         object->Get(context, name).ToLocal(value);
}

bool Fail(v8::Isolate* isolate, const char* name, const char* expected,
          v8::Local<v8::Value> value) {
  ThrowInvalidArgType(isolate, absl::StrCat("options.", name), expected, value);
  return false;
}

bool ReadString(v8::Isolate* isolate, v8::Local<v8::Value> value, const char* name,
                std::string* out) {
  if (!value->IsString()) return Fail(isolate, name, "of type string", value);
  v8::String::Utf8Value utf8(isolate, value);
  if (*utf8 == nullptr) return false;
  out->assign(*utf8, utf8.length());
  return true;
}

bool ReadStrings(v8::Local<v8::Context> context, v8::Local<v8::Value> value, const char* name,
                 std::vector<std::string>* out) {
  v8::Isolate* isolate = context->GetIsolate();
  if (!value->IsArray()) return Fail(isolate, name, "an instance of Array", value);
  v8::Local<v8::Array> array = value.As<v8::Array>();
  for (uint32_t i = 0; i < array->Length(); ++i) {
    // As Node's: each item as a string (spawn('echo', [1]) passes "1").
    v8::Local<v8::Value> item;
    v8::Local<v8::String> text;
    if (!array->Get(context, i).ToLocal(&item) || !item->ToString(context).ToLocal(&text)) {
      return false;
    }
    v8::String::Utf8Value utf8(isolate, text);
    if (*utf8 == nullptr) return false;
    out->emplace_back(*utf8, utf8.length());
  }
  return true;
}

bool ReadOptionalInt(v8::Isolate* isolate, v8::Local<v8::Value> value, const char* name,
                     std::optional<int>* out) {
  if (value->IsNullOrUndefined()) return true;
  if (!value->IsInt32()) return Fail(isolate, name, "of type number", value);
  *out = value.As<v8::Int32>()->Value();
  return true;
}

bool ReadStdio(v8::Local<v8::Context> context, v8::Local<v8::Object> entry, StdioSpec* spec) {
  v8::Isolate* isolate = context->GetIsolate();
  v8::Local<v8::Value> type, fd, readable, writable, input, handle;
  if (!Get(context, entry, "type", &type) || !Get(context, entry, "fd", &fd) ||
      !Get(context, entry, "readable", &readable) || !Get(context, entry, "writable", &writable) ||
      !Get(context, entry, "input", &input) || !Get(context, entry, "handle", &handle)) {
    return false;
  }
  std::string kind;
  if (!ReadString(isolate, type, "stdio[].type", &kind)) return false;
  if (kind == "ignore") {
    spec->kind = StdioSpec::Kind::kIgnore;
  } else if (kind == "pipe" || kind == "overlapped") {
    spec->kind = StdioSpec::Kind::kPipe;
    spec->readable = readable->BooleanValue(isolate);
    spec->writable = writable->BooleanValue(isolate);
    if (!input->IsNullOrUndefined()) {
      absl::Span<uint8_t> bytes;
      if (!GetBytes(input, &bytes)) return Fail(isolate, "stdio[].input", "a Buffer", input);
      spec->input.assign(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    }
    if (handle->IsObject()) spec->handle = handle.As<v8::Object>();
  } else if (kind == "wrap") {
    if (!handle->IsObject()) return Fail(isolate, "stdio[].handle", "of type object", handle);
    spec->kind = StdioSpec::Kind::kWrap;
    spec->handle = handle.As<v8::Object>();
  } else if (kind == "fd" || kind == "inherit") {
    if (!fd->IsInt32() || fd.As<v8::Int32>()->Value() < 0) {
      return Fail(isolate, "stdio[].fd", "a non-negative integer", fd);
    }
    spec->kind = StdioSpec::Kind::kFd;
    spec->fd = fd.As<v8::Int32>()->Value();
  } else {
    ThrowError(isolate, ErrorKind::kTypeError,
               absl::StrCat("child_process does not support stdio of type '", kind, "'"),
               "ERR_INVALID_ARG_VALUE");
    return false;
  }
  return true;
}

}  // namespace

bool ReadSpawnSpec(v8::Local<v8::Context> context, v8::Local<v8::Object> options,
                   SpawnSpec* spec) {
  v8::Isolate* isolate = context->GetIsolate();
  v8::Local<v8::Value> file, args, cwd, env, stdio, detached, uid, gid, timeout, max_buffer,
      kill_signal;
  if (!Get(context, options, "file", &file) || !Get(context, options, "args", &args) ||
      !Get(context, options, "cwd", &cwd) || !Get(context, options, "envPairs", &env) ||
      !Get(context, options, "stdio", &stdio) || !Get(context, options, "detached", &detached) ||
      !Get(context, options, "uid", &uid) || !Get(context, options, "gid", &gid) ||
      !Get(context, options, "timeout", &timeout) ||
      !Get(context, options, "maxBuffer", &max_buffer) ||
      !Get(context, options, "killSignal", &kill_signal)) {
    return false;
  }
  if (!ReadString(isolate, file, "file", &spec->file) ||
      !ReadStrings(context, args, "args", &spec->args)) {
    return false;
  }
  if (!cwd->IsNullOrUndefined()) {
    std::string text;
    if (!ReadString(isolate, cwd, "cwd", &text)) return false;
    if (!text.empty()) spec->cwd = std::move(text);
  }
  if (!env->IsNullOrUndefined() && !ReadStrings(context, env, "envPairs", &spec->env)) {
    return false;
  }
  if (!stdio->IsNullOrUndefined()) {
    if (!stdio->IsArray()) return Fail(isolate, "stdio", "an instance of Array", stdio);
    v8::Local<v8::Array> array = stdio.As<v8::Array>();
    for (uint32_t i = 0; i < array->Length(); ++i) {
      v8::Local<v8::Value> entry;
      if (!array->Get(context, i).ToLocal(&entry)) return false;
      if (!entry->IsObject()) return Fail(isolate, "stdio[]", "of type object", entry);
      StdioSpec one;
      if (!ReadStdio(context, entry.As<v8::Object>(), &one)) return false;
      spec->stdio.push_back(one);
    }
  }
  spec->detached = detached->BooleanValue(isolate);
  if (!ReadOptionalInt(isolate, uid, "uid", &spec->uid) ||
      !ReadOptionalInt(isolate, gid, "gid", &spec->gid)) {
    return false;
  }
  if (timeout->IsNumber()) spec->timeout_ms = timeout.As<v8::Number>()->Value();
  if (max_buffer->IsNumber()) spec->max_buffer = max_buffer.As<v8::Number>()->Value();
  if (kill_signal->IsInt32()) spec->kill_signal = kill_signal.As<v8::Int32>()->Value();
  return true;
}

UvProcessOptions::UvProcessOptions(const SpawnSpec& spec) {
  for (const std::string& arg : spec.args) args_.push_back(const_cast<char*>(arg.c_str()));
  args_.push_back(nullptr);
  for (const std::string& pair : spec.env) env_.push_back(const_cast<char*>(pair.c_str()));
  env_.push_back(nullptr);
  stdio_.resize(spec.stdio.size());
  for (size_t i = 0; i < spec.stdio.size(); ++i) {
    const StdioSpec& one = spec.stdio[i];
    switch (one.kind) {
      case StdioSpec::Kind::kIgnore:
        stdio_[i].flags = UV_IGNORE;
        break;
      case StdioSpec::Kind::kFd:
        stdio_[i].flags = UV_INHERIT_FD;
        stdio_[i].data.fd = one.fd;
        break;
      case StdioSpec::Kind::kWrap:
        stdio_[i].flags = UV_INHERIT_STREAM;
        stdio_[i].data.stream = nullptr;  // the caller's stream
        break;
      case StdioSpec::Kind::kPipe:
        stdio_[i].flags = static_cast<uv_stdio_flags>(
            UV_CREATE_PIPE | (one.readable ? UV_READABLE_PIPE : 0) |
            (one.writable ? UV_WRITABLE_PIPE : 0));
        stdio_[i].data.stream = nullptr;  // the caller's pipe
        break;
    }
  }
  options_.file = spec.file.c_str();
  options_.args = args_.data();
  options_.env = env_.data();
  options_.cwd = spec.cwd ? spec.cwd->c_str() : nullptr;
  options_.stdio_count = static_cast<int>(stdio_.size());
  options_.stdio = stdio_.data();
  unsigned flags = 0;
  if (spec.detached) flags |= UV_PROCESS_DETACHED;
  if (spec.uid) {
    flags |= UV_PROCESS_SETUID;
    options_.uid = static_cast<uv_uid_t>(*spec.uid);
  }
  if (spec.gid) {
    flags |= UV_PROCESS_SETGID;
    options_.gid = static_cast<uv_gid_t>(*spec.gid);
  }
  options_.flags = flags;
}

}  // namespace toysnap::node
