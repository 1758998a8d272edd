// IPC channels inside a Runtime, fresh and restored: a shell child whose `cat`
// sends every byte of the channel back (fd 3 is the channel's socket), so
// each message crosses the framing and the serializer both ways; Node's wire
// bytes for 'advanced'; a malformed message; and the argument errors of
// 'ipc' stdio. (fork() itself runs toysnap, so tests/node_parity_fork_test.cc
// covers it with the CLI.)
#include <memory>
#include <string>

#include "gtest/gtest.h"
#include "runtime/runtime.h"
#include "runtime/test_eval.h"
#include "runtime/v8_test_environment.h"

namespace toysnap {
namespace {

const auto* const kV8 = RegisterV8TestEnvironment();

constexpr char kMain[] = "/child_process_ipc_test/main.mjs";
constexpr char kModule[] = R"(import cp from 'node:child_process';
globalThis.cp = cp;
// Sends `messages` to a child that echoes its channel, and resolves with
// what came back, shown, once the child has gone.
globalThis.echo = (mode, messages) => new Promise((resolve) => {
  const child = cp.spawn('/bin/sh', ['-c', 'cat <&3 >&3'], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'], serialization: mode,
  });
  const got = [];
  child.on('message', (m) => {
    got.push(m);
    if (got.length === messages.length) child.disconnect();
  });
  child.on('internalMessage', (m) => got.push(`internal ${m.cmd}`));
  child.on('exit', (code) => resolve(got.map(show).join(' ') + ` | exit ${code}`));
  for (const m of messages) child.send(m);
});
globalThis.show = (v) => {
  if (ArrayBuffer.isView(v)) return `${v.constructor.name}(${Array.from(v)})`;
  if (v instanceof Map) return `Map${JSON.stringify([...v])}`;
  if (v instanceof Error) return `${v.name}:${v.message}`;
  if (typeof v === 'bigint') return `${v}n`;
  if (v && typeof v === 'object') return `{${Object.keys(v).map((k) => `${k}=${show(v[k])}`)}}`;
  return JSON.stringify(v);
};
)";

using Mode = RuntimeMode;

class ChildProcessIpcTest : public ::testing::TestWithParam<Mode> {
 protected:
  std::unique_ptr<Runtime> Make() {
    RuntimeOptions options;
    options.console = false;
    options.permissions = Permissions::All();
    return RuntimeWithModuleOrFail(GetParam(), options, kMain, kModule);
  }
};

TEST_P(ChildProcessIpcTest, JsonMessagesCrossTheChannel) {
  std::unique_ptr<Runtime> runtime = Make();
  ASSERT_NE(runtime, nullptr);
  EXPECT_EQ(AwaitOrError(*runtime, R"(echo('json', [
      { a: [1, 'two', null] }, 'line\nbreak', 42, true, 'ünï ✓', { cmd: 'NODE_X' }, { cmd: 'NODEX' }]))"),
            "{a={0=1,1=\"two\",2=null}} \"line\\nbreak\" 42 true \"ünï ✓\" \"internal NODE_X\" {cmd=\"NODEX\"}"
            " | exit 0");
}

TEST_P(ChildProcessIpcTest, AdvancedMessagesKeepTheirTypes) {
  std::unique_ptr<Runtime> runtime = Make();
  ASSERT_NE(runtime, nullptr);
  EXPECT_EQ(
      AwaitOrError(*runtime, R"(echo('advanced', [
      Buffer.from('hi'), new Int16Array([-1, 2]), new DataView(new ArrayBuffer(2)),
      new Map([[1, 2]]), { n: 10n, d: new Date(0).getTime() }, new RangeError('r'),
      new Uint8Array(200000).fill(7).subarray(199998)]))"),
      "Buffer(104,105) Int16Array(-1,2) DataView() Map[[1,2]] {n=10n,d=0} RangeError:r "
      "Uint8Array(7,7) | exit 0");
}

// Node's bytes: a big-endian length, V8's header, a host object tagged 0
// (a view) with Node's type index (10 for a Buffer), length and bytes.
TEST_P(ChildProcessIpcTest, AdvancedWireFormatIsNodes) {
  std::unique_ptr<Runtime> runtime = Make();
  ASSERT_NE(runtime, nullptr);
  EXPECT_EQ(AwaitOrError(*runtime, R"(new Promise((resolve) => {
    const child = cp.spawn('/bin/sh', ['-c', 'od -An -tx1 <&3 | tr -d " \\n"'], {
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'], serialization: 'advanced',
    });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    // The parent disconnects, so (as under Node) no 'close': the output's end.
    child.stdout.on('end', () => resolve(out));
    child.send(Buffer.from('ab'), () => child.disconnect());
  }))"),
            // Byte for byte what Node 20 sends (its V8 also writes version 15).
            "00000008ff0f5c000a026162");
}

TEST_P(ChildProcessIpcTest, IpcStdioErrors) {
  std::unique_ptr<Runtime> runtime = Make();
  ASSERT_NE(runtime, nullptr);
  EXPECT_EQ(AwaitOrError(*runtime, R"((() => {
    const codes = [];
    for (const f of [
      () => cp.spawn('true', { stdio: ['ipc', 'ipc'] }),
      () => cp.spawnSync('true', { stdio: ['ipc'] }),
      () => cp.fork('x.js', { stdio: ['pipe', 'pipe', 'pipe'] }),
      () => cp.fork(42),
    ]) {
      try { f(); codes.push('none'); } catch (e) { codes.push(e.code); }
    }
    return codes.join(' ');
  })())"),
            "ERR_IPC_ONE_PIPE ERR_IPC_SYNC_FORK ERR_CHILD_PROCESS_IPC_REQUIRED "
            "ERR_INVALID_ARG_TYPE");
}

INSTANTIATE_TEST_SUITE_P(FreshAndRestored, ChildProcessIpcTest,
                         ::testing::Values(Mode::kFresh, Mode::kRestored),
                         [](const ::testing::TestParamInfo<Mode>& info) {
                           return RuntimeModeName(info.param);
                         });

}  // namespace
}  // namespace toysnap
