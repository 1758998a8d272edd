// natives.getaddrinfo(hostname, family, hints, callback): one uv_getaddrinfo
// request; callback(err) with a negative libuv error, or callback(0,
// addresses) with the addresses as text in the resolver's order (Node 20's
// default "verbatim").
#include "runtime/async_context.h"
#include "runtime/node/dns.h"

#include <netdb.h>
#include <uv.h>

#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "runtime/event_loop.h"
#include "runtime/isolate_data.h"
#include "runtime/js_error.h"
#include "runtime/native_util.h"
#include "v8-container.h"
#include "v8-function.h"
#include "v8-persistent-handle.h"
#include "v8-primitive.h"

namespace toysnap::node {
namespace {

struct LookupRequest {
  uv_getaddrinfo_t request;
  v8::Isolate* isolate;
  AsyncCallback callback;
};

void OnLookup(uv_getaddrinfo_t* raw, int status, addrinfo* result) {
  std::unique_ptr<LookupRequest> request(static_cast<LookupRequest*>(raw->data));
  std::vector<std::string> addresses;
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
    for (const std::string& address : addresses) seen = seen || address == text;
    if (!seen) addresses.emplace_back(text);
  }
  uv_freeaddrinfo(result);
  if (status == 0 && addresses.empty()) status = UV_EAI_NODATA;
  IsolateData* data = IsolateData::From(request->isolate);
  // A runtime being destroyed lets the request finish without calling JS.
  if (data == nullptr || data->loop == nullptr) return;
  v8::Isolate* isolate = request->isolate;
  data->loop->RunCallback([&](v8::Local<v8::Context> context) -> absl::Status {
    v8::TryCatch try_catch(isolate);
    std::vector<v8::Local<v8::Value>> list;
    for (const std::string& address : addresses) {
      list.push_back(v8::String::NewFromUtf8(isolate, address.c_str()).FromMaybe(
          v8::String::Empty(isolate)));
    }
    v8::Local<v8::Value> args[] = {v8::Integer::New(isolate, status),
                                   v8::Array::New(isolate, list.data(), list.size())};
    v8::Local<v8::Value> ignored;
    if (!request->callback.Call(context, v8::Undefined(isolate), 2, args).ToLocal(&ignored)) {
      return TryCatchToStatus(isolate, context, try_catch);
    }
    return absl::OkStatus();
  });
}

void GetAddrInfo(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  IsolateData* data = IsolateData::From(isolate);
  if (data == nullptr || data->loop == nullptr) {
    return ThrowError(isolate, ErrorKind::kError, "dns needs the runtime's event loop");
  }
  if (!info[0]->IsString() || !info[3]->IsFunction()) {
    return ThrowError(isolate, ErrorKind::kTypeError,
                      "getaddrinfo(hostname, family, hints, callback)");
  }
  v8::String::Utf8Value hostname(isolate, info[0]);
  int family = info[1]->IsInt32() ? info[1].As<v8::Int32>()->Value() : 0;
  int hints = info[2]->IsInt32() ? info[2].As<v8::Int32>()->Value() : 0;
  addrinfo wanted;
  std::memset(&wanted, 0, sizeof(wanted));
  wanted.ai_family = family == 4 ? AF_INET : family == 6 ? AF_INET6 : AF_UNSPEC;
  wanted.ai_socktype = SOCK_STREAM;
  wanted.ai_flags = hints;
  auto request = std::make_unique<LookupRequest>();
  request->isolate = isolate;
  request->callback.Reset(isolate, info[3].As<v8::Function>());
  request->request.data = request.get();
  int error = uv_getaddrinfo(data->loop->uv_loop(), &request->request, OnLookup, *hostname,
                             nullptr, &wanted);
  if (error == 0) request.release();  // OnLookup owns it
  info.GetReturnValue().Set(error);
}

constexpr NativeFunction kFunctions[] = {{"getaddrinfo", GetAddrInfo, 4}};

}  // namespace

const Extension& DnsExtension() {
  static constexpr absl::string_view kJs[] = {"dns.js"};
  static constexpr absl::string_view kLazyJs[] = {"dns_lookup.js"};
  static const Extension kExtension{"dns", 1, kFunctions, {}, {}, {}, kJs, nullptr, kLazyJs};
  return kExtension;
}

}  // namespace toysnap::node
