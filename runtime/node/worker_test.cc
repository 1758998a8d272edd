// worker_threads inside a Runtime, fresh and restored from a snapshot whose
// heap already holds the module: messages both ways, structured clone with
// transfers and shared memory, a worker's errors and exit codes, terminate(),
// the permission check, build-time tracking, and runtimes destroyed while
// their workers still run (tools/test runs this under ASan and LSan too).
#include <stdlib.h>

#include <fstream>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "runtime/in_memory_snapshot.h"
#include "runtime/runtime.h"
#include "runtime/test_eval.h"
#include "runtime/v8_test_environment.h"
#include "v8-primitive.h"

namespace toysnap {
namespace {

using ::testing::HasSubstr;

const auto* const kV8 = RegisterV8TestEnvironment();

constexpr char kMain[] = "/worker_test/main.mjs";
// The module at build time in the restored case; `builtIn` tells a worker
// restored from that snapshot from one bootstrapped fresh.
constexpr char kModule[] = R"JS(import * as wt from 'node:worker_threads';
globalThis.wt = wt;
globalThis.builtIn = 'heap';
)JS";

using Mode = RuntimeMode;

RuntimeOptions Granted() {
  RuntimeOptions options;
  options.console = false;
  options.permissions = Permissions::All();
  return options;
}

class WorkerTest : public ::testing::TestWithParam<Mode> {
 protected:
  void SetUp() override {
    const char* tmp = getenv("TEST_TMPDIR");
    std::string pattern = std::string(tmp != nullptr ? tmp : "/tmp") + "/worker_test-XXXXXX";
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }

  std::unique_ptr<Runtime> Make(const RuntimeOptions& options = Granted()) {
    return RuntimeWithModuleOrFail(GetParam(), options, kMain, kModule);
  }

  // `source`'s value once settled, as text, or "error: ..." for a failure.
  static std::string Await(Runtime& runtime, const std::string& source) {
    return AwaitOrError(runtime, source, "worker_test.js");
  }

  std::string Write(const std::string& name, const std::string& text) {
    std::string path = dir_ + "/" + name;
    std::ofstream(path) << text;
    return path;
  }

  std::string dir_;
};

// What a worker's exit looks like to the parent: every event in order.
constexpr char kRecord[] = R"JS(
  globalThis.record = (w) => new Promise((resolve) => {
    const seen = [];
    w.on('online', () => seen.push('online'));
    w.on('message', (m) => seen.push('message:' + JSON.stringify(m)));
    w.on('error', (e) => seen.push('error:' + (e instanceof TypeError ? 'TypeError:' : '') +
      e.message + (e.code ? ':' + e.code : '')));
    w.on('exit', (code) => { seen.push('exit:' + code); resolve(seen.join(' ')); });
  });
  'ready';
)JS";

TEST_P(WorkerTest, MessagesGoBothWaysAndTheWorkerKnowsItIsOne) {
  std::unique_ptr<Runtime> runtime = Make();
  ASSERT_NE(runtime, nullptr);
  ASSERT_EQ(Await(*runtime, kRecord), "ready");
  EXPECT_EQ(Await(*runtime, R"JS(
    const w = new wt.Worker(`
      const { parentPort, isMainThread, workerData, threadId } = require('worker_threads');
      parentPort.postMessage([isMainThread, workerData, threadId > 0]);
      parentPort.on('message', (m) => {
        if (m === 'bye') parentPort.close(); else parentPort.postMessage(m * 2);
      });`, { eval: true, workerData: { n: [1, 2] } });
    w.once('message', () => { w.postMessage(21); w.postMessage('bye'); });
    record(w))JS"),
            R"JS(online message:[false,{"n":[1,2]},true] message:42 exit:0)JS");
  EXPECT_EQ(Await(*runtime, "[wt.isMainThread, wt.threadId, wt.parentPort].join()"), "true,0,");
}

TEST_P(WorkerTest, AWorkerRestoresFromTheParentsSnapshotUnlessItsFileIsInIt) {
  std::unique_ptr<Runtime> runtime = Make();
  ASSERT_NE(runtime, nullptr);
  std::string file = Write("child.mjs", R"JS(
    import { parentPort, isMainThread, workerData } from 'node:worker_threads';
    parentPort.postMessage([typeof builtIn, isMainThread, workerData].join());
  )JS");
  ASSERT_EQ(Await(*runtime, kRecord), "ready");
  // A restored worker's heap holds the build's module graph, warm.
  std::string heap = GetParam() == Mode::kRestored ? "string" : "undefined";
  EXPECT_EQ(Await(*runtime, absl::StrCat("record(new wt.Worker('", file,
                                         "', { workerData: 7 }))")),
            absl::StrCat("online message:\"", heap, ",false,7\" exit:0"));
  EXPECT_EQ(Await(*runtime, R"JS(record(new wt.Worker(
      "require('worker_threads').parentPort.postMessage(typeof builtIn)", { eval: true })))JS"),
            absl::StrCat("online message:\"", heap, "\" exit:0"));
}

