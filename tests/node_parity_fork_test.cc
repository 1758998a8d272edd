// child_process.fork() and IPC channels: the same programs under the pinned
// Node and under toysnap (from source and from a snapshot), a toysnap parent
// with a Node child and the reverse, a peer that sends what no Node peer
// would, and forks still running when a build drains its loop.
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/cli_fixture.h"
#include "tests/node_parity.h"
#include "tests/process_runner.h"

namespace toysnap {
namespace {

using ::testing::HasSubstr;
using toysnap::testing::ExpectRefused;
using toysnap::testing::ExpectSameAsNode;
using toysnap::testing::FileExists;
using toysnap::testing::NodeBinary;
using toysnap::testing::ProcessResult;
using toysnap::testing::RunProcess;
using toysnap::testing::Runfile;

using ForkCliTest = toysnap::testing::CliFixture;

std::string Fixture(const std::string& name) { return Runfile("tests/node_parity/fork/" + name); }

TEST(NodeParityForkTest, JsonMessagesDisconnectAndExitCode) {
  ExpectSameAsNode(Fixture("exchange.mjs"), {"json"});
}

TEST(NodeParityForkTest, AdvancedSerializationKeepsTypes) {
  ExpectSameAsNode(Fixture("exchange.mjs"), {"advanced"});
}

// execPath names the child's binary: under toysnap the parent is toysnap and
// the child Node, whose output must match Node talking to Node.
TEST(NodeParityForkTest, ToysnapParentTalksToNodeChild) {
  ExpectSameAsNode(Fixture("exchange.mjs"), {"json", NodeBinary()});
  ExpectSameAsNode(Fixture("exchange.mjs"), {"advanced", NodeBinary()});
}

// And the reverse: under Node the parent is Node and the child toysnap.
TEST(NodeParityForkTest, NodeParentTalksToToysnapChild) {
  std::string toysnap = Runfile("tools/toysnap");
  ExpectSameAsNode(Fixture("exchange.mjs"), {"json", toysnap});
  ExpectSameAsNode(Fixture("exchange.mjs"), {"advanced", toysnap});
}

TEST(NodeParityForkTest, ArgumentAndChannelErrorsAreNodes) {
  ExpectSameAsNode(Fixture("errors.mjs"), {});
}

// A peer that sends what no Node peer would: here a shell writing bytes to
// the channel's descriptor. A good line is a message; garbage ends the
// channel with ERR_IPC_BAD_MESSAGE ('error' if listened for, else a warning;
// Node would die of a SyntaxError), as does an 'advanced' length beyond the
// bound or a body V8 cannot read; the program goes on and exits normally.
TEST_F(ForkCliTest, PeerGarbageEndsTheChannelWithoutACrash) {
  Write("peer.js", R"(const cp = require('child_process');
const [bytes, mode, listen] = process.argv.slice(2);
const child = cp.spawn('/bin/sh', ['-c', `printf '${bytes}' >&3`], {
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: mode,
});
child.on('message', (m) => console.log('message', JSON.stringify(m)));
if (listen) child.on('error', (e) => console.log('error', e.code, e.message));
process.on('warning', (w) => console.log('warning', w.code, w.message));
child.on('disconnect', () => console.log('disconnect', child.connected));
child.on('close', (code) => console.log('close', code));
)");
  struct Case {
    const char* bytes;
    const char* mode;
    const char* listen;
    std::vector<std::string> lines;
  } cases[] = {
      {"{\"a\":[1,2]}\\n\"two\"\\n", "json", "",
       {"message {\"a\":[1,2]}\nmessage \"two\"\ndisconnect false\nclose 0\n"}},
      {"1\\n{oops\\n2\\n", "json", "yes",
       {"message 1\n", "error ERR_IPC_BAD_MESSAGE Invalid message on the IPC channel: ",
        "disconnect false\n", "close 0\n"}},
      {"1\\n{oops\\n", "json", "",
       {"message 1\n", "warning ERR_IPC_BAD_MESSAGE Invalid message on the IPC channel: ",
        "disconnect false\n", "close 0\n"}},
      {"\\377\\377\\377\\377", "advanced", "yes",
       {"error ERR_IPC_BAD_MESSAGE Invalid message on the IPC channel: a message is longer than "
        "268435456 bytes\n",
        "disconnect false\n", "close 0\n"}},
      {"\\000\\000\\000\\003abc", "advanced", "yes",
       {"error ERR_IPC_BAD_MESSAGE Invalid message on the IPC channel: a message on the IPC "
        "channel could not be deserialized\n",
        "disconnect false\n", "close 0\n"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.bytes);
    ProcessResult run = Toysnap({Path("peer.js"), c.bytes, c.mode, c.listen});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    for (const std::string& line : c.lines) EXPECT_THAT(run.out, HasSubstr(line));
    EXPECT_THAT(run.out, ::testing::Not(HasSubstr("message 2")));
  }
}

// A child's NODE_CHANNEL_FD that is a file is no channel: a warning, and the
// program runs without one.
TEST_F(ForkCliTest, ChannelFdThatIsAFileIsRefused) {
  Write("child.js", R"(process.on('warning', (w) => console.log('warning', w.message));
console.log(typeof process.send, process.env.NODE_CHANNEL_FD);
)");
  Write("data.txt", "{}\n");
  ProcessResult file = RunProcess({"/bin/sh", "-c",
                                   "NODE_CHANNEL_FD=0 " + Runfile("tools/toysnap") + " " +
                                       Path("child.js") + " < " + Path("data.txt")});
  EXPECT_EQ(file.exit_code, 0) << file.err;
  EXPECT_EQ(file.out, "undefined undefined\nwarning NODE_CHANNEL_FD=0 is no IPC channel (a FILE "
                      "descriptor)\n");
}

// The channel keeps a child alive only while it listens: one without a
// 'message' listener ends though its parent never disconnects.
TEST_F(ForkCliTest, ChildWithoutListenersExitsWhileTheChannelIsOpen) {
  Write("quiet.js", "process.send('hi');\n");
  Write("parent.mjs", R"(import cp from 'node:child_process';
export function main() {
  const child = cp.fork(new URL('./quiet.js', import.meta.url).pathname);
  child.on('message', (m) => console.log('got', m));
  child.on('exit', (code) => console.log('exit', code, child.connected));
})");
  ProcessResult run = Toysnap({"run", Path("parent.mjs")});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "got hi\nexit 0 false\n");
}

// Issue #13: a fork still running when the build drains its loop (unref()ed
// with its channel, so the loop does not wait) fails the build naming the
// fork's call site; one that finished at build time is fine.
TEST_F(ForkCliTest, ForksRunningAtBuildTimeAreNamed) {
  // No stdio, so the child outliving the build holds none of the test's pipes.
  Write("forever.js", "setTimeout(() => {}, 3000);\n");
  Write("fork.mjs", R"(import cp from 'node:child_process';
const child = cp.fork(new URL('./forever.js', import.meta.url).pathname, {
  stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
});
child.unref(); child.channel.unref();
export function main() {})");
  ProcessResult build = Toysnap({"build", Path("fork.mjs"), "-o", Path("x.snap")});
  ExpectRefused(build, "work is still pending or open at build time");
  EXPECT_THAT(build.err, HasSubstr("child process '"));
  EXPECT_THAT(build.err, HasSubstr("fork.mjs:2:18"));
  EXPECT_FALSE(FileExists(Path("x.snap")));

  Write("answer.js", "process.send(6 * 7);\n");
  Write("built.mjs", R"(import cp from 'node:child_process';
const answer = await new Promise((resolve) => {
  cp.fork(new URL('./answer.js', import.meta.url).pathname).on('message', resolve);
});
export function main() { console.log('answer at build', answer, typeof process.send); })");
  ProcessResult ok = Toysnap({"build", Path("built.mjs"), "-o", Path("ok.snap")});
  ASSERT_EQ(ok.exit_code, 0) << ok.err;
  ProcessResult run = Toysnap({"run", Path("ok.snap")});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "answer at build 42 undefined\n");
}

// fork() passes the one child-process permission check spawn does.
TEST_F(ForkCliTest, ForkNeedsTheChildProcessPermission) {
  Write("quiet.js", "process.send('hi');\n");
  Write("perm.mjs", R"(import cp from 'node:child_process';
export function main() {
  try {
    cp.fork(new URL('./quiet.js', import.meta.url).pathname).on('message', (m) => console.log(m));
  } catch (e) {
    console.log(e.code, e.permission, JSON.stringify(e.resource));
  }
})");
  ProcessResult denied = Toysnap({"run", "--permission", "--allow-fs-read=*", Path("perm.mjs")});
  EXPECT_EQ(denied.exit_code, 0) << denied.err;
  EXPECT_EQ(denied.out, "ERR_ACCESS_DENIED ChildProcess \"\"\n");
  ProcessResult allowed = Toysnap({"run", "--permission", "--allow-fs-read=*",
                                   "--allow-child-process", Path("perm.mjs")});
  EXPECT_EQ(allowed.exit_code, 0) << allowed.err;
  EXPECT_EQ(allowed.out, "hi\n");

  // The child runs under the parent's permissions (its execArgv): it may read
  // only what the parent may.
  Write("reader.js", R"(try { require('fs').readFileSync('/etc/passwd'); process.send('read'); }
catch (e) { process.send(e.code); })");
  Write("nested.mjs", R"(import cp from 'node:child_process';
export function main() {
  cp.fork(new URL('./reader.js', import.meta.url).pathname)
    .on('message', (m) => console.log(process.execArgv.length, m));
})");
  ProcessResult nested = Toysnap({"run", "--permission", "--allow-fs-read=" + dir_,
                                  "--allow-child-process", Path("nested.mjs")});
  EXPECT_EQ(nested.exit_code, 0) << nested.err;
  EXPECT_EQ(nested.out, "3 ERR_ACCESS_DENIED\n");
}

// fork() passes the parent's execArgv on; the child sees them and the CLI
// accepts Node's flags before a script, honouring toysnap's own.
TEST_F(ForkCliTest, ExecArgvReachesTheChild) {
  Write("argv.js", R"(if (process.argv[2] === 'child') {
  process.send(process.execArgv);
} else {
  require('child_process').fork(__filename, ['child'])
    .on('message', (m) => console.log(JSON.stringify(process.execArgv), JSON.stringify(m)));
})");
  ProcessResult run = Toysnap({"--stack-size=256", "--max-heap-mb=512", "-r", "nothing",
                               Path("argv.js")});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  std::string expected = R"(["--stack-size=256","--max-heap-mb=512","-r","nothing"])";
  EXPECT_EQ(run.out, expected + " " + expected + "\n");
}

// `toysnap -e CODE` and `-p CODE`, as `node -e` / `node -p` (Node's own tests
// start process.execPath so): global scope, require, argv without a script.
TEST_F(ForkCliTest, EvalAndPrintAsNode) {
  const std::vector<std::vector<std::string>> cases = {
      {"-p", "var x = 5; x * 2"},
      {"-p", "({ a: [1, 'b'] })"},
      {"-e", "console.log(process.argv.slice(1), typeof require, __filename, "
             "require('path').join('a', 'b'))",
       "one", "two"},
      {"--print", "'line\\n' + \"quoted\""},
      {"-e", "process.exitCode = 3"},
  };
  for (const std::vector<std::string>& args : cases) {
    SCOPED_TRACE(args[1]);
    std::vector<std::string> node = {NodeBinary()};
    node.insert(node.end(), args.begin(), args.end());
    ProcessResult expected = RunProcess(node, dir_);
    ProcessResult actual = Toysnap(args);
    EXPECT_EQ(actual.out, expected.out);
    EXPECT_EQ(actual.exit_code, expected.exit_code) << actual.err;
  }
}

}  // namespace
}  // namespace toysnap
