// Changing the process's user and groups, as Node's process.set* do: ids are
// numbers or names (looked up with getpwnam_r/getgrnam_r).
#include "runtime/process_credentials.h"

#include <grp.h>
#include <pwd.h>
#include <sys/types.h>
#include <unistd.h>
#include <uv.h>

#include <cerrno>
#include <cstring>
#include <optional>
#include <vector>

#include "absl/strings/str_cat.h"
#include "v8-container.h"
#include "v8-primitive.h"

namespace toysnap {
namespace {

std::string Failure(int error) {
  return absl::StrCat(uv_err_name(uv_translate_sys_error(error)), "\t", strerror(error));
}

std::optional<std::string> NameOf(v8::Isolate* isolate, v8::Local<v8::Value> id) {
  if (!id->IsString()) return std::nullopt;
  v8::String::Utf8Value name(isolate, id);
  if (*name == nullptr) return std::nullopt;
  return std::string(*name, static_cast<size_t>(name.length()));
}

std::optional<uid_t> UserId(v8::Isolate* isolate, v8::Local<v8::Value> id) {
  if (id->IsNumber()) return static_cast<uid_t>(id.As<v8::Number>()->Value());
  std::optional<std::string> name = NameOf(isolate, id);
  if (!name) return std::nullopt;
  struct passwd entry;
  struct passwd* found = nullptr;
  std::vector<char> buffer(16384);
  if (getpwnam_r(name->c_str(), &entry, buffer.data(), buffer.size(), &found) != 0 || !found) {
    return std::nullopt;
  }
  return found->pw_uid;
}

std::optional<gid_t> GroupId(v8::Isolate* isolate, v8::Local<v8::Value> id) {
  if (id->IsNumber()) return static_cast<gid_t>(id.As<v8::Number>()->Value());
  std::optional<std::string> name = NameOf(isolate, id);
  if (!name) return std::nullopt;
  struct group entry;
  struct group* found = nullptr;
  std::vector<char> buffer(16384);
  if (getgrnam_r(name->c_str(), &entry, buffer.data(), buffer.size(), &found) != 0 || !found) {
    return std::nullopt;
  }
  return found->gr_gid;
}

}  // namespace

std::string SetCredential(NativeCall& call, int32_t kind, v8::Local<v8::Value> id) {
  bool user = kind == 0 || kind == 2;
  std::optional<uid_t> uid = user ? UserId(call.isolate, id) : std::nullopt;
  std::optional<gid_t> gid = user ? std::nullopt : GroupId(call.isolate, id);
  if (!uid && !gid) return "unknown";
  int result = 0;
  switch (kind) {
    case 0: result = setuid(*uid); break;
    case 1: result = setgid(*gid); break;
    case 2: result = seteuid(*uid); break;
    default: result = setegid(*gid); break;
  }
  return result == 0 ? "" : Failure(errno);
}

std::string SetGroups(NativeCall& call, v8::Local<v8::Value> groups) {
  if (!groups->IsArray()) return "unknown:1";
  v8::Local<v8::Array> list = groups.As<v8::Array>();
  std::vector<gid_t> ids;
  for (uint32_t i = 0; i < list->Length(); ++i) {
    v8::Local<v8::Value> item;
    std::optional<gid_t> gid;
    if (list->Get(call.context, i).ToLocal(&item)) gid = GroupId(call.isolate, item);
    if (!gid) return absl::StrCat("unknown:", i + 1);
    ids.push_back(*gid);
  }
  return setgroups(ids.size(), ids.data()) == 0 ? "" : Failure(errno);
}

std::string InitGroups(NativeCall& call, v8::Local<v8::Value> user, v8::Local<v8::Value> group) {
  std::optional<std::string> name = NameOf(call.isolate, user);
  if (!name && user->IsNumber()) {
    struct passwd entry;
    struct passwd* found = nullptr;
    std::vector<char> buffer(16384);
    uid_t uid = static_cast<uid_t>(user.As<v8::Number>()->Value());
    if (getpwuid_r(uid, &entry, buffer.data(), buffer.size(), &found) == 0 && found) {
      name = found->pw_name;
    }
  }
  if (!name) return "unknown:1";
  std::optional<gid_t> gid = GroupId(call.isolate, group);
  if (!gid) return "unknown:2";
  return initgroups(name->c_str(), *gid) == 0 ? "" : Failure(errno);
}

}  // namespace toysnap
