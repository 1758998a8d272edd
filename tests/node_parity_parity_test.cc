// Differences from Node 20 that earlier sessions recorded and left, each now
// fixed and checked against the pinned Node, from source and from a snapshot
// (tests/node_parity/parity).
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/node_parity.h"
#include "tests/process_runner.h"

namespace toysnap {
namespace {

using toysnap::testing::ExpectSameAsNode;
using toysnap::testing::MakeTempDir;
using toysnap::testing::NodeBinary;
using toysnap::testing::ProcessResult;
using toysnap::testing::RunProcess;
using toysnap::testing::Runfile;
using toysnap::testing::WriteTextFile;

// Error.stackTraceLimit: 10 in a restored program (it read as undefined
// there), and what the program's top level made it survives the snapshot.
TEST(NodeParityParityTest, StackTraceLimitAfterARestore) {
  ExpectSameAsNode(Runfile("tests/node_parity/parity/stack_trace_limit.mjs"), {});
}

TEST(NodeParityParityTest, StackTraceLimitSetAtTheTopLevel) {
  ExpectSameAsNode(Runfile("tests/node_parity/parity/stack_trace_limit_set.mjs"), {});
}

TEST(NodeParityParityTest, StackTraceLimitMadeAStringOrAnAccessor) {
  ExpectSameAsNode(Runfile("tests/node_parity/parity/stack_trace_limit_other.mjs"), {});
}

// Deleted at build time, the property is V8's fresh 10 after a restore, as in
// a program restored from Node's own snapshot (`node --build-snapshot`).
TEST(NodeParityParityTest, StackTraceLimitDeletedBeforeASnapshotAsInNodes) {
  const std::string top = "delete Error.stackTraceLimit;\n";
  const std::string report =
      "console.log(typeof Error.stackTraceLimit, Error.stackTraceLimit, "
      "typeof new Error('x').stack);";
  std::string dir = MakeTempDir();
  WriteTextFile(dir + "/node_entry.js",
                absl::StrCat(top, "require('v8').startupSnapshot.setDeserializeMainFunction(() => {",
                             report, "});\n"));
  WriteTextFile(dir + "/app.mjs", absl::StrCat(top, "export function main() {", report, "}\n"));
  ProcessResult node_build = RunProcess(
      {NodeBinary(), "--snapshot-blob", dir + "/node.blob", "--build-snapshot", "node_entry.js"},
      dir);
  ASSERT_EQ(node_build.exit_code, 0) << node_build.err;
  ProcessResult node = RunProcess({NodeBinary(), "--snapshot-blob", dir + "/node.blob"}, dir);
  ASSERT_EQ(node.exit_code, 0) << node.err;
  EXPECT_EQ(node.out, "number 10 string\n");
  std::string toysnap = Runfile("tools/toysnap");
  ProcessResult build = RunProcess({toysnap, "build", "app.mjs", "-o", "app.snap"}, dir);
  ASSERT_EQ(build.exit_code, 0) << build.err;
  ProcessResult restored = RunProcess({toysnap, "run", "app.snap"}, dir);
  EXPECT_EQ(restored.out, node.out);
  EXPECT_EQ(restored.err, node.err);
  EXPECT_EQ(restored.exit_code, 0);
}

}  // namespace
}  // namespace toysnap
