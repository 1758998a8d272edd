// The os extension, built on the embedder API (embedder_extension.h) as an
// embedder's would be: typed host functions, each one libuv call, handed to
// os.js as its natives. Values are fresh at every call, so nothing
// machine-specific is kept in a snapshot.
#include "runtime/node/os.h"

#include <errno.h>
#include <signal.h>
#include <uv.h>

#include <cstdio>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/types/span.h"
#include "runtime/embedder_extension.h"
#include "v8-container.h"
#include "v8-primitive.h"

namespace toysnap::node {
namespace {

v8::Local<v8::String> Text(v8::Isolate* isolate, const char* text) {
  v8::Local<v8::String> string;
  if (!v8::String::NewFromUtf8(isolate, text == nullptr ? "" : text).ToLocal(&string)) {
    return v8::String::Empty(isolate);
  }
  return string;
}

v8::Local<v8::Array> List(v8::Isolate* isolate, std::vector<v8::Local<v8::Value>> items) {
  return v8::Array::New(isolate, items.data(), items.size());
}

// A libuv failure as Node's SystemError-like Error: "<syscall> failed: <message>".
absl::Status UvStatus(int error, const char* syscall) {
  return absl::UnknownError(absl::StrCat(syscall, " failed: ", uv_err_name(error), " (",
                                         uv_strerror(error), ")"));
}

absl::StatusOr<std::string> Hostname() {
  char name[UV_MAXHOSTNAMESIZE];
  size_t size = sizeof(name);
  if (int error = uv_os_gethostname(name, &size); error != 0) {
    return UvStatus(error, "uv_os_gethostname");
  }
  return std::string(name, size);
}

// [sysname, release, version, machine]
absl::StatusOr<std::vector<std::string>> Uname() {
  uv_utsname_t uts;
  if (int error = uv_os_uname(&uts); error != 0) return UvStatus(error, "uv_os_uname");
  return std::vector<std::string>{uts.sysname, uts.release, uts.version, uts.machine};
}

double Uptime() {
  double uptime = 0;
  return uv_uptime(&uptime) == 0 ? uptime : 0;
}

std::vector<double> Loadavg() {
  double averages[3] = {0, 0, 0};
  uv_loadavg(averages);
  return {averages[0], averages[1], averages[2]};
}

// [free, total] bytes
std::vector<double> Memory() {
  return {static_cast<double>(uv_get_free_memory()),
          static_cast<double>(uv_get_total_memory())};
}

// The speed Node 20 reports (its libuv 1.46 reads cpufreq, where Debian's 1.44
// reads /proc/cpuinfo): scaling_cur_freq in MHz, or 0 where the kernel has none.
double CpuSpeedMhz(int cpu) {
  std::string path = absl::StrCat("/sys/devices/system/cpu/cpu", cpu, "/cpufreq/scaling_cur_freq");
  FILE* file = fopen(path.c_str(), "r");
  if (file == nullptr) return 0;
  unsigned long khz = 0;
  if (fscanf(file, "%lu", &khz) != 1) khz = 0;
  fclose(file);
  return static_cast<double>(khz / 1000);
}

// Per CPU: model, speed, user, nice, sys, idle, irq (flat).
absl::StatusOr<v8::Local<v8::Value>> Cpus(HostCall& call) {
  uv_cpu_info_t* cpus = nullptr;
  int count = 0;
  if (int error = uv_cpu_info(&cpus, &count); error != 0) return UvStatus(error, "uv_cpu_info");
  v8::Isolate* isolate = call.isolate();
  std::vector<v8::Local<v8::Value>> items;
  for (int i = 0; i < count; ++i) {
    const uv_cpu_info_t& cpu = cpus[i];
    items.push_back(Text(isolate, cpu.model));
    for (double value : {CpuSpeedMhz(i), static_cast<double>(cpu.cpu_times.user),
                         static_cast<double>(cpu.cpu_times.nice),
                         static_cast<double>(cpu.cpu_times.sys),
                         static_cast<double>(cpu.cpu_times.idle),
                         static_cast<double>(cpu.cpu_times.irq)}) {
      items.push_back(v8::Number::New(isolate, value));
    }
  }
  uv_free_cpu_info(cpus, count);
  return v8::Local<v8::Value>(List(isolate, std::move(items)));
}

// Per address: name, address, netmask, family (4 or 6), mac, internal, scopeid (flat).
absl::StatusOr<v8::Local<v8::Value>> Interfaces(HostCall& call) {
  uv_interface_address_t* addresses = nullptr;
  int count = 0;
  if (int error = uv_interface_addresses(&addresses, &count); error != 0) {
    return UvStatus(error, "uv_interface_addresses");
  }
  v8::Isolate* isolate = call.isolate();
  std::vector<v8::Local<v8::Value>> items;
  for (int i = 0; i < count; ++i) {
    const uv_interface_address_t& a = addresses[i];
    char ip[INET6_ADDRSTRLEN] = "";
    char mask[INET6_ADDRSTRLEN] = "";
    bool v4 = a.address.address4.sin_family == AF_INET;
    if (v4) {
      uv_ip4_name(&a.address.address4, ip, sizeof(ip));
      uv_ip4_name(&a.netmask.netmask4, mask, sizeof(mask));
    } else {
      uv_ip6_name(&a.address.address6, ip, sizeof(ip));
      uv_ip6_name(&a.netmask.netmask6, mask, sizeof(mask));
    }
    char mac[18];
    snprintf(mac, sizeof(mac), "%02x:%02x:%02x:%02x:%02x:%02x",
             static_cast<unsigned char>(a.phys_addr[0]), static_cast<unsigned char>(a.phys_addr[1]),
             static_cast<unsigned char>(a.phys_addr[2]), static_cast<unsigned char>(a.phys_addr[3]),
             static_cast<unsigned char>(a.phys_addr[4]), static_cast<unsigned char>(a.phys_addr[5]));
    for (v8::Local<v8::Value> value :
         {Text(isolate, a.name).As<v8::Value>(), Text(isolate, ip).As<v8::Value>(),
          Text(isolate, mask).As<v8::Value>(), v8::Integer::New(isolate, v4 ? 4 : 6).As<v8::Value>(),
          Text(isolate, mac).As<v8::Value>(), v8::Boolean::New(isolate, a.is_internal).As<v8::Value>(),
          v8::Integer::New(isolate, v4 ? -1 : static_cast<int>(a.address.address6.sin6_scope_id))
              .As<v8::Value>()}) {
      items.push_back(value);
    }
  }
  uv_free_interface_addresses(addresses, count);
  return v8::Local<v8::Value>(List(isolate, std::move(items)));
}

// [uid, gid, username, homedir, shell]
absl::StatusOr<v8::Local<v8::Value>> UserInfo(HostCall& call) {
  uv_passwd_t passwd;
  if (int error = uv_os_get_passwd(&passwd); error != 0) return UvStatus(error, "uv_os_get_passwd");
  v8::Isolate* isolate = call.isolate();
  v8::Local<v8::Value> info = List(
      isolate, {v8::Number::New(isolate, static_cast<double>(passwd.uid)),
                v8::Number::New(isolate, static_cast<double>(passwd.gid)),
                Text(isolate, passwd.username), Text(isolate, passwd.homedir),
                passwd.shell == nullptr ? v8::Null(isolate).As<v8::Value>()
                                        : Text(isolate, passwd.shell).As<v8::Value>()});
  uv_os_free_passwd(&passwd);
  return info;
}

absl::StatusOr<std::string> Homedir() {
  char path[4096];
  size_t size = sizeof(path);
  if (int error = uv_os_homedir(path, &size); error != 0) return UvStatus(error, "uv_os_homedir");
  return std::string(path, size);
}

double Parallelism() { return static_cast<double>(uv_available_parallelism()); }

absl::StatusOr<double> GetPriority(int32_t pid) {
  int priority = 0;
  if (int error = uv_os_getpriority(pid, &priority); error != 0) {
    return UvStatus(error, "uv_os_getpriority");
  }
  return static_cast<double>(priority);
}

absl::Status SetPriority(int32_t pid, int32_t priority) {
  if (int error = uv_os_setpriority(pid, priority); error != 0) {
    return UvStatus(error, "uv_os_setpriority");
  }
  return absl::OkStatus();
}

// os.constants.signals and .errno as [name, number, ...].
v8::Local<v8::Value> Constants(HostCall& call) {
  struct Named {
    const char* name;
    int value;
  };
#define TOYSNAP_NAMED(x) {#x, x}
  static const Named kSignals[] = {
      TOYSNAP_NAMED(SIGHUP),  TOYSNAP_NAMED(SIGINT),    TOYSNAP_NAMED(SIGQUIT),
      TOYSNAP_NAMED(SIGILL),  TOYSNAP_NAMED(SIGTRAP),   TOYSNAP_NAMED(SIGABRT),
      {"SIGIOT", SIGIOT},     TOYSNAP_NAMED(SIGBUS),    TOYSNAP_NAMED(SIGFPE),
      TOYSNAP_NAMED(SIGKILL), TOYSNAP_NAMED(SIGUSR1),   TOYSNAP_NAMED(SIGSEGV),
      TOYSNAP_NAMED(SIGUSR2), TOYSNAP_NAMED(SIGPIPE),   TOYSNAP_NAMED(SIGALRM),
      TOYSNAP_NAMED(SIGTERM), TOYSNAP_NAMED(SIGCHLD),   TOYSNAP_NAMED(SIGSTKFLT),
      TOYSNAP_NAMED(SIGCONT), TOYSNAP_NAMED(SIGSTOP),   TOYSNAP_NAMED(SIGTSTP),
      TOYSNAP_NAMED(SIGTTIN), TOYSNAP_NAMED(SIGTTOU),   TOYSNAP_NAMED(SIGURG),
      TOYSNAP_NAMED(SIGXCPU), TOYSNAP_NAMED(SIGXFSZ),   TOYSNAP_NAMED(SIGVTALRM),
      TOYSNAP_NAMED(SIGPROF), TOYSNAP_NAMED(SIGWINCH),  TOYSNAP_NAMED(SIGIO),
      {"SIGPOLL", SIGPOLL},   TOYSNAP_NAMED(SIGPWR),    TOYSNAP_NAMED(SIGSYS),
  };
  static const Named kErrno[] = {
      TOYSNAP_NAMED(E2BIG),        TOYSNAP_NAMED(EACCES),       TOYSNAP_NAMED(EADDRINUSE),
      TOYSNAP_NAMED(EADDRNOTAVAIL), TOYSNAP_NAMED(EAFNOSUPPORT), TOYSNAP_NAMED(EAGAIN),
      TOYSNAP_NAMED(EALREADY),     TOYSNAP_NAMED(EBADF),        TOYSNAP_NAMED(EBADMSG),
      TOYSNAP_NAMED(EBUSY),        TOYSNAP_NAMED(ECANCELED),    TOYSNAP_NAMED(ECHILD),
      TOYSNAP_NAMED(ECONNABORTED), TOYSNAP_NAMED(ECONNREFUSED), TOYSNAP_NAMED(ECONNRESET),
      TOYSNAP_NAMED(EDEADLK),      TOYSNAP_NAMED(EDESTADDRREQ), TOYSNAP_NAMED(EDOM),
      TOYSNAP_NAMED(EDQUOT),       TOYSNAP_NAMED(EEXIST),       TOYSNAP_NAMED(EFAULT),
      TOYSNAP_NAMED(EFBIG),        TOYSNAP_NAMED(EHOSTUNREACH), TOYSNAP_NAMED(EIDRM),
      TOYSNAP_NAMED(EILSEQ),       TOYSNAP_NAMED(EINPROGRESS),  TOYSNAP_NAMED(EINTR),
      TOYSNAP_NAMED(EINVAL),       TOYSNAP_NAMED(EIO),          TOYSNAP_NAMED(EISCONN),
      TOYSNAP_NAMED(EISDIR),       TOYSNAP_NAMED(ELOOP),        TOYSNAP_NAMED(EMFILE),
      TOYSNAP_NAMED(EMLINK),       TOYSNAP_NAMED(EMSGSIZE),     TOYSNAP_NAMED(EMULTIHOP),
      TOYSNAP_NAMED(ENAMETOOLONG), TOYSNAP_NAMED(ENETDOWN),     TOYSNAP_NAMED(ENETRESET),
      TOYSNAP_NAMED(ENETUNREACH),  TOYSNAP_NAMED(ENFILE),       TOYSNAP_NAMED(ENOBUFS),
      TOYSNAP_NAMED(ENODATA),      TOYSNAP_NAMED(ENODEV),       TOYSNAP_NAMED(ENOENT),
      TOYSNAP_NAMED(ENOEXEC),      TOYSNAP_NAMED(ENOLCK),       TOYSNAP_NAMED(ENOLINK),
      TOYSNAP_NAMED(ENOMEM),       TOYSNAP_NAMED(ENOMSG),       TOYSNAP_NAMED(ENOPROTOOPT),
      TOYSNAP_NAMED(ENOSPC),       TOYSNAP_NAMED(ENOSR),        TOYSNAP_NAMED(ENOSTR),
      TOYSNAP_NAMED(ENOSYS),       TOYSNAP_NAMED(ENOTCONN),     TOYSNAP_NAMED(ENOTDIR),
      TOYSNAP_NAMED(ENOTEMPTY),    TOYSNAP_NAMED(ENOTSOCK),     TOYSNAP_NAMED(ENOTSUP),
      TOYSNAP_NAMED(ENOTTY),       TOYSNAP_NAMED(ENXIO),        TOYSNAP_NAMED(EOPNOTSUPP),
      TOYSNAP_NAMED(EOVERFLOW),    TOYSNAP_NAMED(EPERM),        TOYSNAP_NAMED(EPIPE),
      TOYSNAP_NAMED(EPROTO),       TOYSNAP_NAMED(EPROTONOSUPPORT), TOYSNAP_NAMED(EPROTOTYPE),
      TOYSNAP_NAMED(ERANGE),       TOYSNAP_NAMED(EROFS),        TOYSNAP_NAMED(ESPIPE),
      TOYSNAP_NAMED(ESRCH),        TOYSNAP_NAMED(ESTALE),       TOYSNAP_NAMED(ETIME),
      TOYSNAP_NAMED(ETIMEDOUT),    TOYSNAP_NAMED(ETXTBSY),      TOYSNAP_NAMED(EWOULDBLOCK),
      TOYSNAP_NAMED(EXDEV),
  };
#undef TOYSNAP_NAMED
  v8::Isolate* isolate = call.isolate();
  auto flat = [isolate](absl::Span<const Named> named) {
    std::vector<v8::Local<v8::Value>> items;
    for (const Named& entry : named) {
      items.push_back(Text(isolate, entry.name));
      items.push_back(v8::Integer::New(isolate, entry.value));
    }
    return List(isolate, std::move(items));
  };
  return List(isolate, {flat(kSignals), flat(kErrno)});
}

const HostExtension& Declare() {
  // Static storage, as an Extension must have: never destroyed.
  auto* os = new HostExtension("os", 1);
  os->Function("hostname", {}, Hostname)
      .Function("uname", {}, Uname)
      .Function("uptime", {}, Uptime)
      .Function("loadavg", {}, Loadavg)
      .Function("memory", {}, Memory)
      .Function("cpus", {}, Cpus)
      .Function("interfaces", {}, Interfaces)
      .Function("userInfo", {}, UserInfo)
      .Function("homedir", {}, Homedir)
      .Function("parallelism", {}, Parallelism)
      .Function("getPriority", {"pid"}, GetPriority)
      .Function("setPriority", {"pid", "priority"}, SetPriority)
      .Function("constants", {}, Constants)
      .Script("os.js");
  return *os;
}

}  // namespace

const Extension& OsExtension() {
  static const HostExtension& os = Declare();
  return *os.extension();
}

}  // namespace toysnap::node