TEST_P(WorkerTest, ErrorsAndExitCodesReachTheParent) {
  std::unique_ptr<Runtime> runtime = Make();
  ASSERT_NE(runtime, nullptr);
  ASSERT_EQ(Await(*runtime, kRecord), "ready");
  EXPECT_EQ(Await(*runtime, R"JS(record(new wt.Worker(`
      const e = new TypeError('bad'); e.code = 'E_BAD'; throw e;`, { eval: true })))JS"),
            "online error:TypeError:bad:E_BAD exit:1");
  EXPECT_EQ(Await(*runtime, R"JS(record(new wt.Worker(
      "setTimeout(() => { throw new TypeError('later'); }, 1)", { eval: true })))JS"),
            "online error:TypeError:later exit:1");
  EXPECT_EQ(Await(*runtime, R"JS(record(new wt.Worker(
      "process.exitCode = 4", { eval: true })))JS"),
            "online exit:4");
  EXPECT_EQ(Await(*runtime, R"JS(record(new wt.Worker(
      "setTimeout(() => process.exit(5), 1); setTimeout(() => {}, 100000)", { eval: true })))JS"),
            "online exit:5");
  EXPECT_EQ(Await(*runtime, R"JS(record(new wt.Worker(
      "Promise.reject(new RangeError('nobody'))", { eval: true })))JS"),
            "online error:nobody exit:1");
  EXPECT_EQ(Await(*runtime, absl::StrCat("record(new wt.Worker('", dir_, "/missing.js'))")),
            absl::StrCat("online error:Cannot find module '", dir_,
                         "/missing.js':MODULE_NOT_FOUND exit:1"));
}

TEST_P(WorkerTest, TerminateEndsBusyAndIdleWorkers) {
  std::unique_ptr<Runtime> runtime = Make();
  ASSERT_NE(runtime, nullptr);
  EXPECT_EQ(Await(*runtime, R"JS((async () => {
    const busy = new wt.Worker('for (;;) {}', { eval: true });
    await new Promise((resolve) => busy.on('online', resolve));
    const idle = new wt.Worker('setInterval(() => {}, 1000)', { eval: true });
    await new Promise((resolve) => idle.on('online', resolve));
    // Terminated before its runtime exists: never online, exit code 0, as in Node.
    const early = new wt.Worker('for (;;) {}', { eval: true });
    let online = false;
    early.on('online', () => { online = true; });
    const earlyExit = early.terminate();
    return [await busy.terminate(), await idle.terminate(), await earlyExit, online,
            busy.threadId, await busy.terminate()].join();
  })())JS"),
            "1,1,0,false,-1,");
}

TEST_P(WorkerTest, StructuredCloneMovesBuffersAndPortsAndSharesMemory) {
  std::unique_ptr<Runtime> runtime = Make();
  ASSERT_NE(runtime, nullptr);
  EXPECT_EQ(Await(*runtime, R"JS((async () => {
    const w = new wt.Worker(`
      const { parentPort } = require('worker_threads');
      parentPort.once('message', ({ bytes, port, shared }) => {
        Atomics.store(new Int32Array(shared), 0, 99);
        port.postMessage([bytes.byteLength, new Uint8Array(bytes)[1]]);
        port.close();
      });`, { eval: true });
    const exited = new Promise((resolve) => w.on('exit', resolve));
    const { port1, port2 } = new wt.MessageChannel();
    const bytes = new Uint8Array([5, 6, 7]).buffer;
    const shared = new SharedArrayBuffer(4);
    w.postMessage({ bytes, port: port2, shared }, [bytes, port2]);
    const reply = await new Promise((resolve) => port1.once('message', resolve));
    await exited;
    return [reply, bytes.byteLength, new Int32Array(shared)[0]].join();
  })())JS"),
            "3,6,0,99");
}

TEST_P(WorkerTest, PostMessageErrorsAreNodes) {
  std::unique_ptr<Runtime> runtime = Make();
  ASSERT_NE(runtime, nullptr);
  EXPECT_EQ(Await(*runtime, R"JS((() => {
    const { port1, port2 } = new wt.MessageChannel();
    const out = [];
    const t = (f) => { try { f(); out.push('ok'); } catch (e) { out.push(`${e.name}:${e.message}`); } };
    t(() => port1.postMessage(port2));
    t(() => port1.postMessage(1, [port1]));
    t(() => port1.postMessage(() => 1));
    t(() => port1.postMessage(1, [{}]));
    t(() => new wt.MessagePort());
    port1.close();
    return out.join('\n');
  })())JS"),
            "TypeError:Object that needs transfer was found in message but not listed in "
            "transferList\nDataCloneError:Transfer list contains source port\nDataCloneError:"
            "() => 1 could not be cloned.\nTypeError:Found invalid object in transferList\n"
            "TypeError:Constructor cannot be called");
}

TEST_P(WorkerTest, MessageChannelInOneThread) {
  std::unique_ptr<Runtime> runtime = Make();
  ASSERT_NE(runtime, nullptr);
  EXPECT_EQ(Await(*runtime, R"JS((async () => {
    const out = [];
    const { port1, port2 } = new MessageChannel();
    port1.postMessage('queued');
    out.push(JSON.stringify(wt.receiveMessageOnPort(port2)), String(wt.receiveMessageOnPort(port2)));
    port2.addEventListener('message', (e) => { out.push('event:' + e.data); port1.close(); });
    port1.postMessage('posted');
    await new Promise((resolve) => port2.on('close', resolve));
    return out.join(' ');
  })())JS"),
            R"JS({"message":"queued"} undefined event:posted)JS");
}

// A channel hears the others of its name, in this thread and in workers
// (nested ones too), never itself; a closed one hears nothing.
TEST_P(WorkerTest, BroadcastChannelsReachEveryThreadOfTheFamily) {
  std::unique_ptr<Runtime> runtime = Make();
  ASSERT_NE(runtime, nullptr);
  EXPECT_EQ(Await(*runtime, R"JS((async () => {
    const heard = [];
    const a = new wt.BroadcastChannel('c');
    const b = new wt.BroadcastChannel('c');
    const closed = new wt.BroadcastChannel('c');
    closed.onmessage = () => heard.push('closed heard');
    closed.close();
    a.onmessage = (e) => heard.push('a:' + e.data);
    const nested = `const { BroadcastChannel, parentPort } = require('worker_threads');
      const c = new BroadcastChannel('c');
      c.onmessage = (e) => { if (e.data === 'ping') { c.postMessage('pong'); c.close(); } };
      parentPort.postMessage('ready');`;
    const w = new wt.Worker(`
      const { Worker, parentPort } = require('worker_threads');
      const inner = new Worker(process.env.NESTED, { eval: true, env: process.env });
      inner.on('message', (m) => parentPort.postMessage(m));`, { eval: true, env: { NESTED: nested } });
    await new Promise((resolve) => w.once('message', resolve));
    const pong = new Promise((resolve) => {
      b.onmessage = (e) => { heard.push('b:' + e.data); if (e.data === 'pong') resolve(e.data); };
    });
    a.postMessage('ping');
    const reply = await pong;
    await new Promise((resolve) => w.on('exit', resolve));
    a.close();
    b.close();
    return [reply, ...heard.sort()].join(" ");
  })())JS"),
            "pong a:pong b:ping b:pong");
}

TEST_P(WorkerTest, CreatingAWorkerNeedsTheWorkerPermission) {
  RuntimeOptions options = Granted();
  options.permissions = Permissions().AllowFsRead("*");
  std::unique_ptr<Runtime> runtime = Make(options);
  ASSERT_NE(runtime, nullptr);
  EXPECT_EQ(Await(*runtime, R"JS((() => {
    try { new wt.Worker('1', { eval: true }); return 'created'; } catch (e) { return e.code; }
  })())JS"),
            "ERR_ACCESS_DENIED");
}

TEST_P(WorkerTest, ARunningWorkerIsALiveResource) {
  std::unique_ptr<Runtime> runtime = Make();
  ASSERT_NE(runtime, nullptr);
  ASSERT_EQ(Await(*runtime, "globalThis.w = new wt.Worker('for (;;) {}', { eval: true }); "
                            "globalThis.online = new Promise((resolve) => w.once('online', resolve)); 1"),
            "1");
  std::vector<std::string> pending = runtime->DescribePendingWork();
  EXPECT_THAT(testing::PrintToString(pending), HasSubstr("Worker created at worker_test.js:1"));
  EXPECT_EQ(Await(*runtime, "online.then(() => w.terminate())"), "1");
}

// The parent goes while workers run, wait, or start: each is stopped and
// joined, nothing leaks, nothing touches freed memory.
TEST_P(WorkerTest, DestroyingTheParentStopsItsWorkers) {
  for (const char* code : {"for (;;) {}", "setInterval(() => {}, 1000)",
                           "new (require('worker_threads').Worker)('for (;;) {}', { eval: true })",
                           "require('worker_threads').parentPort.on('message', () => {})"}) {
    SCOPED_TRACE(code);
    std::unique_ptr<Runtime> runtime = Make();
    ASSERT_NE(runtime, nullptr);
    ASSERT_EQ(Await(*runtime, absl::StrCat(R"JS((async () => {
      const w = new wt.Worker(")JS", code, R"JS(", { eval: true });
      w.postMessage(new Uint8Array(1024));
      await new Promise((resolve) => w.on('online', resolve));
      new wt.Worker('1', { eval: true });  // not yet online when the parent goes
      return 'running';
    })())JS")),
              "running");
    runtime.reset();
  }
}

INSTANTIATE_TEST_SUITE_P(FreshAndRestored, WorkerTest,
                         ::testing::Values(Mode::kFresh, Mode::kRestored),
                         [](const ::testing::TestParamInfo<Mode>& info) {
                           return info.param == Mode::kFresh ? "Fresh" : "Restored";
                         });

}  // namespace
}  // namespace toysnap
