// process.setuid/setgid/seteuid/setegid/setgroups/initgroups: the natives
// process_natives.cc lists (their JS is runtime/js/process_usage.js).
// Included by process_natives.cc only.
#ifndef TOYSNAP_RUNTIME_PROCESS_CREDENTIALS_H_
#define TOYSNAP_RUNTIME_PROCESS_CREDENTIALS_H_

#include <string>

#include "runtime/binding.h"
#include "v8-local-handle.h"
#include "v8-value.h"

namespace toysnap {

// Each returns "" on success, "unknown" (or "unknown:N", the 1-based position
// of the id that names nobody) for an unknown user or group, or
// "CODE\tdescription" when the system call fails.

// kind: 0 setuid, 1 setgid, 2 seteuid, 3 setegid; id: a number or a name.
std::string SetCredential(NativeCall& call, int32_t kind, v8::Local<v8::Value> id);
constexpr const char* kSetCredentialArgs[] = {"kind", "id"};

// groups: an array of numbers or names.
std::string SetGroups(NativeCall& call, v8::Local<v8::Value> groups);
constexpr const char* kSetGroupsArgs[] = {"groups"};

std::string InitGroups(NativeCall& call, v8::Local<v8::Value> user, v8::Local<v8::Value> group);
constexpr const char* kInitGroupsArgs[] = {"user", "extraGroup"};

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_PROCESS_CREDENTIALS_H_
