// Big module sources outside the snapshot heap (external_sources.h): a build
// moves them into slots, the snapshot refers to them by index, and a restored
// runtime (and a worker restored from it) lazily compiles, prints and reports
// errors from them exactly as a fresh runtime does.
#include "runtime/external_sources.h"

#include <stdlib.h>

#include <fstream>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "runtime/in_memory_snapshot.h"
#include "runtime/runtime.h"
#include "runtime/test_eval.h"
#include "runtime/v8_test_environment.h"

namespace toysnap {
namespace {

const auto* const kV8 = RegisterV8TestEnvironment();

RuntimeOptions Granted() {
  RuntimeOptions options = QuietRuntimeOptions();
  options.permissions = Permissions::All();
  return options;
}

// A library of small functions, `filler` bytes of comments (so that the text,
// not its functions, is what the heap would hold), one function the build
// never calls, and one that throws from line 3 of its body; `text` goes into a
// string literal (to make it Latin-1 or two-byte). `exports` ends it.
std::string Library(size_t filler, const std::string& text, const std::string& exports) {
  std::string source = "'use strict';\n";
  for (int i = 0; i < 10; ++i) {
    absl::StrAppend(&source, "function f", i, "(a) { return a + ", i, "; }\n");
  }
  while (source.size() < filler) {
    absl::StrAppend(&source, "// ", std::string(76, 'x'), "\n");
  }
  absl::StrAppend(&source, "function neverCalled(x) { return '", text, ":' + x; }\n",
                  "function thrower() {\n  const n = 1;\n  throw new Error('boom ' + n);\n}\n",
                  exports, "\n");
  return source;
}

// What the restored (or fresh) heap says about `lib`: a lazy compile, toString,
// and the top frame of an error thrown after restore.
constexpr char kProbe[] = R"JS(
  [lib.neverCalled(7), lib.neverCalled.toString(), lib.f3(1),
   (() => { try { lib.thrower(); } catch (e) { return e.stack.split('\n').slice(0, 2).join(' / '); } })()
  ].join(' | '))JS";

absl::StatusOr<std::string> ProbeFresh(const RuntimeOptions& options, const std::string& path,
                                       const std::string& source) {
  ASSIGN_OR_RETURN(std::unique_ptr<Runtime> runtime, Runtime::Create(TestV8(), options));
  ASSIGN_OR_RETURN(std::string url, runtime->LoadMainModule(path, source));
  RETURN_IF_ERROR(runtime->EvaluateModule(url));
  return EvalToString(*runtime, kProbe);
}

size_t TotalSize(const InMemorySnapshot& snapshot) {
  size_t total = 0;
  for (const SharedBytes& source : snapshot.metadata.sources) total += source.size();
  return total;
}

TEST(ExternalSourcesTest, ABigModuleSourceLeavesTheHeapAndStillWorksRestored) {
  const std::string path = "/external_sources_test/big.mjs";
  const std::string source =
      Library(300 << 10, "lazy", "globalThis.lib = { neverCalled, thrower, f3 };");
  absl::StatusOr<InMemorySnapshot> snapshot =
      BuildInMemorySnapshotOfModule(TestV8(), QuietRuntimeOptions(), path, source);
  ASSERT_TRUE(snapshot.ok()) << snapshot.status();
  ASSERT_EQ(snapshot->metadata.sources.size(), 1u);
  EXPECT_TRUE(snapshot->metadata.sources[0].view() == source);
  // The heap holds no copy of it (a hello heap alone is ~1 MB).
  absl::StatusOr<InMemorySnapshot> small = BuildInMemorySnapshotOfModule(
      TestV8(), QuietRuntimeOptions(), path, "globalThis.lib = 1;");
  ASSERT_TRUE(small.ok()) << small.status();
  EXPECT_TRUE(small->metadata.sources.empty());
  EXPECT_LT(snapshot->blob->size(), small->blob->size() + source.size() / 2);

  absl::StatusOr<std::string> fresh = ProbeFresh(QuietRuntimeOptions(), path, source);
  ASSERT_TRUE(fresh.ok()) << fresh.status();
  EXPECT_NE(fresh->find("lazy:7 | function neverCalled(x) { return 'lazy:' + x; } | 4"),
            std::string::npos)
      << *fresh;
  EXPECT_NE(fresh->find("Error: boom 1 /     at Object.thrower (file:///external_sources_test/"
                        "big.mjs:"),
            std::string::npos)
      << *fresh;
  // Two restores from one snapshot, each with its own slots over the same bytes.
  for (int i = 0; i < 2; ++i) {
    absl::StatusOr<std::unique_ptr<Runtime>> restored = Runtime::CreateFromSnapshot(
        TestV8(), snapshot->blob, snapshot->metadata, QuietRuntimeOptions());
    ASSERT_TRUE(restored.ok()) << restored.status();
    EXPECT_EQ(EvalToString(**restored, kProbe).value_or("?"), *fresh);
  }
}

TEST(ExternalSourcesTest, SmallAndTwoByteSourcesStayInTheHeapLatinOneLeaves) {
  const std::string path = "/external_sources_test/text.mjs";
  const std::string exports = "globalThis.lib = { neverCalled, thrower, f3 };";
  struct Case {
    std::string source;
    size_t external;
  } cases[] = {
      {Library(30 << 10, "small", exports), 0},
      {Library(100 << 10, "caf\xc3\xa9", exports), 1},       // é: Latin-1
      {Library(100 << 10, "\xe2\x82\xac\xf0\x9f\x98\x80", exports), 0},  // € and an emoji
  };
  for (const Case& c : cases) {
    absl::StatusOr<InMemorySnapshot> snapshot =
        BuildInMemorySnapshotOfModule(TestV8(), QuietRuntimeOptions(), path, c.source);
    ASSERT_TRUE(snapshot.ok()) << snapshot.status();
    EXPECT_EQ(snapshot->metadata.sources.size(), c.external);
    absl::StatusOr<std::string> fresh = ProbeFresh(QuietRuntimeOptions(), path, c.source);
    ASSERT_TRUE(fresh.ok()) << fresh.status();
    absl::StatusOr<std::unique_ptr<Runtime>> restored = Runtime::CreateFromSnapshot(
        TestV8(), snapshot->blob, snapshot->metadata, QuietRuntimeOptions());
    ASSERT_TRUE(restored.ok()) << restored.status();
    EXPECT_EQ(EvalToString(**restored, kProbe).value_or("?"), *fresh);
  }
}

class ExternalSourcesFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* tmp = getenv("TEST_TMPDIR");
    std::string pattern = std::string(tmp != nullptr ? tmp : "/tmp") + "/external_sources-XXXXXX";
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  std::string Write(const std::string& name, const std::string& text) {
    std::string path = dir_ + "/" + name;
    std::ofstream(path) << text;
    return path;
  }
  std::string dir_;
};

