// The child_process extension inside a Runtime, fresh and restored from a
// snapshot whose heap already holds the module: spawnSync's results and
// errors, the permission check on both forms, async children exiting and
// being killed through the loop, a running child as a live resource, and a
// runtime destroyed while its child still runs (ASan checks the handle is
// freed). RunSync is also tested alone, without V8.
#include <memory>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "runtime/in_memory_snapshot.h"
#include "runtime/node/child_process_sync.h"
#include "runtime/runtime.h"
#include "runtime/test_eval.h"
#include "runtime/v8_test_environment.h"
#include "v8-primitive.h"

namespace toysnap {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

const auto* const kV8 = RegisterV8TestEnvironment();

constexpr char kMain[] = "/child_process_test/main.mjs";
constexpr char kModule[] = R"(import cp from 'node:child_process';
globalThis.cp = cp;
)";

using Mode = RuntimeMode;

RuntimeOptions WithPermissions(Permissions permissions) {
  RuntimeOptions options;
  options.console = false;
  options.permissions = std::move(permissions);
  return options;
}

class ChildProcessTest : public ::testing::TestWithParam<Mode> {
 protected:
  std::unique_ptr<Runtime> Make(const RuntimeOptions& options = WithPermissions(Permissions::All())) {
    return RuntimeWithModuleOrFail(GetParam(), options, kMain, kModule);
  }

  // `source`'s value once settled, as text, or "error: ..." for a failure.
  static std::string Await(Runtime& runtime, const std::string& source) {
    return AwaitOrError(runtime, source);
  }
};

TEST_P(ChildProcessTest, SpawnSyncGivesOutputStatusAndSignal) {
  std::unique_ptr<Runtime> runtime = Make();
  ASSERT_NE(runtime, nullptr);
  EXPECT_EQ(Await(*runtime, R"((() => {
    const echo = cp.spawnSync('/bin/echo', ['a', 'b'], { encoding: 'utf8' });
    const cat = cp.spawnSync('cat', { input: 'fed' });
    const failed = cp.spawnSync('sh', ['-c', 'echo oops >&2; exit 3']);
    const killed = cp.spawnSync('sh', ['-c', 'kill -TERM $$']);
    return [JSON.stringify(echo.stdout), echo.status, cat.stdout.toString(), failed.status,
            failed.stderr.toString().trim(), killed.status, killed.signal].join('|');
  })())"),
            "\"a b\\n\"|0|fed|3|oops||SIGTERM");
}

TEST_P(ChildProcessTest, SpawnSyncErrorsAreNodes) {
  std::unique_ptr<Runtime> runtime = Make();
  ASSERT_NE(runtime, nullptr);
  EXPECT_EQ(Await(*runtime, R"((() => {
    const missing = cp.spawnSync('no-such-program-here', ['x']);
    const e = missing.error;
    const slow = cp.spawnSync('sleep', ['5'], { timeout: 50 });
    const big = cp.spawnSync('sh', ['-c', 'echo 0123456789'], { maxBuffer: 4 });
    let thrown;
    try { cp.execSync('exit 2', { stdio: 'pipe' }); } catch (error) { thrown = error; }
    return [e.message, e.code, e.errno, e.syscall, e.path, e.spawnargs.join(), missing.pid,
            slow.error.code, slow.signal, big.error.code, thrown.message, thrown.status].join('|');
  })())"),
            "spawnSync no-such-program-here ENOENT|ENOENT|-2|spawnSync no-such-program-here|"
            "no-such-program-here|x|0|ETIMEDOUT|SIGTERM|ENOBUFS|Command failed: exit 2|2");
}

TEST_P(ChildProcessTest, EverySpawnNeedsTheChildProcessPermission) {
  Permissions reads;
  reads.AllowFsRead("*");
  std::unique_ptr<Runtime> runtime = Make(WithPermissions(reads));
  ASSERT_NE(runtime, nullptr);
  EXPECT_EQ(Await(*runtime, R"((() => {
    const seen = [];
    for (const run of [() => cp.spawnSync('true'), () => cp.execSync('true'),
                       () => cp.spawn('true', { stdio: 'ignore' }), () => cp.spawn('true')]) {
      try { run(); seen.push('ran'); } catch (e) {
        seen.push(`${e.code} ${e.permission} '${e.resource}'`);
      }
    }
    return seen.join('|');
  })())"),
            "ERR_ACCESS_DENIED ChildProcess ''|ERR_ACCESS_DENIED ChildProcess ''|"
            "ERR_ACCESS_DENIED ChildProcess ''|ERR_ACCESS_DENIED ChildProcess ''");
  // The pipes made for the denied spawn were closed again.
  EXPECT_TRUE(runtime->RunEventLoop().ok());
  EXPECT_THAT(runtime->DescribePendingWork(), ::testing::IsEmpty());
}

