// toysnap's own modules built on the embedder API (os, dns): their natives are
// host functions, so the API's argument conversion, errors and async
// Completion are what the modules run on; they serve no host: module, and the
// snapshot's record of the extension set covers them.
#include <memory>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "runtime/builtin_extensions.h"
#include "runtime/embedder_extension.h"
#include "runtime/extension_registry.h"
#include "runtime/host_binding.h"
#include "runtime/natives.h"
#include "runtime/node/dns.h"
#include "runtime/node/os.h"
#include "runtime/runtime.h"
#include "runtime/test_eval.h"
#include "runtime/v8_test_environment.h"

namespace toysnap {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

const auto* const kV8 = RegisterV8TestEnvironment();

TEST(BuiltinHostExtensionsTest, OsAndDnsAreHostExtensionsWithScriptsInsteadOfANamespace) {
  for (const Extension* extension : {&node::OsExtension(), &node::DnsExtension()}) {
    SCOPED_TRACE(extension->name);
    ASSERT_NE(extension->host, nullptr);
    EXPECT_TRUE(extension->host->status.ok()) << extension->host->status;
    EXPECT_FALSE(extension->host->serves_namespace);
    EXPECT_FALSE(extension->js.empty());
    ASSERT_FALSE(extension->functions.empty());
    for (const NativeFunction& fn : extension->functions) {
      EXPECT_EQ(fn.callback, &HostTrampoline) << fn.name;
      EXPECT_NE(fn.data, nullptr) << fn.name;
    }
  }
  ExtensionRegistry registry(BuiltinExtensions());
  ASSERT_TRUE(registry.status().ok()) << registry.status();
  EXPECT_EQ(registry.FindHostModule("host:os"), nullptr);
  EXPECT_EQ(registry.FindHostModule("host:dns"), nullptr);
  EXPECT_NE(registry.FindLazyScript("dns_lookup.js"), nullptr);
  const std::vector<std::string>& names = registry.reference_names();
  for (const char* name : {"os:hostname", "os:hostname data", "dns:getaddrinfo data"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), name), names.end()) << name;
  }
}

// A snapshot made with another `os` (here: fewer functions, same name and
// version) is refused by name, as an embedder's would be.
TEST(BuiltinHostExtensionsTest, ASnapshotWithAnotherOsIsRefusedByName) {
  static const HostExtension* const other_os = [] {
    auto* os = new HostExtension("os", 1);
    os->Function("hostname", {}, [] { return std::string("elsewhere"); }).Script("os.js");
    return os;
  }();
  std::vector<const Extension*> extensions = BuiltinExtensions();
  for (const Extension*& extension : extensions) {
    if (extension == &node::OsExtension()) extension = other_os->extension();
  }
  ExtensionRegistry builtin(BuiltinExtensions());
  ExtensionRegistry other(extensions);
  ASSERT_TRUE(other.status().ok()) << other.status();
  EXPECT_TRUE(builtin.CheckCompatible(builtin.stamps()).ok());
  EXPECT_THAT(builtin.CheckCompatible(other.stamps()).message(),
              HasSubstr("extension 'os' differs from the one the snapshot was built with "
                        "(its natives or JavaScript changed)"));
}

TEST(BuiltinHostExtensionsTest, ScriptsAndAGlobalNamespaceExcludeEachOther) {
  HostExtension both("both", 1);
  both.Function("f", {}, [] { return 1.0; }).Script("os.js").Global("both");
  EXPECT_THAT(both.status().message(),
              HasSubstr("extension both has scripts, so no namespace for Global()"));
  ExtensionRegistry registry({both.extension()});
  EXPECT_THAT(registry.status().message(), HasSubstr("extension both: extension both has"));
}

class ConvertedModuleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    RuntimeOptions options;
    options.console = false;
    absl::StatusOr<std::unique_ptr<Runtime>> made = Runtime::Create(TestV8(), options);
    ASSERT_TRUE(made.ok()) << made.status();
    runtime_ = std::move(*made);
    // The natives os.js and dns.js get, on globalThis for the test.
    v8::Isolate* isolate = runtime_->isolate();
    v8::Isolate::Scope isolate_scope(isolate);
    v8::HandleScope handle_scope(isolate);
    v8::Local<v8::Context> context = runtime_->context();
    v8::Context::Scope context_scope(context);
    for (auto [name, extension] : {std::pair{"osNatives", &node::OsExtension()},
                                   std::pair{"dnsNatives", &node::DnsExtension()}}) {
      absl::StatusOr<v8::Local<v8::Object>> natives =
          NewExtensionNatives(context, *extension, v8::Object::New(isolate));
      ASSERT_TRUE(natives.ok()) << natives.status();
      ASSERT_TRUE(context->Global()
                      ->Set(context, v8::String::NewFromUtf8(isolate, name).ToLocalChecked(),
                            *natives)
                      .FromMaybe(false));
    }
  }
  std::string Eval(absl::string_view source) {
    absl::StatusOr<std::string> text = EvalToString(*runtime_, source);
    return text.ok() ? *text : absl::StrCat("error: ", text.status().message());
  }
  std::unique_ptr<Runtime> runtime_;
};

constexpr char kDescribe[] =
    "const describe = (call) => { try { return `returned ${call()}`; } "
    "catch (e) { return `${e.name} ${e.code}: ${e.message}`; } };";

TEST_F(ConvertedModuleTest, OsNativesConvertArgumentsAsTheApiDoes) {
  Eval(kDescribe);
  EXPECT_EQ(Eval("describe(() => osNatives.getPriority('x'))"),
            "TypeError ERR_INVALID_ARG_TYPE: The \"pid\" argument must be of type number. "
            "Received type string ('x')");
  EXPECT_EQ(Eval("describe(() => osNatives.setPriority(0))"),
            "TypeError ERR_INVALID_ARG_TYPE: The \"priority\" argument must be of type number. "
            "Received undefined");
  EXPECT_EQ(Eval("describe(() => typeof osNatives.hostname())"), "returned string");
  EXPECT_EQ(Eval("describe(() => osNatives.uname().length)"), "returned 4");
  EXPECT_EQ(Eval("describe(() => osNatives.getPriority(0))"), "returned 0");
  // A libuv failure is the status os.js turns into Node's SystemError.
  EXPECT_THAT(Eval("describe(() => osNatives.getPriority(2147483647))"),
              StartsWith("Error undefined: uv_os_getpriority failed: ESRCH ("));
  // Every host function is one of the API's: no `new`.
  EXPECT_THAT(Eval("describe(() => new osNatives.hostname())"), StartsWith("TypeError"));
}

TEST_F(ConvertedModuleTest, DnsGetaddrinfoIsAnAsyncHostFunction) {
  Eval(kDescribe);
  EXPECT_EQ(Eval("describe(() => dnsNatives.getaddrinfo(42, 0, 0))"),
            "TypeError ERR_INVALID_ARG_TYPE: The \"hostname\" argument must be of type string. "
            "Received type number (42)");
  EXPECT_EQ(Eval("describe(() => dnsNatives.getaddrinfo('localhost', 4, 1.5))"),
            "RangeError ERR_OUT_OF_RANGE: The value of \"hints\" is out of range. It must be an "
            "integer >= -2147483648 && <= 2147483647. Received 1.5");
  EXPECT_EQ(AwaitOrError(*runtime_,
                         "dnsNatives.getaddrinfo('localhost', 4, 0)"
                         ".then(([status, addresses]) => `${status} ${addresses}`)"),
            "0 127.0.0.1");
  EXPECT_EQ(AwaitOrError(*runtime_,
                         "dnsNatives.getaddrinfo('nonexistent.invalid', 0, 0)"
                         ".then(([status, addresses]) => `${status < 0} ${addresses.length}`)"),
            "true 0");
}

TEST_F(ConvertedModuleTest, NoHostModuleIsServedForThem) {
  EXPECT_THAT(AwaitOrError(*runtime_, "import('host:os').then(() => 'served')"),
              StartsWith("error: "));
  EXPECT_EQ(AwaitOrError(*runtime_, "import('node:os').then((os) => typeof os.hostname())"),
            "string");
}

}  // namespace
}  // namespace toysnap
