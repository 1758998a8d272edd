// The dns extension, built on the embedder API (embedder_extension.h) as an
// embedder's would be: natives.getaddrinfo(hostname, family, hints) is an
// async host function, one uv_getaddrinfo request on the runtime's loop whose
// Completion settles the promise with [status, addresses]: a negative libuv
// error and [], or 0 and the addresses as text in the resolver's order (Node
// 20's default "verbatim").
#include "runtime/node/dns.h"

#include <netdb.h>
#include <uv.h>

#include <cstring>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "runtime/embedder_extension.h"

namespace toysnap {
namespace node {
namespace {

struct LookupOutcome {
  int32_t status = 0;
  std::vector<std::string> addresses;
};

}  // namespace
}  // namespace node

// [status, addresses]: JS builds Node's error from the libuv status itself.
template <>
struct JsConvert<node::LookupOutcome> {
  static v8::MaybeLocal<v8::Value> ToJs(const JsScope& scope, const node::LookupOutcome& value) {
    v8::Local<v8::Value> status, addresses;
    if (!JsConvert<int32_t>::ToJs(scope, value.status).ToLocal(&status) ||
        !JsConvert<std::vector<std::string>>::ToJs(scope, value.addresses).ToLocal(&addresses)) {
      return {};
    }
    v8::Local<v8::Value> pair[] = {status, addresses};
    return v8::Array::New(scope.isolate, pair, 2);
  }
};

namespace node {
namespace {

struct LookupRequest {
  explicit LookupRequest(Completion<LookupOutcome> done) : done(std::move(done)) {}
  uv_getaddrinfo_t request;
  Completion<LookupOutcome> done;
};

// On the runtime's thread; also while a runtime being destroyed lets the
// request finish, when settling does nothing.
void OnLookup(uv_getaddrinfo_t* raw, int status, addrinfo* result) {
  std::unique_ptr<LookupRequest> request(static_cast<LookupRequest*>(raw->data));
  LookupOutcome outcome;
  for (addrinfo* entry = result; status == 0 && entry != nullptr; entry = entry->ai_next) {
    char text[INET6_ADDRSTRLEN] = "";
    if (entry->ai_family == AF_INET) {
      uv_ip4_name(reinterpret_cast<sockaddr_in*>(entry->ai_addr), text, sizeof(text));
    } else if (entry->ai_family == AF_INET6) {
      uv_ip6_name(reinterpret_cast<sockaddr_in6*>(entry->ai_addr), text, sizeof(text));
    } else {
      continue;
    }
    // getaddrinfo lists an address once per socket type unless told one.
    bool seen = false;
    for (const std::string& address : outcome.addresses) seen = seen || address == text;
    if (!seen) outcome.addresses.emplace_back(text);
  }
  uv_freeaddrinfo(result);
  if (status == 0 && outcome.addresses.empty()) status = UV_EAI_NODATA;
  outcome.status = status;
  if (status != 0) outcome.addresses.clear();
  request->done.Resolve(std::move(outcome));
}

void GetAddrInfo(HostCall& call, std::string hostname, int32_t family, int32_t hints,
                 Completion<LookupOutcome> done) {
  uv_loop_t* loop = call.uv_loop();
  if (loop == nullptr) {
    done.Reject(absl::FailedPreconditionError("dns needs the runtime's event loop"));
    return;
  }
  addrinfo wanted;
  std::memset(&wanted, 0, sizeof(wanted));
  wanted.ai_family = family == 4 ? AF_INET : family == 6 ? AF_INET6 : AF_UNSPEC;
  wanted.ai_socktype = SOCK_STREAM;
  wanted.ai_flags = hints;
  auto request = std::make_unique<LookupRequest>(done);
  request->request.data = request.get();
  int error = uv_getaddrinfo(loop, &request->request, OnLookup, hostname.c_str(), nullptr,
                             &wanted);
  if (error == 0) {
    request.release();  // OnLookup owns it
  } else {
    done.Resolve(LookupOutcome{error, {}});
  }
}

const HostExtension& Declare() {
  // Static storage, as an Extension must have: never destroyed.
  auto* dns = new HostExtension("dns", 1);
  dns->AsyncFunction("getaddrinfo", {"hostname", "family", "hints"}, GetAddrInfo)
      .Script("dns.js")
      .LazyScript("dns_lookup.js");
  return *dns;
}

}  // namespace

const Extension& DnsExtension() {
  static const HostExtension& dns = Declare();
  return *dns.extension();
}

}  // namespace node
}  // namespace toysnap
