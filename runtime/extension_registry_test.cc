// The extension registry: the external-reference table it composes, the
// scripts it claims, fingerprints that follow what changed, and refusals.
#include "runtime/extension_registry.h"

#include <set>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "runtime/builtin_extensions.h"
#include "runtime/embedder_extension.h"

namespace toysnap {
namespace {

using ::testing::HasSubstr;

void Noop(const v8::FunctionCallbackInfo<v8::Value>&) {}
void Other(const v8::FunctionCallbackInfo<v8::Value>&) {}

constexpr NativeFunction kNoop[] = {{"testNoop", Noop, 0}};
constexpr NativeFunction kOther[] = {{"testNoop", Other, 0}};
const Extension kTest{"test", 1, kNoop, {}, {}, {}, {}};
const Extension kTestV2{"test", 2, kNoop, {}, {}, {}, {}};
const Extension kTestOtherCallback{"test", 1, kOther, {}, {}, {}, {}};
const Extension kSameNative{"same-native", 1, kNoop, {}, {}, {}, {}};

std::vector<const Extension*> With(const Extension& extra) {
  std::vector<const Extension*> extensions = BuiltinExtensions();
  extensions.push_back(&extra);
  return extensions;
}

TEST(ExtensionRegistryTest, TableListsEveryCallbackOfEveryExtensionOnce) {
  ExtensionRegistry registry(BuiltinExtensions());
  ASSERT_TRUE(registry.status().ok()) << registry.status();
  const std::vector<std::string>& names = registry.reference_names();
  const intptr_t* table = registry.external_references();
  std::set<intptr_t> addresses;
  for (size_t i = 0; i < names.size(); ++i) {
    ASSERT_NE(table[i], 0) << names[i];
    // The one callback of every host function (os and dns are built on the
    // embedder API); their data entries, which follow, tell them apart.
    if (table[i] == reinterpret_cast<intptr_t>(&HostTrampoline)) {
      ASSERT_LT(i + 1, names.size());
      EXPECT_THAT(names[i + 1], ::testing::EndsWith(" data")) << names[i];
      continue;
    }
    EXPECT_TRUE(addresses.insert(table[i]).second) << "listed twice: " << names[i];
  }
  EXPECT_EQ(table[names.size()], 0);
  EXPECT_EQ(std::set<std::string>(names.begin(), names.end()).size(), names.size());

  size_t expected = 0;
  for (const Extension* extension : registry.extensions()) {
    expected += extension->functions.size() + extension->callbacks.size() +
                extension->references.size();
    for (const NativeFunction& fn : extension->functions) {
      if (fn.data != nullptr) {
        ++expected;
        EXPECT_TRUE(addresses.count(reinterpret_cast<intptr_t>(fn.data))) << fn.name;
        continue;
      }
      EXPECT_TRUE(addresses.count(reinterpret_cast<intptr_t>(fn.callback))) << fn.name;
    }
    for (bool lazy : {false, true}) {
      for (const NativeClass* cls : lazy ? extension->lazy_classes : extension->classes) {
        expected += 1 + cls->methods.size() + cls->getters.size() + cls->setters.size() +
                    cls->statics.size();
        EXPECT_TRUE(addresses.count(reinterpret_cast<intptr_t>(cls->constructor))) << cls->name;
        EXPECT_EQ(registry.FindClass(cls->name), cls);
      }
    }
  }
  EXPECT_EQ(names.size(), expected);
  EXPECT_GT(names.size(), 20u);  // the built-ins have callbacks at all
}

TEST(ExtensionRegistryTest, EveryEmbeddedScriptBelongsToExactlyOneExtension) {
  ExtensionRegistry registry(BuiltinExtensions());
  std::multiset<std::string> claimed;
  for (const EmbeddedSource& source : registry.scripts()) claimed.emplace(source.name);
  for (const EmbeddedSource& source : registry.lazy_scripts()) claimed.emplace(source.name);
  EXPECT_FALSE(registry.lazy_scripts().empty());  // the stream extension's packages
  std::multiset<std::string> embedded;
  for (const EmbeddedSource& source : BootstrapSources()) embedded.emplace(source.name);
  EXPECT_EQ(claimed, embedded);
  ASSERT_FALSE(registry.scripts().empty());
  EXPECT_EQ(registry.scripts().front().name, "primordials.js");  // before anything else
}

TEST(ExtensionRegistryTest, FingerprintsFollowWhatChanged) {
  ExtensionRegistry builtin(BuiltinExtensions());
  ExtensionRegistry again(BuiltinExtensions());
  ExtensionRegistry test(With(kTest));
  ExtensionRegistry test_v2(With(kTestV2));
  ExtensionRegistry other_callback(With(kTestOtherCallback));
  EXPECT_NE(builtin.fingerprint(), 0u);
  EXPECT_EQ(builtin.fingerprint(), again.fingerprint());
  EXPECT_NE(builtin.fingerprint(), test.fingerprint());
  EXPECT_NE(test.fingerprint(), test_v2.fingerprint());
  // Same names, other function: the table's meaning is the same, so is the hash.
  EXPECT_EQ(test.fingerprint(), other_callback.fingerprint());
  ASSERT_EQ(test.stamps().size(), builtin.stamps().size() + 1);
  for (size_t i = 0; i < builtin.stamps().size(); ++i) {
    EXPECT_EQ(test.stamps()[i].fingerprint, builtin.stamps()[i].fingerprint);
  }
  EXPECT_EQ(test.stamps().back().name, "test");
  EXPECT_EQ(test_v2.stamps().back().version, 2u);
}

TEST(ExtensionRegistryTest, RefusesDuplicateNamesAndMissingScripts) {
  ExtensionRegistry twice(With(kTest));
  EXPECT_TRUE(twice.status().ok());
  std::vector<const Extension*> duplicate = With(kTest);
  duplicate.push_back(&kTestV2);
  EXPECT_THAT(ExtensionRegistry(duplicate).status().message(),
              HasSubstr("two extensions are named test"));
  std::vector<const Extension*> same_native = With(kTest);
  same_native.push_back(&kSameNative);
  EXPECT_THAT(ExtensionRegistry(same_native).status().message(),
              HasSubstr("extension same-native defines natives.testNoop again"));
  static constexpr absl::string_view kMissing[] = {"no-such-file.js"};
  const Extension missing{"missing", 1, {}, {}, {}, {}, kMissing};
  EXPECT_THAT(ExtensionRegistry(With(missing)).status().message(),
              HasSubstr("names no-such-file.js, which is not embedded"));
}

TEST(ExtensionRegistryTest, CompatibilityNamesTheExtensionThatDiffers) {
  ExtensionRegistry builtin(BuiltinExtensions());
  ExtensionRegistry test(With(kTest));
  ExtensionRegistry test_v2(With(kTestV2));
  EXPECT_TRUE(test.CheckCompatible(test.stamps()).ok());
  EXPECT_THAT(test.CheckCompatible(test_v2.stamps()).message(),
              HasSubstr("extension 'test' differs"));
  EXPECT_THAT(builtin.CheckCompatible(test.stamps()).message(),
              HasSubstr("built with extension 'test', which this runtime does not have"));
  EXPECT_THAT(test.CheckCompatible(builtin.stamps()).message(),
              HasSubstr("this runtime has extension 'test' where the snapshot has none"));
  EXPECT_FALSE(builtin.CheckCompatible({}).ok());
}

// A snapshot holds its runtime's JavaScript, and lazy scripts compile from the
// binary into that heap: other JavaScript under the same name and version is
// another extension (a rebuilt toysnap refuses, and rebuilds, older snapshots).
TEST(ExtensionRegistryTest, FingerprintsFollowTheExtensionsJavaScript) {
  static constexpr absl::string_view kOs[] = {"os.js"};
  static constexpr absl::string_view kDns[] = {"dns.js"};
  const Extension with_os{"scripts", 1, {}, {}, {}, {}, {}, {}, kOs};
  const Extension with_dns{"scripts", 1, {}, {}, {}, {}, {}, {}, kDns};
  ExtensionRegistry os({&with_os});
  ExtensionRegistry os_again({&with_os});
  ExtensionRegistry dns({&with_dns});
  ASSERT_TRUE(os.status().ok()) << os.status();
  ASSERT_TRUE(dns.status().ok()) << dns.status();
  EXPECT_EQ(os.fingerprint(), os_again.fingerprint());
  EXPECT_NE(os.fingerprint(), dns.fingerprint());
  EXPECT_THAT(os.CheckCompatible(dns.stamps()).message(),
              HasSubstr("extension 'scripts' differs from the one the snapshot was built with "
                        "(its natives or JavaScript changed)"));
}

}  // namespace
}  // namespace toysnap
