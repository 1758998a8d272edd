// Language features Node 20 has and V8 10.2 lacks (issue #14, item 5), and the
// `v8` and `vm` modules: each fixture in tests/node_parity/lang must print
// exactly what Node prints, run by toysnap from source and from a snapshot.
#include <string>

#include "gtest/gtest.h"
#include "tests/node_parity.h"
#include "tests/process_runner.h"

namespace toysnap {
namespace {

using toysnap::testing::ExpectSameAsNode;
using toysnap::testing::Runfile;

std::string Fixture(const std::string& name) {
  return Runfile("tests/node_parity/lang/" + name);
}

// Every ECMAScript constructor's and prototype's own properties, with their
// attributes: what core-js adds is exactly what Node 20 has beyond V8 10.2.
TEST(NodeParityLangTest, BuiltinsHaveNode20sProperties) {
  ExpectSameAsNode(Fixture("builtins_list.mjs"), {});
}

TEST(NodeParityLangTest, ChangeArrayByCopyAndWellFormedStringsBehaveAsNatives) {
  ExpectSameAsNode(Fixture("change_array_by_copy.mjs"), {});
}

// Names only computed at run time: a snapshot of this program is built
// without core-js (nothing names its methods), so they load at the first call
// after the restore; properties and results stay Node's either way.
TEST(NodeParityLangTest, ChangeArrayByCopyLoadedAtFirstCallAfterRestore) {
  ExpectSameAsNode(Fixture("change_array_by_copy_unnamed.mjs"), {});
}

// `with { type: 'json' }` wherever `assert` works (static imports, re-exports,
// across line breaks and comments), with columns after the clause unchanged;
// import.meta.dirname and filename, at build time and after a restore.
TEST(NodeParityLangTest, ImportAttributesAndImportMetaPaths) {
  ExpectSameAsNode(Fixture("import_attributes.mjs"), {});
}

TEST(NodeParityLangTest, ImportAttributeErrorsHaveNodesCodes) {
  ExpectSameAsNode(Fixture("attribute_errors.mjs"), {});
}

// v8.serialize output byte for byte, round trips of Buffers and typed arrays
// in Node's host-object format, Serializer/Deserializer subclasses with their
// own host objects, argument errors.
TEST(NodeParityLangTest, V8SerializeDeserializeAndHeapStatistics) {
  ExpectSameAsNode(Fixture("v8_module.mjs"), {});
}

TEST(NodeParityLangTest, VmScriptsContextsTimeoutsAndCompileFunction) {
  ExpectSameAsNode(Fixture("vm_module.mjs"), {});
}

}  // namespace
}  // namespace toysnap