TEST_P(ChildProcessTest, PipesCarryInputAndOutput) {
  std::unique_ptr<Runtime> runtime = Make();
  ASSERT_NE(runtime, nullptr);
  EXPECT_EQ(Await(*runtime, R"((async () => {
    const child = cp.spawn('sh', ['-c', 'tr a-z A-Z; echo done >&2']);
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => { out += chunk; });
    child.stderr.on('data', (chunk) => { err += chunk; });
    child.stdin.end('piped text');
    const code = await new Promise((resolve) => child.on('close', resolve));
    const exec = await new Promise((resolve) =>
      cp.exec('echo via exec', (error, stdout) => resolve(`${error}:${stdout.trim()}`)));
    return [code, out, err.trim(), exec].join('|');
  })())"),
            "0|PIPED TEXT|done|null:via exec");
}

TEST_P(ChildProcessTest, DestroyedWithAPipedChildRunning) {
  std::unique_ptr<Runtime> runtime = Make();
  ASSERT_NE(runtime, nullptr);
  ASSERT_TRUE(runtime->ExecuteScript("spawn.js", R"(
    globalThis.sleeper = cp.spawn('sleep', ['10']);
    sleeper.stdout.on('data', () => {});
  )").ok());
  EXPECT_EQ(runtime->DescribePendingWork().size(), 4u);  // the child and its three pipes
  // The runtime goes with the child, its pipes and sockets open: all freed.
}

TEST_P(ChildProcessTest, AsyncChildrenExitAndAreKilledThroughTheLoop) {
  std::unique_ptr<Runtime> runtime = Make();
  ASSERT_NE(runtime, nullptr);
  EXPECT_EQ(Await(*runtime, R"((async () => {
    const events = [];
    const ended = (child) => new Promise((resolve) => child.on('close', resolve));
    const one = cp.spawn('sh', ['-c', 'exit 5'], { stdio: 'ignore' });
    one.on('spawn', () => events.push('spawn'));
    one.on('exit', (code, signal) => events.push(`exit ${code} ${signal}`));
    await ended(one);
    const sleeper = cp.spawn('sleep', ['10'], { stdio: 'ignore' });
    sleeper.on('exit', (code, signal) => events.push(`killed ${code} ${signal} ${sleeper.killed}`));
    events.push(`kill ${sleeper.kill()}`);
    await ended(sleeper);
    const missing = cp.spawn('no-such-program-here', { stdio: 'ignore' });
    missing.on('error', (e) => events.push(e.message));
    events.push(`close ${await ended(missing)}`);
    return events.join('|');
  })())"),
            "spawn|exit 5 null|kill true|killed null SIGTERM true|spawn no-such-program-here ENOENT|"
            "close -2");
}

