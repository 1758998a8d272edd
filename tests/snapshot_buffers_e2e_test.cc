// End-to-end: programs whose snapshot keeps zero-length or detached buffers
// restore and survive full GCs (V8 10.2 wrote a stale C++ pointer for them:
// runtime/snapshot_array_buffers.h), in the main thread and in a Worker.
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/cli_fixture.h"
#include "tests/process_runner.h"

namespace toysnap {
namespace {

using toysnap::testing::ProcessResult;

using SnapshotBuffersTest = toysnap::testing::CliFixture;

// `form` is an expression kept at the top level; main() forces full GCs, then
// prints what the restored value is.
std::string ProgramKeeping(const std::string& form) {
  return absl::StrCat(
      "import { Buffer } from 'node:buffer';\n"
      "import v8 from 'node:v8';\n"
      "import vm from 'node:vm';\n"
      "function detach(b) { structuredClone(b, { transfer: [b] }); return b; }\n"
      "export const kept = ", form, ";\n",
      "export function main() {\n"
      "  v8.setFlagsFromString('--expose-gc');\n"
      "  const gc = vm.runInNewContext('gc');\n"
      "  for (let round = 0; round < 3; round++) {\n"
      "    const garbage = [];\n"
      "    for (let i = 0; i < 10000; i++) garbage.push({ i, b: new ArrayBuffer(i % 2) });\n"
      "    gc();\n"
      "  }\n"
      "  const buffer = ArrayBuffer.isView(kept) ? kept.buffer : kept;\n"
      "  console.log(kept.constructor.name, kept.byteLength, buffer.byteLength);\n"
      "}\n");
}

TEST_F(SnapshotBuffersTest, EveryEmptyOrDetachedFormRestoresAndSurvivesFullGc) {
  const std::vector<std::pair<std::string, std::string>> forms = {
      {"new ArrayBuffer(0)", "ArrayBuffer 0 0"},
      {"new Uint8Array(0)", "Uint8Array 0 0"},
      {"new Uint8Array(0).buffer", "ArrayBuffer 0 0"},
      {"Buffer.alloc(0)", "Buffer 0 0"},
      {"Buffer.from('')", "Buffer 0 0"},
      {"new TextEncoder().encode('')", "Uint8Array 0 0"},
      {"new TextEncoder().encode('').buffer", "ArrayBuffer 0 0"},
      {"new ArrayBuffer(8).slice(4, 4)", "ArrayBuffer 0 0"},
      {"detach(new ArrayBuffer(8))", "ArrayBuffer 0 0"},
      {"detach(new ArrayBuffer(0))", "ArrayBuffer 0 0"},
      {"new DataView(new ArrayBuffer(0))", "DataView 0 0"},
      {"new Uint8Array(new ArrayBuffer(16), 16, 0)", "Uint8Array 0 16"},
      {"new DataView(new ArrayBuffer(16), 8, 0)", "DataView 0 16"},
      {"structuredClone(new ArrayBuffer(0))", "ArrayBuffer 0 0"},
      {"v8.deserialize(v8.serialize(new Uint8Array(0)))", "Uint8Array 0 5"},
      {"new ArrayBuffer(0, { maxByteLength: 16 })", "ArrayBuffer 0 0"},
      {"await new Blob([]).arrayBuffer()", "ArrayBuffer 0 0"},
  };
  int index = 0;
  for (const auto& [form, expected] : forms) {
    SCOPED_TRACE(form);
    std::string name = absl::StrCat("form", index++);
    std::string entry = Write(name + ".mjs", ProgramKeeping(form));
    std::string snap = Build(entry, name + ".snap");
    ProcessResult run = Toysnap({"run", snap});
    EXPECT_EQ(run.signal, 0);
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.out, expected + "\n");
    EXPECT_EQ(run.err, "");
  }
}

TEST_F(SnapshotBuffersTest, WorkersRestoredFromTheSnapshotSurviveFullGc) {
  std::string entry = Write(
      "worker.mjs",
      "import v8 from 'node:v8';\n"
      "import { Worker } from 'node:worker_threads';\n"
      "export const kept = [new ArrayBuffer(0), new Uint8Array(0).buffer];\n"
      "export function main() {\n"
      "  v8.setFlagsFromString('--expose-gc');\n"
      "  const code = `const gc = require('node:vm').runInNewContext('gc');\n"
      "    for (let r = 0; r < 3; r++) { const g = [];\n"
      "      for (let i = 0; i < 10000; i++) g.push({ i }); gc(); }\n"
      "    require('node:worker_threads').parentPort.postMessage(new ArrayBuffer(0));`;\n"
      "  const worker = new Worker(code, { eval: true });\n"
      "  worker.on('message', (m) => console.log('message', m.byteLength));\n"
      "  worker.on('exit', (code) => console.log('exit', code, kept.length));\n"
      "}\n");
  std::string snap = Build(entry, "worker.snap");
  ProcessResult run = Toysnap({"run", snap});
  EXPECT_EQ(run.signal, 0);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "message 0\nexit 0 2\n");
}

// The repaired snapshot is what a fixed V8 writes: buffers without memory and
// without extension. Their later use makes V8 attach memory as usual.
TEST_F(SnapshotBuffersTest, RestoredEmptyBuffersStillWorkAsBuffers) {
  std::string entry = Write(
      "use.mjs",
      "export const empty = new ArrayBuffer(0);\n"
      "export const view = new Uint8Array(0);\n"
      "export function main() {\n"
      "  const moved = structuredClone(empty, { transfer: [empty] });\n"
      "  console.log(moved.byteLength, empty.byteLength, new Uint8Array(moved).length);\n"
      "  console.log(Buffer.concat([Buffer.from(view.buffer), Buffer.from('ok')]).toString());\n"
      "  console.log(new TextDecoder().decode(view), view.buffer.slice(0).byteLength);\n"
      "}\n");
  std::string snap = Build(entry, "use.snap");
  ProcessResult run = Toysnap({"run", snap});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "0 0 0\nok\n 0\n");
}

// The stale pointer also made two builds of such a program differ; cleared,
// they write the same bytes.
TEST_F(SnapshotBuffersTest, BuildsKeepingEmptyBuffersAreReproducible) {
  std::string entry = Write("same.mjs",
                            "export const kept = [new ArrayBuffer(0), Buffer.alloc(0)];\n"
                            "export function main() { console.log(kept.length); }\n");
  std::string first = Build(entry, "first.snap");
  ProcessResult again = Toysnap({"build", entry, "-o", Path("second.snap"), "--quiet", "--force"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(toysnap::testing::ReadTextFile(first),
            toysnap::testing::ReadTextFile(Path("second.snap")));
}

}  // namespace
}  // namespace toysnap
