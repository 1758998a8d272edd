// Programs that must print exactly what Node prints, run by toysnap from source
// and from a snapshot, and by `node` on the same files.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <regex>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/node_parity.h"
#include "tests/process_runner.h"

namespace toysnap {
namespace {

using toysnap::testing::ExpectSameAsNode;
using toysnap::testing::MakeTempDir;
using toysnap::testing::NodeBinary;
using toysnap::testing::ProcessIo;
using toysnap::testing::ProcessResult;
using toysnap::testing::ReadTextFile;
using toysnap::testing::RunProcess;
using toysnap::testing::RunProcessWithIo;
using toysnap::testing::Runfile;
using toysnap::testing::WriteTextFile;

TEST(NodeParityTest, TimerTickAndMicrotaskOrder) {
  ExpectSameAsNode(Runfile("tests/node_parity/timers_order.mjs"), {"a", "b"});
}

// A tick that a microtask queues runs after the microtasks, also when no tick
// ran before them in that turn (once it waited forever: no macrotask came).
TEST(NodeParityTest, TicksQueuedByMicrotasksRun) {
  ExpectSameAsNode(Runfile("tests/node_parity/ticks_from_microtasks.mjs"), {});
}

TEST(NodeParityTest, ManyTimersWithClearsAndRefreshFireInNodeOrder) {
  ExpectSameAsNode(Runfile("tests/node_parity/timers_many.mjs"), {});
}

// Issue #12: import() rejects with the error Node rejects with (class, code,
// message), as often as it is retried, at build time and after a restore.
TEST(NodeParityTest, ImportErrorsKeepTheirTypeAndCodeOnEveryTry) {
  ExpectSameAsNode(Runfile("tests/node_parity/import_errors.mjs"), {});
}

// Node's permission model: with --permission only the granted paths may be
// read; a denied read throws ERR_ACCESS_DENIED naming permission and resource.
TEST(NodeParityTest, PermissionModelDeniesWhatIsNotGranted) {
  std::string dir = MakeTempDir();
  WriteTextFile(dir + "/secret.txt", "secret\n");
  std::string app = dir + "/app";
  ASSERT_EQ(mkdir(app.c_str(), 0755), 0);
  WriteTextFile(app + "/data.txt", "inside\n");
  std::string entry = app + "/main.mjs";
  WriteTextFile(entry, absl::StrCat(R"(import fs from 'node:fs';
export function main() {
  try { fs.readFileSync(')", dir, R"(/secret.txt'); console.log('read'); }
  catch (e) { console.log(e.message, e.code, e.permission, e.resource); }
  console.log(fs.readFileSync(')", app, R"(/data.txt', 'utf8').trim());
  console.log(fs.existsSync(')", app, R"(/data.txt'));
  console.log(fs.readFileSync(new URL('./data.txt', import.meta.url)).length);
})"));
  ExpectSameAsNode(entry, {}, {"--experimental-permission", "--allow-fs-read=" + app},
                   {"--permission", "--allow-fs-read=" + app});
}

// Issue #13: fs's synchronous forms: text and binary files, encodings,
// mkdir -p, sorted listings and Dirents, the stat family, utimes, chmod,
// truncate, rename, copyFile, links and realpath, cp, descriptors with
// positions, and Node's error objects (code, errno, syscall, path, dest).
TEST(NodeParityTest, FsSynchronousForms) {
  ExpectSameAsNode(Runfile("tests/node_parity/fs_sync.mjs"), {});
}

// Issue #13: fs's callback and promise forms and FileHandle; callbacks run
// after the ticks and promise jobs queued with them, as in Node.
TEST(NodeParityTest, FsCallbackAndPromiseForms) {
  ExpectSameAsNode(Runfile("tests/node_parity/fs_async.mjs"), {});
}

// Issue #13: fs.ReadStream/WriteStream (and a FileHandle's) on the stream
// module: events in order, ranges, encodings, backpressure, pipeline, errors.
TEST(NodeParityTest, FsStreams) {
  ExpectSameAsNode(Runfile("tests/node_parity/fs_streams.mjs"), {});
}

// Every module's argument errors describe the value received as Node does
// (one shared description: internals.describeReceived).
TEST(NodeParityTest, ArgumentErrorsDescribeWhatTheyReceived) {
  ExpectSameAsNode(Runfile("tests/node_parity/received_values.mjs"), {});
}

// Issue #13: fs.watch, fs.watchFile and fs.promises.watch on inotify and
// stat polling: first events, 'close'/'stop', errors, non-persistent watchers.
TEST(NodeParityTest, FsWatchers) {
  ExpectSameAsNode(Runfile("tests/node_parity/fs_watch.mjs"), {});
}

// Issue #13: with --allow-fs-write for one directory, fs's writes elsewhere
// are denied with ERR_ACCESS_DENIED in every form.
TEST(NodeParityTest, FsWritesOutsideTheWriteGrantAreDenied) {
  std::string dir = MakeTempDir();
  std::string allowed = dir + "/allowed";
  std::string denied = dir + "/denied";
  ASSERT_EQ(mkdir(allowed.c_str(), 0755), 0);
  ASSERT_EQ(mkdir(denied.c_str(), 0755), 0);
  WriteTextFile(dir + "/readable.txt", "read me\n");
  // A copy, not the runfile: Node resolves the runfile's symlinks, outside the grants.
  std::string app = dir + "/app";
  ASSERT_EQ(mkdir(app.c_str(), 0755), 0);
  std::string entry = app + "/main.mjs";
  WriteTextFile(entry, ReadTextFile(Runfile("tests/node_parity/fs_permissions.mjs")));
  std::vector<std::string> grants = {"--allow-fs-read=" + app, "--allow-fs-read=" + allowed,
                                     "--allow-fs-read=" + dir + "/readable.txt",
                                     "--allow-fs-write=" + allowed};
  std::vector<std::string> node_flags = {"--experimental-permission"};
  std::vector<std::string> toysnap_flags = {"--permission"};
  node_flags.insert(node_flags.end(), grants.begin(), grants.end());
  toysnap_flags.insert(toysnap_flags.end(), grants.begin(), grants.end());
  ExpectSameAsNode(entry, {allowed, denied, entry}, node_flags, toysnap_flags);
}

// Issue #13: child_process's synchronous forms: spawnSync's results, status
// and signal, input, cwd, env, shell, timeout and maxBuffer, and the errors
// of execSync/execFileSync and of bad arguments.
TEST(NodeParityTest, ChildProcessSynchronousForms) {
  ExpectSameAsNode(Runfile("tests/node_parity/child_process_sync.mjs"), {});
}

// Issue #13: child_process.spawn without pipes: 'spawn', 'exit' and 'close',
// kill() and its signals, ENOENT, timeout, AbortSignal, inherited stdio.
TEST(NodeParityTest, ChildProcessSpawnExitAndKill) {
  ExpectSameAsNode(Runfile("tests/node_parity/child_process_spawn.mjs"), {});
}

// Issue #13: child_process with 'pipe' stdio (net.Sockets over the io
// helper's Pipe handles): stdin to cat, 'close' after 'exit' and the streams,
// exec/execFile callbacks and promisify, maxBuffer, timeout, ENOENT.
TEST(NodeParityTest, ChildProcessPipesExecAndExecFile) {
  ExpectSameAsNode(Runfile("tests/node_parity/child_process_pipes.mjs"), {});
}

// Issue #13: without the child-process grant every form of spawning is
// denied with ERR_ACCESS_DENIED; with it, they run.
TEST(NodeParityTest, ChildProcessNeedsItsPermission) {
  std::string dir = MakeTempDir();
  std::string entry = dir + "/main.mjs";
  WriteTextFile(entry, R"(import cp from 'node:child_process';
export function main() {
  for (const [label, run] of [['spawnSync', () => cp.spawnSync('true')],
                              ['execSync', () => cp.execSync('true')],
                              ['execFileSync', () => cp.execFileSync('true')],
                              ['spawn', () => cp.spawn('true', { stdio: 'ignore' })]]) {
    try { run(); console.log(label, 'ran'); }
    catch (e) { console.log(label, e.message, e.code, e.permission, JSON.stringify(e.resource)); }
  }
})");
  ExpectSameAsNode(entry, {}, {"--experimental-permission", "--allow-fs-read=" + dir},
                   {"--permission", "--allow-fs-read=" + dir});
  ExpectSameAsNode(entry, {},
                   {"--experimental-permission", "--allow-fs-read=" + dir, "--allow-child-process"},
                   {"--permission", "--allow-fs-read=" + dir, "--allow-child-process"});
}

TEST(NodeParityTest, TimerDelaysCountFromTheCallAndOrderByDueTime) {
  ExpectSameAsNode(Runfile("tests/node_parity/timers_start.mjs"), {});
}

TEST(NodeParityTest, WebAssemblySharedArrayBufferAndAtomicsInMain) {
  ExpectSameAsNode(Runfile("tests/node_parity/wasm_atomics.mjs"), {});
}

// Issue #13: setImmediate's check phase, its pass order, ticks and microtasks
// after each callback, unref; V8's platform tasks pumped so async WebAssembly
// compilation settles.
TEST(NodeParityTest, ImmediatesAndAsyncWebAssemblyOnTheLibuvLoop) {
  ExpectSameAsNode(Runfile("tests/node_parity/immediates.mjs"), {});
}

TEST(NodeParityTest, OsReportsTheMachineAsNodeDoes) {
  ExpectSameAsNode(Runfile("tests/node_parity/os.mjs"), {});
}

TEST(NodeParityTest, ProcessLikeNodes) {
  ExpectSameAsNode(Runfile("tests/node_parity/process.mjs"), {});
}

TEST(NodeParityTest, ConsoleAndProcessGlobals) {
  ExpectSameAsNode(Runfile("tests/node_parity/globals.mjs"), {"one", "two", "three"});
}

// Issue #13: npm's readable-stream and string_decoder, built in as Node's
// stream, stream/promises and string_decoder, on toysnap's own events, Buffer,
// process.nextTick and AbortController: paused and flowing Readables, async
// iteration, object mode, Readable.from, backpressure and 'drain', final,
// destroy and errors, Duplex, Transform, PassThrough, pipeline and finished
// (callbacks and promises, errors, abort signals), split UTF-8 / UTF-16 / base64.
TEST(NodeParityTest, StreamsAndStringDecoderBehaveAsNodes) {
  ExpectSameAsNode(Runfile("tests/node_parity/streams.mjs"), {});
}

// Streams, pipes, buffered chunks, a half-decoded character and abort
// listeners made at the top level (so at build time) carry on in main().
TEST(NodeParityTest, StreamsMadeAtBuildTimeCarryOnAfterRestore) {
  ExpectSameAsNode(Runfile("tests/node_parity/streams_restore.mjs"), {"a", "b"});
}

// A snapshot whose top level never loaded the stream builtins loads them in
// main(), after the restore.
TEST(NodeParityTest, StreamBuiltinsFirstLoadedAfterRestore) {
  ExpectSameAsNode(Runfile("tests/node_parity/streams_in_main.mjs"), {});
}

// The console fixture's objects are created at build time and printed after
// restore: Maps, class instances, typed arrays and the rest must survive intact.
// Issue #13: worker_threads. From a snapshot, a worker whose file is not in
// the snapshot restores from it; this file as a worker bootstraps fresh.
TEST(NodeParityTest, WorkerThreadsAsNodes) {
  ExpectSameAsNode(Runfile("tests/node_parity/workers.mjs"), {});
}

TEST(NodeParityTest, ConsoleFormattingOfEveryFixtureCase) {
  std::string dir = MakeTempDir();
  std::string entry = dir + "/console_cases.mjs";
  WriteTextFile(entry, ReadTextFile(Runfile("tests/console_compat/console_cases.js")) + R"(
const cases = makeCases();
export function main() {
  for (const c of cases) {
    if (Array.isArray(c)) console.log(...c);
    else console.dir(c.value, c.options);
  }
})");
  ExpectSameAsNode(entry, {});
}

// Issue #13: process.stdout and stderr are streams, written at once, in
// order with console.log, on a pipe and on a file.
TEST(NodeParityTest, StdoutWritesOnAPipe) {
  ExpectSameAsNode(Runfile("tests/node_parity/stdout_writes.mjs"), {});
}

TEST(NodeParityTest, StdoutManyLinesLoseNothing) {
  ExpectSameAsNode(Runfile("tests/node_parity/stdout_many.mjs"), {});
}

TEST(NodeParityTest, StdoutWritesOnAFile) {
  ProcessIo io;
  io.stdout_path = "file";  // each run gets a file of its own
  ExpectSameAsNode(Runfile("tests/node_parity/stdout_writes.mjs"), {}, {}, {}, io);
}

// Streams touched at the top level are made while the snapshot is built; kept
// ones keep writing after the restore.
TEST(NodeParityTest, StdioAndNetTouchedAtTheTopLevel) {
  ExpectSameAsNode(Runfile("tests/node_parity/stdio_top_level.mjs"), {});
}

// process.stdin read from a pipe (line by line, by async iteration), and
// from /dev/null, which Node reads as a file.
TEST(NodeParityTest, StdinFilterReadsLinesFromAPipe) {
  ProcessIo io;
  io.pipe_stdin = true;
  io.stdin_text = "alpha\nbeta\n\ngamma delta\nlast line without newline";
  ExpectSameAsNode(Runfile("tests/node_parity/stdin_lines.mjs"), {}, {}, {}, io);
  ExpectSameAsNode(Runfile("tests/node_parity/stdin_lines.mjs"), {});
}

TEST(NodeParityTest, StdinOnceDataThenPause) {
  ProcessIo io;
  io.pipe_stdin = true;
  io.stdin_text = "first line\nsecond line\n";
  ExpectSameAsNode(Runfile("tests/node_parity/stdin_once.mjs"), {}, {}, {}, io);
}

TEST(NodeParityTest, StdinByAsyncIteration) {
  ProcessIo io;
  io.pipe_stdin = true;
  io.stdin_text = std::string(200000, 'a') + " the quick brown\nfox jumps";
  ExpectSameAsNode(Runfile("tests/node_parity/stdin_iterate.mjs"), {}, {}, {}, io);
}

// Issue #13: net's TCP server and client in one process, a unix socket,
// and net's errors (codes, messages, properties).
TEST(NodeParityTest, NetTcpEchoOnAnEphemeralPort) {
  ExpectSameAsNode(Runfile("tests/node_parity/net_echo.mjs"), {});
}

// A socket's path must fit in sockaddr_un (108 bytes): not under TEST_TMPDIR.
TEST(NodeParityTest, NetUnixSocket) {
  char dir[] = "/tmp/toysnap-net-XXXXXX";
  ASSERT_NE(mkdtemp(dir), nullptr);
  std::string path = std::string(dir) + "/server.sock";
  ExpectSameAsNode(Runfile("tests/node_parity/net_unix.mjs"), {path});
  unlink(path.c_str());
  rmdir(dir);
}

TEST(NodeParityTest, NetTimeoutsRefAndDefaults) {
  ExpectSameAsNode(Runfile("tests/node_parity/net_timeout_ref.mjs"), {});
}

TEST(NodeParityTest, NetAutoSelectFamily) {
  ExpectSameAsNode(Runfile("tests/node_parity/net_auto_select.mjs"), {});
}

TEST(NodeParityTest, NetErrors) {
  ExpectSameAsNode(Runfile("tests/node_parity/net_errors.mjs"), {});
}

TEST(NodeParityTest, DnsLookup) {
  ExpectSameAsNode(Runfile("tests/node_parity/dns_lookup.mjs"), {});
}

// `program | head -1`: console.log ignores EPIPE, process.stdout reports it
// as an 'error' event, or, with no listener, the process fails (exit 1).
TEST(NodeParityTest, StdoutToAPipeClosedEarly) {
  std::string dir = MakeTempDir();
  std::string entry = Runfile("tests/node_parity/stdout_epipe.mjs");
  std::string runner = dir + "/runner.mjs";
  WriteTextFile(runner, absl::StrCat("const { main } = await import('file://", entry, "');\n",
                                     "setTimeout(() => main(process.argv.slice(2)), 0);\n"));
  auto piped = [&](const std::string& command) {
    return RunProcess({"/bin/bash", "-c", command + " | head -1; echo \"exit ${PIPESTATUS[0]}\""},
                      dir);
  };
  for (const char* mode : {"console", "listener", "none"}) {
    SCOPED_TRACE(mode);
    ProcessResult node = piped(absl::StrCat(NodeBinary(), " ", runner, " ", mode));
    ProcessResult toysnap =
        piped(absl::StrCat(Runfile("tools/toysnap"), " run ", entry, " ", mode));
    EXPECT_EQ(toysnap.out, node.out);
    if (std::string(mode) == "none") {
      EXPECT_THAT(node.out, ::testing::HasSubstr("exit 1"));
      EXPECT_THAT(toysnap.err, ::testing::HasSubstr("Error: write EPIPE"));
    } else {
      EXPECT_EQ(toysnap.err, node.err);
    }
  }
}

// On a terminal (a pseudo-terminal from script(1), 123x45): tty streams.
TEST(NodeParityTest, StdioOnATerminal) {
  const char* script = "/usr/bin/script";
  if (access(script, X_OK) != 0) GTEST_SKIP() << "no script(1) for a pseudo-terminal";
  std::string dir = MakeTempDir();
  std::string entry = Runfile("tests/node_parity/tty_stdio.mjs");
  std::string runner = dir + "/runner.mjs";
  WriteTextFile(runner, absl::StrCat("const { main } = await import('file://", entry, "');\n",
                                     "setTimeout(() => main(process.argv.slice(2)), 0);\n"));
  auto on_tty = [&](const std::string& command) {
    return RunProcess({script, "-qec", "stty cols 123 rows 45; " + command, "/dev/null"}, dir,
                      {{"TERM", "xterm"}});
  };
  ProcessResult node = on_tty(absl::StrCat(NodeBinary(), " ", runner));
  ASSERT_EQ(node.exit_code, 0) << node.err;
  ASSERT_THAT(node.out, ::testing::HasSubstr("\"size\":[123,45,[123,45]]"));
  std::string toysnap = Runfile("tools/toysnap");
  ProcessResult build = RunProcess({toysnap, "build", entry, "-o", dir + "/app.snap"}, dir);
  ASSERT_EQ(build.exit_code, 0) << build.err;
  for (const std::string& file : {entry, dir + "/app.snap"}) {
    SCOPED_TRACE(file);
    ProcessResult actual = on_tty(absl::StrCat(toysnap, " run ", file));
    EXPECT_EQ(actual.out, node.out);
    EXPECT_EQ(actual.exit_code, 0);
  }
}

// Issue #13: Node 20's assert (runtime/js/assert*.js): every failure's message,
// generatedMessage, operator and code; loose vs strict deep equality;
// throws/rejects/doesNotThrow/doesNotReject with each kind of expectation.
TEST(NodeParityTest, AssertBehavesAsNodes) {
  ExpectSameAsNode(Runfile("tests/node_parity/assert.mjs"), {});
}

// readline and readline/promises over PassThroughs and a file's bytes: lines,
// question/prompt output, events, async iteration, cursor helpers, keypresses.
TEST(NodeParityTest, ReadlineBehavesAsNodes) {
  ExpectSameAsNode(Runfile("tests/node_parity/readline.mjs"), {});
}

// timers/promises: resolution order, the interval iterator, scheduler, and
// AbortError / ERR_INVALID_ARG_TYPE failures.
TEST(NodeParityTest, TimersPromisesBehaveAsNodes) {
  ExpectSameAsNode(Runfile("tests/node_parity/timers_promises.mjs"), {});
}

// fs.createReadStream/createWriteStream and filehandle.createReadStream:
// events, ranges, appends, pipes, readline over a file, errors.
TEST(NodeParityTest, FsStreamsBehaveAsNodes) {
  ExpectSameAsNode(Runfile("tests/node_parity/fs_streams_edges.mjs"), {});
}

// 'uncaughtException' and its monitor for errors thrown by timer, interval,
// immediate and nextTick callbacks.
TEST(NodeParityTest, UncaughtExceptionListenersHandleCallbackErrors) {
  ExpectSameAsNode(Runfile("tests/node_parity/uncaught.mjs"), {});
}

// util.types on V8's own predicates and the intrinsics' brand checks.
TEST(NodeParityTest, UtilTypesBehaveAsNodes) {
  ExpectSameAsNode(Runfile("tests/node_parity/util_types.mjs"), {});
}

// The encoding argument of string writes, as Node's binding reads it.
TEST(NodeParityTest, FsStringWriteEncodingsAsNodes) {
  ExpectSameAsNode(Runfile("tests/node_parity/fs_write_encodings.mjs"), {});
}

// Node's Timeout field names (_idleTimeout, _onTimeout), read and written.
TEST(NodeParityTest, TimeoutLegacyFieldsAsNodes) {
  ExpectSameAsNode(Runfile("tests/node_parity/timers_legacy_fields.mjs"), {});
}

// Warnings print "(node:PID) ..." under both, and the first one a "(Use
// `ARGV0 --trace-warnings ...`" hint naming the executable ("node", "toysnap").
// Stdout must match exactly, stderr once pids and that hint are taken out.
std::string WithoutWarningPids(const std::string& err) {
  std::string out = std::regex_replace(err, std::regex("\\(node:[0-9]+\\) "), "(node:PID) ");
  return std::regex_replace(out, std::regex("\\(Use `[^ `]+ --trace-[a-z]+ \\.\\.\\.`[^\n]*\n"), "");
}

TEST(NodeParityTest, ProcessOsUtilDetailsOfNodesOwnTests) {
  std::string entry = Runfile("tests/node_parity/process_node_gaps.mjs");
  std::string dir = MakeTempDir();
  std::string runner = dir + "/runner.mjs";
  WriteTextFile(runner, absl::StrCat("const { main } = await import('file://", entry, "');\n",
                                     "setTimeout(() => main(process.argv.slice(2)), 0);\n"));
  ProcessResult expected = RunProcess({NodeBinary(), runner}, dir);
  ASSERT_EQ(expected.exit_code, 0) << expected.err;
  std::string toysnap = Runfile("tools/toysnap");
  ProcessResult build = RunProcess({toysnap, "build", entry, "-o", dir + "/app.snap"}, dir);
  ASSERT_EQ(build.exit_code, 0) << build.err;
  for (const std::string& file : {entry, dir + "/app.snap"}) {
    SCOPED_TRACE(file);
    ProcessResult actual = RunProcess({toysnap, "run", file}, dir);
    EXPECT_EQ(actual.out, expected.out);
    EXPECT_EQ(WithoutWarningPids(actual.err), WithoutWarningPids(expected.err));
    EXPECT_EQ(actual.exit_code, 0);
  }
}

}  // namespace
}  // namespace toysnap
