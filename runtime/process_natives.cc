// Natives of the process extension: what `process` reads of the real process.
// Every value is read when asked for, so a snapshot never carries a pid, a
// cwd or a clock of the build.
#include "runtime/process_natives.h"

#include <signal.h>
#include <stdio.h>
#include <grp.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <uv.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "runtime/binding.h"
#include "runtime/native_util.h"
#include "runtime/process_credentials.h"
#include "runtime/natives.h"
#include "runtime/v8_strings.h"
#include "snapshot/base/status_macros.h"
#include "v8-container.h"
#include "v8-initialization.h"
#include "v8-primitive.h"
#include "v8-statistics.h"

namespace toysnap {
namespace {

// exit(code): ends the program after the current JS frame unwinds.
void Exit(NativeCall& call, int32_t code) {
  if (NativeHost* host = NativeHost::From(call.isolate)) host->RequestExit(code);
}
constexpr const char* kExitArgs[] = {"code"};

// writeBytes(fd, bytes): stdout or stderr, bytes as they are (no text decoding).
void WriteBytes(NativeCall& call, int32_t fd, Bytes bytes) {
  if (NativeHost* host = NativeHost::From(call.isolate)) {
    host->Print(fd == 2 ? 2 : 1, absl::string_view(reinterpret_cast<const char*>(bytes.bytes.data()),
                                                   bytes.bytes.size()));
  }
}
constexpr const char* kWriteBytesArgs[] = {"fd", "bytes"};

// [pid, ppid]
v8::Local<v8::Value> ProcessIds(NativeCall& call) {
  v8::Local<v8::Value> ids[] = {v8::Integer::New(call.isolate, getpid()),
                                v8::Integer::New(call.isolate, getppid())};
  return v8::Array::New(call.isolate, ids, 2);
}

std::string ExecPath(NativeCall&) {
  char path[PATH_MAX];
  ssize_t size = readlink("/proc/self/exe", path, sizeof(path));
  return size > 0 ? std::string(path, static_cast<size_t>(size)) : "";
}

// chdir(path) -> "" on success, else the errno name (the JS side words it).
std::string Chdir(NativeCall&, std::string path) {
  if (chdir(path.c_str()) == 0) return "";
  return uv_err_name(uv_translate_sys_error(errno));
}
constexpr const char* kChdirArgs[] = {"directory"};

v8::Local<v8::Value> Hrtime(NativeCall& call) {
  return v8::BigInt::NewFromUnsigned(call.isolate, uv_hrtime());
}

// [rss, heapTotal, heapUsed, external, arrayBuffers] in bytes.
v8::Local<v8::Value> MemoryUsage(NativeCall& call) {
  size_t rss = 0;
  uv_resident_set_memory(&rss);
  v8::HeapStatistics heap;
  call.isolate->GetHeapStatistics(&heap);
  v8::Isolate* isolate = call.isolate;
  v8::Local<v8::Value> values[] = {
      v8::Number::New(isolate, static_cast<double>(rss)),
      v8::Number::New(isolate, static_cast<double>(heap.total_heap_size())),
      v8::Number::New(isolate, static_cast<double>(heap.used_heap_size())),
      v8::Number::New(isolate, static_cast<double>(heap.external_memory())),
      v8::Number::New(isolate, static_cast<double>(heap.external_memory()))};
  return v8::Array::New(isolate, values, 5);
}

// umask(mask) -> the previous mask; without a mask it reads it (set and restored).
double Umask(NativeCall&, std::optional<int32_t> mask) {
  mode_t previous = umask(mask ? static_cast<mode_t>(*mask) : 0);
  if (!mask) umask(previous);
  return static_cast<double>(previous);
}
constexpr const char* kUmaskArgs[] = {"mask"};

// kill(pid, signal) -> "" or the errno name.
std::string Kill(NativeCall&, int32_t pid, int32_t signal) {
  if (kill(pid, signal) == 0) return "";
  return uv_err_name(uv_translate_sys_error(errno));
}
constexpr const char* kKillArgs[] = {"pid", "signal"};

// Seconds since this process started, from the kernel's record of it.
double ProcessUptime(NativeCall&) {
  FILE* stat = fopen("/proc/self/stat", "r");
  if (stat == nullptr) return 0;
  char buffer[4096];
  size_t size = fread(buffer, 1, sizeof(buffer) - 1, stat);
  fclose(stat);
  buffer[size] = '\0';
  const char* after_name = strrchr(buffer, ')');  // the name may hold spaces
  if (after_name == nullptr) return 0;
  unsigned long long start_ticks = 0;
  // Field 22 (starttime); fields 3.. follow the name.
  if (sscanf(after_name + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %*u %*u %*d %*d %*d %*d "
                             "%*d %*d %llu",
             &start_ticks) != 1) {
    return 0;
  }
  double uptime = 0;
  uv_uptime(&uptime);
  double started = static_cast<double>(start_ticks) / static_cast<double>(sysconf(_SC_CLK_TCK));
  return uptime > started ? uptime - started : 0;
}

bool IsTty(NativeCall&, int32_t fd) { return isatty(fd) == 1; }
constexpr const char* kFdArgs[] = {"fd"};

// [columns, rows] of the terminal on `fd`, or undefined.
v8::Local<v8::Value> WindowSize(NativeCall& call, int32_t fd) {
  struct winsize size;
  if (ioctl(fd, TIOCGWINSZ, &size) != 0) return v8::Undefined(call.isolate);
  v8::Local<v8::Value> values[] = {v8::Integer::New(call.isolate, size.ws_col),
                                   v8::Integer::New(call.isolate, size.ws_row)};
  return v8::Array::New(call.isolate, values, 2);
}

// [v8, uv]
absl::StatusOr<v8::Local<v8::Value>> LibraryVersions(NativeCall& call) {
  ASSIGN_OR_RETURN(v8::Local<v8::String> v8_version,
                   NewStringOr(call.isolate, v8::V8::GetVersion(), "V8 version"));
  ASSIGN_OR_RETURN(v8::Local<v8::String> uv_version,
                   NewStringOr(call.isolate, uv_version_string(), "libuv version"));
  v8::Local<v8::Value> values[] = {v8_version, uv_version};
  return v8::Local<v8::Value>(v8::Array::New(call.isolate, values, 2));
}

// [uid, euid, gid, egid]
v8::Local<v8::Value> Credentials(NativeCall& call) {
  v8::Local<v8::Value> ids[] = {v8::Number::New(call.isolate, getuid()),
                                v8::Number::New(call.isolate, geteuid()),
                                v8::Number::New(call.isolate, getgid()),
                                v8::Number::New(call.isolate, getegid())};
  return v8::Array::New(call.isolate, ids, 4);
}

// The supplementary group ids, with the effective gid added as Node adds it.
absl::StatusOr<v8::Local<v8::Value>> Groups(NativeCall& call) {
  int count = getgroups(0, nullptr);
  if (count < 0) return absl::InternalError(absl::StrCat("getgroups failed: ", strerror(errno)));
  std::vector<gid_t> groups(static_cast<size_t>(count));
  count = getgroups(count, groups.data());
  if (count < 0) return absl::InternalError(absl::StrCat("getgroups failed: ", strerror(errno)));
  groups.resize(static_cast<size_t>(count));
  gid_t egid = getegid();
  if (std::find(groups.begin(), groups.end(), egid) == groups.end()) groups.push_back(egid);
  std::vector<v8::Local<v8::Value>> values;
  for (gid_t gid : groups) values.push_back(v8::Number::New(call.isolate, gid));
  return v8::Local<v8::Value>(v8::Array::New(call.isolate, values.data(), values.size()));
}

// getrusage's 16 fields in Node's resourceUsage order (times in microseconds).
absl::StatusOr<v8::Local<v8::Value>> ResourceUsage(NativeCall& call) {
  uv_rusage_t usage;
  if (int error = uv_getrusage(&usage); error != 0) {
    return absl::InternalError(absl::StrCat("uv_getrusage failed: ", uv_err_name(error)));
  }
  auto micros = [](const uv_timeval_t& t) { return 1e6 * static_cast<double>(t.tv_sec) + t.tv_usec; };
  double fields[] = {micros(usage.ru_utime), micros(usage.ru_stime),
                     static_cast<double>(usage.ru_maxrss), static_cast<double>(usage.ru_ixrss),
                     static_cast<double>(usage.ru_idrss), static_cast<double>(usage.ru_isrss),
                     static_cast<double>(usage.ru_minflt), static_cast<double>(usage.ru_majflt),
                     static_cast<double>(usage.ru_nswap), static_cast<double>(usage.ru_inblock),
                     static_cast<double>(usage.ru_oublock), static_cast<double>(usage.ru_msgsnd),
                     static_cast<double>(usage.ru_msgrcv), static_cast<double>(usage.ru_nsignals),
                     static_cast<double>(usage.ru_nvcsw), static_cast<double>(usage.ru_nivcsw)};
  std::vector<v8::Local<v8::Value>> values;
  for (double field : fields) values.push_back(v8::Number::New(call.isolate, field));
  return v8::Local<v8::Value>(v8::Array::New(call.isolate, values.data(), values.size()));
}

// A number from a cgroup v2 file, or nullopt ("max", absent, unreadable).
std::optional<double> CgroupValue(const char* path) {
  FILE* file = fopen(path, "r");
  if (file == nullptr) return std::nullopt;
  unsigned long long value = 0;
  int read = fscanf(file, "%llu", &value);
  fclose(file);
  if (read != 1) return std::nullopt;
  return static_cast<double>(value);
}

// [available, constrained] bytes, as Node 20's libuv (1.46) reports them: the
// cgroup's limit (2^64 without one) and what is left under it, else the free
// memory. libuv 1.44 reads only cgroup v1 limits, so v2's files are read here.
v8::Local<v8::Value> MemoryLimits(NativeCall& call) {
  double free_memory = static_cast<double>(uv_get_free_memory());
  double limit = static_cast<double>(uv_get_constrained_memory());
  std::optional<double> usage;
  // cgroup v1 writes "unlimited" as the largest page-aligned signed value.
  if (limit == static_cast<double>(0x7FFFFFFFFFFFF000ULL)) limit = 18446744073709551616.0;
  if (limit == 0) {
    std::optional<double> v2_limit = CgroupValue("/sys/fs/cgroup/memory.max");
    limit = v2_limit ? *v2_limit : 18446744073709551616.0;
    if (v2_limit) usage = CgroupValue("/sys/fs/cgroup/memory.current");
  }
  double available = free_memory;
  if (usage && *usage < limit) available = std::min(free_memory, limit - *usage);
  v8::Local<v8::Value> values[] = {v8::Number::New(call.isolate, available),
                                   v8::Number::New(call.isolate, limit)};
  return v8::Array::New(call.isolate, values, 2);
}

constexpr NativeFunction kFunctions[] = {
    {"exit", Bind<Exit, kExitArgs>, 1},
    {"writeBytes", Bind<WriteBytes, kWriteBytesArgs>, 2},
    {"processIds", Bind<ProcessIds>, 0},
    {"execPath", Bind<ExecPath>, 0},
    {"chdir", Bind<Chdir, kChdirArgs>, 1},
    {"hrtime", Bind<Hrtime>, 0},
    {"memoryUsage", Bind<MemoryUsage>, 0},
    {"umask", Bind<Umask, kUmaskArgs>, 1},
    {"kill", Bind<Kill, kKillArgs>, 2},
    {"processUptime", Bind<ProcessUptime>, 0},
    {"isatty", Bind<IsTty, kFdArgs>, 1},
    {"windowSize", Bind<WindowSize, kFdArgs>, 1},
    {"libraryVersions", Bind<LibraryVersions>, 0},
    {"processCredentials", Bind<Credentials>, 0},
    {"processGroups", Bind<Groups>, 0},
    {"resourceUsage", Bind<ResourceUsage>, 0},
    {"memoryLimits", Bind<MemoryLimits>, 0},
    {"setCredential", Bind<SetCredential, kSetCredentialArgs>, 2},
    {"setGroups", Bind<SetGroups, kSetGroupsArgs>, 1},
    {"initGroups", Bind<InitGroups, kInitGroupsArgs>, 2},
};
constexpr absl::string_view kJs[] = {"process.js", "process_node.js", "process_usage.js",
                                     "process_errors.js"};
// process_usage.js compiles it the first time a program uses one of its members.
constexpr absl::string_view kLazyJs[] = {"process_usage_impl.js"};

}  // namespace

const Extension& ProcessExtension() {
  static const Extension kExtension{"process", 1, kFunctions, {}, {}, {}, kJs, nullptr, kLazyJs};
  return kExtension;
}

}  // namespace toysnap
