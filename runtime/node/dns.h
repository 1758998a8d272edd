// The dns extension: Node's dns.lookup and dns/promises lookup on libuv's
// getaddrinfo (the system resolver, on the thread pool); runtime/js/dns.js.
// The c-ares resolvers (resolve*, reverse, Resolver) are not provided.
// Registered by runtime/builtin_extensions.cc.
#ifndef TOYSNAP_RUNTIME_NODE_DNS_H_
#define TOYSNAP_RUNTIME_NODE_DNS_H_

#include "runtime/extension.h"

namespace toysnap::node {

const Extension& DnsExtension();

}  // namespace toysnap::node

#endif  // TOYSNAP_RUNTIME_NODE_DNS_H_
