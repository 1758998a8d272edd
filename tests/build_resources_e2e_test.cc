// End-to-end: work a build cannot put in a snapshot. An interval, a worker, a
// child process, an open file or a top-level await still pending when the
// build drains its loop is a build error that names it and where it was made;
// work that finished at build time leaves its results in the heap.
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/cli_fixture.h"
#include "tests/process_runner.h"

namespace toysnap {
namespace {

using ::testing::HasSubstr;
using toysnap::testing::ExpectRefused;
using toysnap::testing::FileExists;
using toysnap::testing::ProcessResult;

using CliTest = toysnap::testing::CliFixture;

TEST_F(CliTest, PendingIntervalsAtBuildTimeAreNamed) {
  Write("interval.js", "setInterval(() => {}, 1000);\nexport function main() {}\n");
  ProcessResult build = Toysnap({"build", Path("interval.js"), "-o", Path("x.snap")});
  ExpectRefused(build, "setInterval(…, 1000) created at");
  EXPECT_THAT(build.err, HasSubstr("interval.js:1:1"));
  EXPECT_FALSE(FileExists(Path("x.snap")));
}

// Issue #13: a Worker is a live resource at build time. One the program let
// go of (unref) while it still runs, and MessagePorts left open, fail the
// build naming where they were made; a worker that finished at build time,
// whose answer the module awaited, leaves its result in the snapshot.
TEST_F(CliTest, WorkersAndPortsAtBuildTimeAreNamedUnlessTheyEnded) {
  Write("running.js", R"(import { Worker } from 'node:worker_threads';
new Worker('setInterval(() => {}, 1000)', { eval: true }).unref();
const { port1 } = new MessageChannel();
export function main() {})");
  ProcessResult build = Toysnap({"build", Path("running.js"), "-o", Path("x.snap")});
  ExpectRefused(build, "work is still pending or open at build time");
  EXPECT_THAT(build.err, HasSubstr("Worker created at file://"));
  EXPECT_THAT(build.err, HasSubstr("running.js:2:1"));
  EXPECT_THAT(build.err, HasSubstr("MessagePort created at file://"));
  EXPECT_FALSE(FileExists(Path("x.snap")));

  Write("ended.js", R"(import { Worker } from 'node:worker_threads';
const w = new Worker('require("worker_threads").parentPort.postMessage(6 * 7)', { eval: true });
const answer = await new Promise((resolve) => w.once('message', resolve));
await new Promise((resolve) => w.once('exit', resolve));
export function main() { console.log('answer', answer); })");
  std::string snap = Build(Path("ended.js"), "ended.snap");
  ProcessResult run = Toysnap({"run", snap});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "answer 42\n");
}

// Issue #13: a child process still running when the build drains the loop
// (unref()ed, so the loop does not wait for it) cannot enter a snapshot: the
// build fails naming it and the spawn call's file:line:col. One that exited
// at build time is fine, and its output reached the snapshot's heap.
TEST_F(CliTest, ChildProcessesRunningAtBuildTimeAreNamed) {
  Write("child.js", R"(import cp from 'node:child_process';
const sleeper = cp.spawn('sleep', ['5'], { stdio: 'ignore' });
sleeper.unref();
export function main() {})");
  ProcessResult build = Toysnap({"build", Path("child.js"), "-o", Path("x.snap")});
  ExpectRefused(build, "work is still pending or open at build time");
  EXPECT_THAT(build.err, HasSubstr("child process 'sleep' created at file://"));
  EXPECT_THAT(build.err, HasSubstr("child.js:2:20"));
  EXPECT_FALSE(FileExists(Path("x.snap")));

  Write("exited.js", R"(import cp from 'node:child_process';
const atBuild = cp.execSync('echo built', { encoding: 'utf8' }).trim();
let code;
cp.spawn('sh', ['-c', 'exit 3'], { stdio: 'ignore' }).on('exit', (c) => { code = c; });
export function main() {
  console.log(atBuild, code, cp.spawnSync('echo', ['ran'], { encoding: 'utf8' }).stdout.trim());
})");
  ProcessResult ok = Toysnap({"build", Path("exited.js"), "-o", Path("ok.snap")});
  ASSERT_EQ(ok.exit_code, 0) << ok.err;
  ProcessResult run = Toysnap({"run", Path("ok.snap")});
  EXPECT_EQ(run.out, "built 3 ran\n");
  EXPECT_EQ(run.exit_code, 0) << run.err;
}

// Issue #13: a descriptor or FileHandle still open when the build drains the
// loop cannot enter a snapshot. The build fails naming each one, the file it
// opened and the file:line:col that opened it, and says to open it in main();
// what was closed is not listed. Closed at build time or opened in main(),
// files work, from the snapshot and from source alike.
TEST_F(CliTest, FilesLeftOpenAtBuildTimeAreNamed) {
  Write("data.txt", "payload\n");
  Write("open.js", R"(import fs from 'node:fs';
import fsp from 'node:fs/promises';
const fd = fs.openSync(new URL('./data.txt', import.meta.url));
const handle = await fsp.open(new URL('./data.txt', import.meta.url));
fs.closeSync(fs.openSync(new URL('./data.txt', import.meta.url)));
export function main() {})");
  ProcessResult build = Toysnap({"build", Path("open.js"), "-o", Path("x.snap")});
  ExpectRefused(build, "work is still pending or open at build time");
  EXPECT_THAT(build.err, HasSubstr("data.txt') created at file://"));
  EXPECT_THAT(build.err, AllOf(HasSubstr("file descriptor "), HasSubstr("open.js:3:15")));
  EXPECT_THAT(build.err, AllOf(HasSubstr("FileHandle "), HasSubstr("open.js:4:26")));
  EXPECT_THAT(build.err, HasSubstr("close files before the entry module finishes, or create them in main()"));
  size_t listed = 0;
  for (size_t at = build.err.find("created at"); at != std::string::npos;
       at = build.err.find("created at", at + 1)) {
    ++listed;
  }
  EXPECT_EQ(listed, 2u) << build.err;
  EXPECT_FALSE(FileExists(Path("x.snap")));

  Write("closed.js", R"(import fs from 'node:fs';
import fsp from 'node:fs/promises';
const url = new URL('./data.txt', import.meta.url);
const handle = await fsp.open(url);
const atBuild = (await handle.readFile('utf8')).trim();
await handle.close();
export async function main() {
  const fd = fs.openSync(url);
  const later = await fsp.open(url);
  console.log(atBuild, fs.readFileSync(fd, 'utf8').trim(), (await later.stat()).size);
})");
  std::string snap = Build(Path("closed.js"));
  for (const std::string& program : {snap, Path("closed.js")}) {
    ProcessResult run = Toysnap({"run", program});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.out, "payload payload 8\n");
  }
}

TEST_F(CliTest, AwaitThatCanNeverFinishIsABuildErrorNamingTheModule) {
  Write("stuck.js", R"(// The only timer that could settle it is cancelled.
await new Promise((resolve) => clearTimeout(setTimeout(resolve, 50)));
export function main() {})");
  ProcessResult build = Toysnap({"build", Path("stuck.js"), "-o", Path("x.snap")});
  ExpectRefused(build, "top-level await in " + Path("stuck.js") + " never finished");
  EXPECT_FALSE(FileExists(Path("x.snap")));
}

}  // namespace
}  // namespace toysnap