TEST_P(ChildProcessTest, ARunningChildIsALiveResourceUntilItExits) {
  std::unique_ptr<Runtime> runtime = Make();
  ASSERT_NE(runtime, nullptr);
  ASSERT_TRUE(runtime->ExecuteScript("spawn.js", R"(
    globalThis.sleeper = cp.spawn('sleep', ['10'], { stdio: 'ignore' });
    sleeper.unref();
  )").ok());
  std::vector<std::string> pending = runtime->DescribePendingWork();
  ASSERT_EQ(pending.size(), 1u);
  EXPECT_THAT(pending[0], HasSubstr("child process 'sleep' created at spawn.js:2:"));
  EXPECT_TRUE(runtime->RunEventLoop().ok());  // unref'd: does not wait for it
  // Destroyed with the child still running: the handle is closed and freed.
}

// A child that ran at build time leaves a closed Process in the heap; it is
// restored as one with no child (kill() gives ESRCH), not as a broken object.
TEST(ChildProcessSnapshotTest, AProcessFromTheBuildComesBackWithNoChild) {
  RuntimeOptions options = WithPermissions(Permissions::All());
  absl::StatusOr<InMemorySnapshot> snapshot = BuildInMemorySnapshotOfModule(
      TestV8(), options, kMain, R"(import cp from 'node:child_process';
const child = cp.spawn('sh', ['-c', 'exit 6'], { stdio: 'ignore' });
globalThis.handle = child._handle;
globalThis.code = await new Promise((resolve) => child.on('close', resolve));
globalThis.cp = cp;
)");
  ASSERT_TRUE(snapshot.ok()) << snapshot.status();
  absl::StatusOr<std::unique_ptr<Runtime>> runtime =
      Runtime::CreateFromSnapshot(TestV8(), snapshot->blob, snapshot->metadata, options);
  ASSERT_TRUE(runtime.ok()) << runtime.status();
  absl::StatusOr<v8::Global<v8::Value>> value = (*runtime)->ExecuteScript("check.js", R"(
    [code, handle.kill(9), cp.spawnSync('echo', ['after'], { encoding: 'utf8' }).stdout.trim()].join('|')
  )");
  ASSERT_TRUE(value.ok()) << value.status();
  v8::Isolate::Scope isolate_scope((*runtime)->isolate());
  v8::HandleScope scope((*runtime)->isolate());
  v8::Context::Scope context_scope((*runtime)->context());
  v8::String::Utf8Value text((*runtime)->isolate(), value->Get((*runtime)->isolate()));
  EXPECT_STREQ(*text, "6|-3|after");
}

INSTANTIATE_TEST_SUITE_P(FreshAndRestored, ChildProcessTest,
                         ::testing::Values(Mode::kFresh, Mode::kRestored));

node::SpawnSpec Shell(const std::string& script) {
  node::SpawnSpec spec;
  spec.file = "/bin/sh";
  spec.args = {"sh", "-c", script};
  node::StdioSpec in;
  in.kind = node::StdioSpec::Kind::kPipe;
  in.readable = true;
  node::StdioSpec out;
  out.kind = node::StdioSpec::Kind::kPipe;
  out.writable = true;
  spec.stdio = {in, out, out};
  return spec;
}

TEST(RunSyncTest, FeedsInputAndCollectsEachPipe) {
  node::SpawnSpec spec = Shell("cat; echo err >&2; exit 4");
  spec.stdio[0].input = "in";
  node::SyncResult result = node::RunSync(spec);
  EXPECT_EQ(result.error, 0);
  EXPECT_TRUE(result.spawned);
  EXPECT_GT(result.pid, 0);
  EXPECT_EQ(result.exit_status, 4);
  EXPECT_EQ(result.term_signal, 0);
  ASSERT_EQ(result.output.size(), 3u);
  EXPECT_FALSE(result.output[0].has_value());
  EXPECT_EQ(result.output[1], "in");
  EXPECT_EQ(result.output[2], "err\n");
}

TEST(RunSyncTest, TimeoutKillsWithTheKillSignalAndStopsWaitingForGrandchildren) {
  // The grandchild keeps stdout open; the timeout must not wait for it.
  node::SpawnSpec spec = Shell("sleep 30 & sleep 30");
  spec.timeout_ms = 100;
  spec.kill_signal = SIGKILL;
  node::SyncResult result = node::RunSync(spec);
  EXPECT_EQ(result.error, UV_ETIMEDOUT);
  EXPECT_EQ(result.term_signal, SIGKILL);
}

TEST(RunSyncTest, MaxBufferCountsAllOutput) {
  node::SpawnSpec spec = Shell("printf 123; printf 456 >&2; sleep 30");
  spec.max_buffer = 5;
  node::SyncResult result = node::RunSync(spec);
  EXPECT_EQ(result.error, UV_ENOBUFS);
  EXPECT_EQ(result.term_signal, SIGTERM);
}

TEST(RunSyncTest, AMissingProgramIsENOENT) {
  node::SpawnSpec spec = Shell("");
  spec.file = "/no/such/program";
  node::SyncResult result = node::RunSync(spec);
  EXPECT_EQ(result.error, UV_ENOENT);
  EXPECT_FALSE(result.spawned);
  EXPECT_THAT(result.output, ElementsAre());
}

}  // namespace
}  // namespace toysnap