// The CommonJS loader's source (read by natives.readFile, compiled by
// compileCjs) is the one kept: a `.js` file outside any package is first
// compiled as a probe for module syntax, which must not take a slot.
TEST_F(ExternalSourcesFileTest, ACommonJsSourceTakesOneSlotAndAWorkerReadsItToo) {
  const std::string library =
      Library(200 << 10, "cjs", "module.exports = { neverCalled, thrower, f3 };");
  Write("lib.js", library);
  const std::string main_path = dir_ + "/main.mjs";
  const std::string main = R"JS(
    import lib from './lib.js';
    import * as wt from 'node:worker_threads';
    globalThis.lib = lib;
    globalThis.wt = wt;
  )JS";
  absl::StatusOr<InMemorySnapshot> snapshot =
      BuildInMemorySnapshotOfModule(TestV8(), Granted(), main_path, main);
  ASSERT_TRUE(snapshot.ok()) << snapshot.status();
  ASSERT_EQ(snapshot->metadata.sources.size(), 1u);
  EXPECT_TRUE(snapshot->metadata.sources[0].view() == library);
  EXPECT_EQ(TotalSize(*snapshot), library.size());

  absl::StatusOr<std::string> fresh = ProbeFresh(Granted(), main_path, main);
  ASSERT_TRUE(fresh.ok()) << fresh.status();
  EXPECT_NE(fresh->find("cjs:7 | function neverCalled(x) { return 'cjs:' + x; } | 4 | "
                        "Error: boom 1 /     at Object.thrower ("),
            std::string::npos)
      << *fresh;
  absl::StatusOr<std::unique_ptr<Runtime>> restored =
      Runtime::CreateFromSnapshot(TestV8(), snapshot->blob, snapshot->metadata, Granted());
  ASSERT_TRUE(restored.ok()) << restored.status();
  EXPECT_EQ(EvalToString(**restored, kProbe).value_or("?"), *fresh);
  // A worker restored from the parent's snapshot has its own slots over the
  // parent's bytes; the parent's runtime goes first, the worker's after.
  EXPECT_EQ(AwaitOrError(**restored, R"JS(new Promise((resolve) => {
      const w = new wt.Worker(`
        const { parentPort } = require('worker_threads');
        parentPort.postMessage(typeof lib === 'object' ? lib.neverCalled.toString() : 'fresh');`,
        { eval: true });
      w.on('message', resolve);
    }))JS"),
            "function neverCalled(x) { return 'cjs:' + x; }");
}

TEST(ExternalSourcesTest, ARestoreRefusesMoreSourcesThanSlots) {
  std::vector<SharedBytes> sources(kSourceSlotCount + 1, SharedBytes(std::string("x")));
  absl::StatusOr<std::unique_ptr<ExternalSources>> table = ExternalSources::ForRestore(sources);
  EXPECT_TRUE(absl::IsFailedPrecondition(table.status())) << table.status();
  sources.pop_back();
  table = ExternalSources::ForRestore(sources);
  ASSERT_TRUE(table.ok()) << table.status();
  // Every entry of the table is distinct for the slots in use, and never 0.
  for (intptr_t address : (*table)->addresses()) EXPECT_NE(address, 0);
  EXPECT_EQ((*table)->Filled().size(), kSourceSlotCount);
}

}  // namespace
}  // namespace toysnap
