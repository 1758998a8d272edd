// The built-in extensions: one line each. A new native module adds its own
// files and one line here.
#include "runtime/builtin_extensions.h"

#include "runtime/console_natives.h"
#include "runtime/extension_registry.h"
#include "runtime/module_loader.h"
#include "runtime/natives.h"
#include "runtime/node/child_process.h"
#include "runtime/node/assert.h"
#include "runtime/node/cluster.h"
#include "runtime/node/crypto.h"
#include "runtime/node/async_hooks.h"
#include "runtime/node/buffer.h"
#include "runtime/node/os.h"
#include "runtime/node/perf_hooks.h"
#include "runtime/node/path.h"
#include "runtime/node/punycode.h"
#include "runtime/node/querystring.h"
#include "runtime/node/v8_module.h"
#include "runtime/node/vm.h"
#include "runtime/node/readline.h"
#include "runtime/node/stream.h"
#include "runtime/node/test_runner.h"
#include "runtime/node/dns.h"
#include "runtime/node/fs.h"
#include "runtime/node/language.h"
#include "runtime/node/net.h"
#include "runtime/node/web_streams.h"
#include "runtime/node/worker.h"
#include "runtime/node/zlib.h"
#include "runtime/node_builtins.h"
#include "runtime/process_natives.h"
#include "runtime/timers_natives.h"
#include "runtime/web/url.h"
#include "runtime/web_natives.h"

namespace toysnap {

std::vector<const Extension*> BuiltinExtensions() {
  return {
      &CoreExtension(),
      &ConsoleExtension(),
      &TimersExtension(),
      &ProcessExtension(),
      &node::LanguageExtension(),
      &WebExtension(),
      &web::UrlExtension(),
      &NodeBuiltinsExtension(),
      &node::BufferExtension(),
      &node::QuerystringExtension(),
      &node::PathExtension(),
      &node::PunycodeExtension(),
      &node::AssertExtension(),
      &node::AsyncHooksExtension(),
      &node::PerfHooksExtension(),
      &node::OsExtension(),
      &node::V8Extension(),
      &node::VmExtension(),
      &node::StreamExtension(),
      &node::ReadlineExtension(),
      &node::FsExtension(),
      &node::NetExtension(),
      &node::DnsExtension(),
      &node::WorkerExtension(),
      &node::ChildProcessExtension(),
      &node::CryptoExtension(),
      &node::ClusterExtension(),
      &node::ZlibExtension(),
      &node::WebStreamsExtension(),
      &node::TestRunnerExtension(),
      &ModulesExtension(),
  };
}

const ExtensionRegistry& BuiltinRegistry() {
  static const ExtensionRegistry* const registry = new ExtensionRegistry(BuiltinExtensions());
  return *registry;
}

}  // namespace toysnap
