// The external-reference table: one entry per native callback, each once, with
// a name; the fingerprint follows the names.
#include "runtime/external_references.h"

#include <set>

#include "gtest/gtest.h"
#include "runtime/native_classes.h"
#include "runtime/natives.h"

namespace toysnap {
namespace {

TEST(ExternalReferencesTest, ListsEveryCallbackOnceAndNullTerminates) {
  const std::vector<std::string>& names = ExternalReferenceNames();
  const intptr_t* table = ExternalReferences();
  std::set<intptr_t> addresses;
  for (size_t i = 0; i < names.size(); ++i) {
    ASSERT_NE(table[i], 0) << names[i];
    EXPECT_TRUE(addresses.insert(table[i]).second) << "listed twice: " << names[i];
  }
  EXPECT_EQ(table[names.size()], 0);
  EXPECT_EQ(std::set<std::string>(names.begin(), names.end()).size(), names.size());

  size_t expected = NativeFunctions().size() + InternalCallbacks().size() + 4;
  for (const NativeClass* cls : NativeClasses()) {
    expected += 1 + cls->methods.size() + cls->getters.size();
  }
  EXPECT_EQ(names.size(), expected);
  for (const NativeFunction& fn : NativeFunctions()) {
    EXPECT_TRUE(addresses.count(reinterpret_cast<intptr_t>(fn.callback))) << fn.name;
  }
}

TEST(ExternalReferencesTest, FingerprintIsStableAndNonZero) {
  EXPECT_NE(ExternalReferencesFingerprint(), 0u);
  EXPECT_EQ(ExternalReferencesFingerprint(), ExternalReferencesFingerprint());
}

}  // namespace
}  // namespace toysnap
