// fs.watch and fs.promises.watch with { recursive: true } against the pinned
// Node (tests/node_parity/fswatch/), from source and from a snapshot: on
// Linux both walk the tree with one inotify watcher per file and directory,
// so the events each change brings are compared in order. Also the build
// that refuses a watcher left open, and small fs gaps Node's tests showed.
#include <sys/stat.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/node_parity.h"
#include "tests/process_runner.h"

namespace toysnap {
namespace {

using ::testing::HasSubstr;
using toysnap::testing::ExpectSameAsNode;
using toysnap::testing::MakeTempDir;
using toysnap::testing::NodeBinary;
using toysnap::testing::ProcessResult;
using toysnap::testing::ReadTextFile;
using toysnap::testing::RunProcess;
using toysnap::testing::Runfile;
using toysnap::testing::WriteTextFile;

TEST(NodeParityFsWatchTest, ArgumentsErrorsAndTheWatchersShape) {
  ExpectSameAsNode(Runfile("tests/node_parity/fswatch/options.mjs"), {});
}

TEST(NodeParityFsWatchTest, EventsOfEachChangeUnderTheRootInOrder) {
  ExpectSameAsNode(Runfile("tests/node_parity/fswatch/events.mjs"), {});
}

TEST(NodeParityFsWatchTest, PromisesWatchRecursiveAndNot) {
  ExpectSameAsNode(Runfile("tests/node_parity/fswatch/promises.mjs"), {});
}

TEST(NodeParityFsWatchTest, ListenerSignalsErrorsAndPersistence) {
  ExpectSameAsNode(Runfile("tests/node_parity/fswatch/lifecycle.mjs"), {});
}

TEST(NodeParityFsWatchTest, FailedStartsOutliveTheirObjects) {
  ExpectSameAsNode(Runfile("tests/node_parity/fswatch/failed_starts.mjs"), {});
}

// With --allow-fs-read for one directory only: Node 20's recursive watcher
// swallows the denial of its root's stat, the others report it.
TEST(NodeParityFsWatchTest, PermissionDenialsAsNodeReportsThem) {
  std::string dir = MakeTempDir();
  std::string allowed = dir + "/allowed";
  std::string denied = dir + "/denied";
  std::string app = dir + "/app";
  for (const std::string& made : {allowed, allowed + "/sub", denied, app}) {
    ASSERT_EQ(mkdir(made.c_str(), 0755), 0) << made;
  }
  // A copy, not the runfile: Node resolves the runfile's symlinks, outside the grants.
  std::string entry = app + "/main.mjs";
  WriteTextFile(entry, ReadTextFile(Runfile("tests/node_parity/fswatch/permissions.mjs")));
  std::vector<std::string> grants = {"--allow-fs-read=" + app, "--allow-fs-read=" + allowed,
                                     "--allow-fs-write=" + allowed};
  std::vector<std::string> node_flags = {"--experimental-permission"};
  std::vector<std::string> toysnap_flags = {"--permission"};
  node_flags.insert(node_flags.end(), grants.begin(), grants.end());
  toysnap_flags.insert(toysnap_flags.end(), grants.begin(), grants.end());
  ExpectSameAsNode(entry, {allowed, denied}, node_flags, toysnap_flags);
}

// A watcher cannot enter a snapshot: one left open at build time does not keep
// the build waiting; the build fails naming it (a recursive one once, for all
// its handles) and where it was made. One closed at build time is fine.
TEST(NodeParityFsWatchTest, BuildRefusesAWatcherLeftOpen) {
  std::string dir = MakeTempDir();
  std::string watched = dir + "/watched";
  ASSERT_EQ(mkdir(watched.c_str(), 0755), 0);
  ASSERT_EQ(mkdir((watched + "/a").c_str(), 0755), 0);
  ASSERT_EQ(mkdir((watched + "/a/b").c_str(), 0755), 0);
  WriteTextFile(watched + "/a/b/file.txt", "x");
  std::string toysnap = Runfile("tools/toysnap");

  std::string open = dir + "/open.mjs";
  WriteTextFile(open, absl::StrCat("import fs from 'node:fs';\n",
                                   "const tree = fs.watch('", watched,
                                   "', { recursive: true });\n",
                                   "const one = fs.watch('", watched, "');\n",
                                   "export function main() {}\n"));
  ProcessResult refused = RunProcess({toysnap, "build", open, "-o", dir + "/open.snap"}, dir);
  EXPECT_EQ(refused.exit_code, 1) << refused.err;
  EXPECT_THAT(refused.err, HasSubstr(absl::StrCat(
                               "  fs.FSWatcher (fs.watch, recursive) created at file://", open,
                               ":2:17\n  fs.FSWatcher (fs.watch) created at file://", open,
                               ":3:16\nclear intervals")));

  std::string closed = dir + "/closed.mjs";
  WriteTextFile(closed, absl::StrCat("import fs from 'node:fs';\n",
                                     "const tree = fs.watch('", watched,
                                     "', { recursive: true });\n", "tree.close();\n",
                                     "export function main() { console.log('restored'); }\n"));
  ProcessResult built = RunProcess({toysnap, "build", closed, "-o", dir + "/closed.snap"}, dir);
  ASSERT_EQ(built.exit_code, 0) << built.err;
  ProcessResult run = RunProcess({toysnap, "run", dir + "/closed.snap"}, dir);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "restored\n");
}

// Small fs gaps Node's own tests showed (tests/node_parity/fswatch/fs_gaps.mjs).
TEST(NodeParityFsWatchTest, FsGapsStreamsOpenPromisifyWriteFileSignalsAndFlush) {
  ExpectSameAsNode(Runfile("tests/node_parity/fswatch/fs_gaps.mjs"), {});
}

// As Node, toysnap ignores SIGXFSZ: a write past `ulimit -f` fails with EFBIG,
// an uncaught error (exit code 1), instead of the signal killing the process;
// both print the same first line for it.
TEST(NodeParityFsWatchTest, WritesPastTheFileSizeLimitFailWithEfbig) {
  std::string dir = MakeTempDir();
  std::string entry = dir + "/big.mjs";
  WriteTextFile(entry, absl::StrCat("import fs from 'node:fs';\n",
                                    "export function main() {\n",
                                    "  fs.writeFileSync('", dir,
                                    "/big.txt', '.'.repeat(1 << 16));\n",
                                    "}\n"));
  std::string runner = dir + "/runner.mjs";
  WriteTextFile(runner, "import('./big.mjs').then((m) => m.main());\n");
  const std::string limited = R"(ulimit -f 1 && exec "$0" "$@")";
  ProcessResult toysnap =
      RunProcess({"/bin/sh", "-c", limited, Runfile("tools/toysnap"), "run", entry}, dir);
  ProcessResult node = RunProcess({"/bin/sh", "-c", limited, NodeBinary(), runner}, dir);
  for (const ProcessResult* result : {&toysnap, &node}) {
    EXPECT_EQ(result->signal, 0) << result->err;
    EXPECT_EQ(result->exit_code, 1) << result->err;
    EXPECT_THAT(result->err, HasSubstr("Error: EFBIG: file too large, write"));
  }
}

}  // namespace
}  // namespace toysnap
