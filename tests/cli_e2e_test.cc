// End-to-end: the toysnap CLI builds, inspects and runs snapshots and sources,
// and refuses bad input with a message and a clean exit code.
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "snapshot/base/checksum.h"
#include "tests/cli_fixture.h"
#include "tests/process_runner.h"

namespace toysnap {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;
using toysnap::testing::ExpectRefused;
using toysnap::testing::FileExists;
using toysnap::testing::ProcessResult;
using toysnap::testing::ReadTextFile;
using toysnap::testing::RunProcess;
using toysnap::testing::Runfile;
using toysnap::testing::WriteTextFile;

using CliTest = toysnap::testing::CliFixture;

TEST_F(CliTest, HelloFromSnapshotAndFromSourcePrintTheSame) {
  std::string hello = Runfile("examples/hello/main.js");
  std::string snap = Build(hello, "hello.snap");
  ProcessResult restored = Toysnap({"run", snap, "a", "b"});
  ASSERT_EQ(restored.exit_code, 0) << restored.err;
  EXPECT_THAT(restored.out, HasSubstr("hello, a and b!\n"));
  EXPECT_THAT(restored.out, HasSubstr("squares computed at build time: [\n   0,  1,  4,  9, 16,\n  25, 36, 49, 64, 81\n]\n"));
  ProcessResult source = Toysnap({"run", hello, "a", "b"});
  ASSERT_EQ(source.exit_code, 0) << source.err;
  EXPECT_EQ(restored.out, source.out);
  EXPECT_EQ(restored.err, source.err);
}

// zstd is not the default, so it gets its own end-to-end restore, compared with
// the uncompressed snapshot of the same program.
TEST_F(CliTest, ZstdSnapshotsRestoreAndRunLikeUncompressedOnes) {
  std::string hello = Runfile("examples/hello/main.js");
  std::string plain = Build(hello, "plain.snap");
  ProcessResult build =
      Toysnap({"build", hello, "-o", Path("zstd.snap"), "--compression=zstd", "--level=9"});
  ASSERT_EQ(build.exit_code, 0) << build.err;
  ProcessResult info = Toysnap({"info", Path("zstd.snap")});
  EXPECT_THAT(info.out, HasSubstr("compression:         zstd (level 9)"));
  EXPECT_LT(ReadTextFile(Path("zstd.snap")).size(), ReadTextFile(plain).size() / 2);
  ProcessResult zstd = Toysnap({"run", Path("zstd.snap"), "a", "b"});
  ProcessResult uncompressed = Toysnap({"run", plain, "a", "b"});
  ASSERT_EQ(zstd.exit_code, 0) << zstd.err;
  EXPECT_THAT(zstd.out, HasSubstr("hello, a and b!\n"));
  EXPECT_EQ(zstd.out, uncompressed.out);
  EXPECT_EQ(zstd.err, uncompressed.err);
}

// `toysnap run app | head -1` ends like Node: the closed pipe is no crash
// (SIGPIPE, exit 141); the program finishes and exits 0.
TEST_F(CliTest, AClosedStdoutPipeEndsNoProgramBySignal) {
  std::string app = Write("many.mjs",
                          "export function main() {\n"
                          "  for (let i = 0; i < 100000; i++) console.log('line', i);\n"
                          "  console.error('finished');\n"
                          "}\n");
  std::string snap = Build(app, "many.snap");
  for (const std::string& file : {app, snap}) {
    SCOPED_TRACE(file);
    ProcessResult piped = RunProcess(
        {"/bin/bash", "-c",
         absl::StrCat("'", Runfile("tools/toysnap"), "' run '", file,
                      "' | head -1; exit ${PIPESTATUS[0]}")},
        dir_);
    EXPECT_EQ(piped.signal, 0);
    EXPECT_EQ(piped.exit_code, 0) << piped.err;
    EXPECT_EQ(piped.out, "line 0\n");
    EXPECT_EQ(piped.err, "finished\n");
  }
}

// Under --permission, net's listen and connect need --allow-net for the
// address: denied with ERR_ACCESS_DENIED as the socket's or server's
// 'error', allowed for the granted host.
TEST_F(CliTest, NetNeedsAllowNetUnderThePermissionModel) {
  std::string app = Write("net.mjs", R"(import net from 'node:net';
export function main() {
  const show = (e) => console.log(e.code, e.permission, e.resource);
  net.createServer().listen(0, '0.0.0.0').on('error', show);
  net.connect(9, '10.0.0.1').on('error', show);
  net.connect('/tmp/toysnap-no.sock').on('error', show);
  const server = net.createServer((s) => s.end('ok')).listen(0, '127.0.0.1', () => {
    net.connect(server.address().port, '127.0.0.1').on('data', (d) => {
      console.log('granted', String(d));
      server.close();
    });
  });
}
)");
  ProcessResult run =
      Toysnap({"run", "--permission", "--allow-fs-read=*", "--allow-net=127.0.0.1", app});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out,
            "ERR_ACCESS_DENIED Net /tmp/toysnap-no.sock\nERR_ACCESS_DENIED Net 0.0.0.0:0\n"
            "ERR_ACCESS_DENIED Net 10.0.0.1:9\ngranted ok\n");
}

TEST_F(CliTest, StateComputedAtBuildTimeSurvivesAndSourcesAreNotNeeded) {
  Write("lib.js", "export let counter = 0;\nexport function bump() { return ++counter; }\n");
  std::string main = Write("main.js", R"(import { bump, counter } from './lib.js';
bump(); bump();
console.log('building', counter);
export async function main(args) {
  await new Promise((resolve) => setTimeout(resolve, 5));
  console.log('counter', bump(), 'args', JSON.stringify(args), process.argv.length);
})");
  ProcessResult build = Toysnap({"build", main, "-o", Path("app.snap")});
  ASSERT_EQ(build.exit_code, 0) << build.err;
  EXPECT_EQ(build.out, "building 2\n");  // console output during the build reaches the terminal
  ASSERT_EQ(std::remove(Path("lib.js").c_str()), 0);
  ASSERT_EQ(std::remove(main.c_str()), 0);
  for (int i = 0; i < 2; ++i) {  // every run starts from the same warm heap
    ProcessResult run = Toysnap({"run", Path("app.snap"), "x", "--y"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.out, "counter 3 args [\"x\",\"--y\"] 4\n");
  }
}

// warmup() runs at build (its work lands in the snapshot) and, from source, at
// the same point before main; never at restore.
TEST_F(CliTest, WarmUpRunsAtBuildNotAtRestore) {
  std::string main = Write("main.js", R"(const seen = [];
export async function warmup() {
  await null;
  seen.push('warm');
  console.log('warming up');
}
export function main() { console.log('main sees', seen.join()); })");
  ProcessResult build = Toysnap({"build", main, "-o", Path("app.snap")});
  ASSERT_EQ(build.exit_code, 0) << build.err;
  EXPECT_EQ(build.out, "warming up\n");
  EXPECT_THAT(build.err, HasSubstr("ran warmup() and drained the event loop"));
  ProcessResult restored = Toysnap({"run", Path("app.snap")});
  ASSERT_EQ(restored.exit_code, 0) << restored.err;
  EXPECT_EQ(restored.out, "main sees warm\n");
  ProcessResult source = Toysnap({"run", main});
  ASSERT_EQ(source.exit_code, 0) << source.err;
  EXPECT_EQ(source.out, "warming up\nmain sees warm\n");

  std::string failing = Write("fail.js", "export function warmup() {\n  null.x;\n}\n");
  ProcessResult failed = Toysnap({"build", failing, "-o", Path("fail.snap")});
  ExpectRefused(failed, failing + ":2:8");
  EXPECT_FALSE(FileExists(Path("fail.snap")));
}

// V8 has no WebAssembly, SharedArrayBuffer or Atomics while it builds a
// snapshot. A program that reads one at build time gets an error that says so
// and points at the line, and no file; from source it runs. One that uses them
// in main() prints the same from source and from its snapshot.
TEST_F(CliTest, WebAssemblyAndAtomicsAtBuildTimeFailClearlyAndWorkInMain) {
  std::string top = Write("top.js",
                          "export function main() { console.log(shared.byteLength); }\n"
                          "const shared = new SharedArrayBuffer(8);\n");
  ProcessResult failed = Toysnap({"build", top, "-o", Path("top.snap")});
  ExpectRefused(failed, "SharedArrayBuffer is not available while building a snapshot");
  EXPECT_THAT(failed.err, HasSubstr(top + ":2:16"));
  EXPECT_THAT(failed.err, HasSubstr("use it in main()"));
  EXPECT_FALSE(FileExists(Path("top.snap")));
  ProcessResult top_source = Toysnap({"run", top});
  ASSERT_EQ(top_source.exit_code, 0) << top_source.err;
  EXPECT_EQ(top_source.out, "8\n");

  std::string main = Write("main.js", R"(console.log('at build', 'WebAssembly' in globalThis);
export function main() {
  const bytes = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 7, 1, 96, 2, 127, 127, 1, 127, 3,
    2, 1, 0, 7, 7, 1, 3, 97, 100, 100, 0, 0, 10, 9, 1, 7, 0, 32, 0, 32, 1, 106, 11]);
  const { add } = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports;
  const view = new Int32Array(new SharedArrayBuffer(4));
  Atomics.store(view, 0, 40);
  console.log(typeof WebAssembly, typeof SharedArrayBuffer, typeof Atomics, add(Atomics.load(view, 0), 2));
})");
  ProcessResult build = Toysnap({"build", main, "-o", Path("app.snap")});
  ASSERT_EQ(build.exit_code, 0) << build.err;
  EXPECT_EQ(build.out, "at build true\n");
  ProcessResult restored = Toysnap({"run", Path("app.snap")});
  ASSERT_EQ(restored.exit_code, 0) << restored.err;
  EXPECT_EQ(restored.out, "object function object 42\n");
  ProcessResult source = Toysnap({"run", main});
  ASSERT_EQ(source.exit_code, 0) << source.err;
  EXPECT_EQ(source.out, "at build true\nobject function object 42\n");
}

TEST_F(CliTest, InfoPrintsEveryHeaderFieldAndTheModules) {
  Write("lib.js", "export const x = 1;\n");
  std::string snap = Build(Write("main.js", "import { x } from './lib.js';\nexport const main = () => x;\n"));
  ProcessResult info = Toysnap({"info", snap});
  ASSERT_EQ(info.exit_code, 0) << info.err;
  for (const char* field :
       {"format version:      2", "toysnap version:     0.1.0", "V8 version:          10.2.",
        "V8 flags:", "external references: fingerprint", "compression:         none",
        "size raw:", "size stored:", "header checksum:", "body checksum:", "ok",
        "compatible:          yes", "has main():          yes", "modules (2):",
        "sources (0, 0 bytes, after the blob):",
        "extensions (31):\n  core         version 1, ", "\n  fs           version 1, ",
        "\n  net          version 1, ", "\n  dns          version 1, ",
        "\n  worker_threads version 1, ", "\n  child_process version 1, ",
        "\n  assert       version 1, ", "\n  readline     version 1, ",
        "\n  test_runner  version 1, "}) {
    EXPECT_THAT(info.out, HasSubstr(field));
  }
  EXPECT_THAT(info.out, HasSubstr(Path("lib.js")));
  ProcessResult plain = Toysnap({"build", Path("main.js"), "-o", Path("plain.snap"),
                                 "--compression=none"});
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_THAT(Toysnap({"info", Path("plain.snap")}).out, HasSubstr("compression:         none"));
  EXPECT_EQ(Toysnap({"run", Path("plain.snap")}).exit_code, 0);
}

TEST_F(CliTest, DamagedSnapshotsAreRefusedNeverCrash) {
  std::string snap = Build(Write("main.js", "export function main() { console.log('ok'); }\n"));
  std::string good = ReadTextFile(snap);
  ASSERT_GT(good.size(), 1000u);
  // Truncations at the header, metadata and payload.
  for (size_t size : {size_t{0}, size_t{7}, size_t{100}, size_t{159}, size_t{161}, size_t{400},
                      good.size() / 2, good.size() - 1}) {
    WriteTextFile(Path("cut.snap"), good.substr(0, size));
    ProcessResult run = Toysnap({"run", Path("cut.snap")});
    SCOPED_TRACE(size);
    ExpectRefused(run, "snapshot rejected");
    EXPECT_THAT(run.err, HasSubstr(Path("cut.snap")));
  }
  // Single bit flips spread over the file.
  for (size_t offset = 0; offset < good.size(); offset += good.size() / 37 + 1) {
    std::string bad = good;
    bad[offset] ^= 0x10;
    WriteTextFile(Path("flip.snap"), bad);
    SCOPED_TRACE(offset);
    ExpectRefused(Toysnap({"run", Path("flip.snap")}), "snapshot rejected");
  }
  EXPECT_EQ(Toysnap({"run", snap}).out, "ok\n");  // the original still works
}

TEST_F(CliTest, ForeignAndMissingFilesAreRefused) {
  WriteTextFile(Path("foreign.snap"), "PK\x03\x04 this is a zip file, not a snapshot");
  ProcessResult foreign = Toysnap({"run", Path("foreign.snap")});
  ExpectRefused(foreign, "not a toysnap snapshot");
  ExpectRefused(Toysnap({"info", Path("foreign.snap")}), "not a toysnap snapshot");
  ExpectRefused(Toysnap({"run", Path("missing.snap")}), "missing.snap");
  ExpectRefused(Toysnap({"run", dir_}), dir_);
}

TEST_F(CliTest, UsageErrorsExitWithTwo) {
  for (std::vector<std::string> args : std::vector<std::vector<std::string>>{
           {}, {"bogus"}, {"build", "x.js"}, {"run"}, {"build", "x.js", "-o", "y", "--nope"}}) {
    ProcessResult result = Toysnap(args);
    EXPECT_EQ(result.exit_code, 2) << result.err;
    EXPECT_THAT(result.err, HasSubstr("usage: toysnap"));
  }
  ProcessResult help = Toysnap({"--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_THAT(help.out, HasSubstr("usage: toysnap"));
  ProcessResult version = Toysnap({"--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_THAT(version.out, AllOf(HasSubstr("toysnap 0.1.0"), HasSubstr("V8 10.2.154")));
}

TEST_F(CliTest, UncaughtErrorsNameFileLineColumnEvenAfterRestore) {
  std::string main = Write("main.js", R"(export function main(args) {
  helper(args);
}
function helper(args) {
  if (args.length > 0) throw new RangeError('bad argument ' + args[0]);
})");
  std::string snap = Build(main);
  for (const std::string& file : {snap, main}) {
    ProcessResult run = Toysnap({"run", file, "zz"});
    SCOPED_TRACE(file);
    ExpectRefused(run, Path("main.js") + ":5:24");
    EXPECT_THAT(run.err, HasSubstr("RangeError: bad argument zz"));
    EXPECT_THAT(run.err, HasSubstr("at helper (file://" + Path("main.js") + ":5:30)"));
    EXPECT_THAT(run.err, HasSubstr("at main (file://" + Path("main.js") + ":2:3)"));
    EXPECT_EQ(Toysnap({"run", file}).exit_code, 0);
  }
}

// Node reports an uncaught error as util.inspect shows it: its stack, then its
// own properties (an fs error's errno, code, syscall and path).
TEST_F(CliTest, UncaughtErrorsShowTheirOwnPropertiesAsNodeDoes) {
  std::string main = Write("main.js", R"(import fs from 'node:fs';
export function main(args) {
  if (args[0] === 'fs') fs.readFileSync('/nonexistent/x');
  throw Object.assign(new Error('custom'), { code: 'E_CUSTOM', detail: [1, 'two'] });
})");
  std::string snap = Build(main);
  for (const std::string& file : {snap, main}) {
    SCOPED_TRACE(file);
    ProcessResult fs = Toysnap({"run", file, "fs"});
    ExpectRefused(fs, "Error: ENOENT: no such file or directory, open '/nonexistent/x'\n");
    EXPECT_THAT(fs.err, HasSubstr(":3:28) {\n  errno: -2,\n  code: 'ENOENT',\n  syscall: 'open',\n"
                                  "  path: '/nonexistent/x'\n}\n"));
    ProcessResult custom = Toysnap({"run", file});
    ExpectRefused(custom, ":4:23) {\n  code: 'E_CUSTOM',\n  detail: [ 1, 'two' ]\n}\n");
  }
}

// `toysnap FILE.js ARGS...` runs a script as `node FILE.js ARGS...` does:
// process.argv set before its top level, .js CommonJS unless package.json
// says "module", no main(); programs (and Node's tests) that start
// process.execPath with a script get a toysnap running it.
TEST_F(CliTest, ScriptsRunAsNodeRunsThem) {
  std::string script = Write("tool.js", R"('use strict';
const { spawnSync } = require('child_process');
if (process.argv[2] === 'child') {
  console.log('child', process.argv.slice(3).join(','), require.main === undefined);
  process.exitCode = 3;
} else {
  const child = spawnSync(process.execPath, [__filename, 'child', 'a', 'b'], { encoding: 'utf8' });
  console.log('parent got', JSON.stringify(child.stdout), child.status,
              process.argv[0] === process.execPath, process.argv[1] === __filename);
}
)");
  ProcessResult parent = Toysnap({script});
  EXPECT_EQ(parent.exit_code, 0) << parent.err;
  EXPECT_EQ(parent.out, "parent got \"child a,b true\\n\" 3 true true\n");
  Write("package.json", R"({"type": "module"})");
  std::string esm = Write("esm.js", "console.log(typeof require, process.argv.slice(2));\n"
                                    "export function main() { console.log('not called'); }\n");
  ProcessResult module = Toysnap({esm, "x"});
  EXPECT_EQ(module.exit_code, 0) << module.err;
  EXPECT_EQ(module.out, "undefined [ 'x' ]\n");
  ProcessResult missing = Toysnap({Path("missing.js")});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_THAT(missing.err, HasSubstr("missing.js"));
}

TEST_F(CliTest, FailedBuildsWriteNothing) {
  WriteTextFile(Path("app.snap"), "previous contents");
  Write("syntax.js", "export function main() {\n  let x = ;\n}\n");
  ProcessResult syntax = Toysnap({"build", Path("syntax.js"), "-o", Path("app.snap")});
  ExpectRefused(syntax, Path("syntax.js") + ":2:11");
  EXPECT_THAT(syntax.err, HasSubstr("SyntaxError: Unexpected token ';'"));
  EXPECT_EQ(ReadTextFile(Path("app.snap")), "previous contents");

  Write("throws.js", "throw new Error('no snapshot for you');\n");
  ProcessResult thrown = Toysnap({"build", Path("throws.js"), "-o", Path("new.snap")});
  ExpectRefused(thrown, "Error: no snapshot for you");
  EXPECT_THAT(thrown.err, HasSubstr(Path("throws.js") + ":1:7"));
  EXPECT_FALSE(FileExists(Path("new.snap")));

  Write("imports.js", "import './nowhere.js';\n");
  ProcessResult missing = Toysnap({"build", Path("imports.js"), "-o", Path("new.snap")});
  ExpectRefused(missing, Path("imports.js") + ":1:8: cannot resolve './nowhere.js'");
  EXPECT_FALSE(FileExists(Path("new.snap")));

  Write("ok.js", "export function main() {}\n");
  ProcessResult unwritable = Toysnap({"build", Path("ok.js"), "-o", Path("no/such/dir/x.snap")});
  ExpectRefused(unwritable, Path("no/such/dir/x.snap"));
}

TEST_F(CliTest, ModulesWithoutMainWarnAtBuildAndOnlyRestore) {
  std::string snap = Build(Write("plain.js", "console.log('evaluated once');\n"));
  ProcessResult build = Toysnap({"build", Path("plain.js"), "-o", snap, "--force"});
  EXPECT_THAT(build.err, HasSubstr("exports no main function"));
  ProcessResult run = Toysnap({"run", snap});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "");
}

TEST_F(CliTest, BuildSeesOnlyTheEnvironmentItIsGivenRunSeesAll) {
  std::string main = Write("env.js", R"(const atBuild = { ...process.env };
export function main() {
  console.log('build', JSON.stringify(atBuild));
  console.log('run', process.env.TOYSNAP_SECRET, process.env.TOYSNAP_PUBLIC);
})");
  std::map<std::string, std::string> env = {{"TOYSNAP_SECRET", "s3cret"},
                                            {"TOYSNAP_PUBLIC", "shared"}};
  ProcessResult build =
      Toysnap({"build", main, "-o", Path("env.snap"), "--env", "TOYSNAP_PUBLIC"}, env);
  ASSERT_EQ(build.exit_code, 0) << build.err;
  EXPECT_THAT(ReadTextFile(Path("env.snap")), Not(HasSubstr("s3cret")));
  ProcessResult run = Toysnap({"run", Path("env.snap")}, {{"TOYSNAP_SECRET", "at-run"}});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "build {\"TOYSNAP_PUBLIC\":\"shared\"}\nrun at-run undefined\n");
}

TEST_F(CliTest, LimitsEndRunawayProgramsCleanly) {
  std::string main = Write("runaway.js", R"(export function main(args) {
  if (args[0] === 'spin') for (;;) {}
  const keep = [];
  for (;;) keep.push(new Array(1e5).fill(keep.length));
})");
  ProcessResult spin = Toysnap({"run", "--timeout-ms=300", main, "spin"});
  ExpectRefused(spin, "timed out after 300 ms");
  ProcessResult heap = Toysnap({"run", "--max-heap-mb=64", main});
  ExpectRefused(heap, "heap limit of 64 MB reached");
  std::string snap = Build(main);
  ExpectRefused(Toysnap({"run", "--timeout-ms=300", snap, "spin"}), "timed out after 300 ms");
  ExpectRefused(Toysnap({"run", "--max-heap-mb=64", snap}), "heap limit of 64 MB reached");
  Write("bomb.js", "const keep = [];\nfor (;;) keep.push(new Array(1e5).fill(1));\n");
  ProcessResult build = Toysnap({"build", "--max-heap-mb=64", Path("bomb.js"), "-o", Path("b.snap")});
  ExpectRefused(build, "heap limit of 64 MB reached");
  EXPECT_FALSE(FileExists(Path("b.snap")));
}

TEST_F(CliTest, BuildsAreByteIdenticalAcrossDirectoriesWithAPathPrefixMap) {
  const std::string lib = "export const table = new Map([[1, 'one'], [2, 'two']]);\n";
  const std::string main =
      "import { table } from './lib.js';\nconst cache = {};\n"
      "for (let i = 0; i < 500; i++) cache['key' + i] = Math.random();\n"
      "export function main() { console.log(table.get(2)); }\n";
  std::vector<std::string> snapshots;
  for (const std::string& where : {"first", "second/deeper"}) {
    std::string dir = Path(where);
    ASSERT_EQ(RunProcess({"/bin/mkdir", "-p", dir}).exit_code, 0);
    WriteTextFile(dir + "/lib.js", lib);
    WriteTextFile(dir + "/main.js", main);
    WriteTextFile(dir + "/package.json", "{\"type\": \"module\"}\n");
    for (int i = 0; i < 2; ++i) {
      std::string out = absl::StrCat(Path(""), "/out", snapshots.size(), ".snap");
      ProcessResult build = RunProcess({Runfile("tools/toysnap"), "build", "main.js", "-o", out,
                                        "--path-prefix-map=.=/app", "-q"},
                                       dir);
      ASSERT_EQ(build.exit_code, 0) << build.err;
      snapshots.push_back(ReadTextFile(out));
    }
  }
  for (const std::string& snapshot : snapshots) EXPECT_TRUE(snapshot == snapshots[0]);
  ProcessResult info = Toysnap({"info", Path("out0.snap")});
  EXPECT_THAT(info.out, HasSubstr("  /app/lib.js"));
  EXPECT_EQ(Toysnap({"run", Path("out0.snap")}).out, "two\n");
}

TEST_F(CliTest, UnchangedBuildsAreSkippedAndAnyInputChangeRebuilds) {
  Write("package.json", "{\"type\": \"module\"}\n");
  Write("dep.js", "export const value = 'first';\n");
  ASSERT_EQ(RunProcess({"/bin/mkdir", "-p", Path("node_modules/pkg"), Path("app")}).exit_code, 0);
  Write("node_modules/pkg/index.js", "module.exports = 'outer pkg';\n");
  std::string main = Write("app/main.js",
                           "import { value } from '../dep.js';\nimport pkg from 'pkg';\n"
                           "export function main() { console.log(value, pkg); }\n");
  auto build = [&](std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"build", main, "-o", Path("app.snap")};
    args.insert(args.end(), extra.begin(), extra.end());
    ProcessResult result = Toysnap(args);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return result.err;
  };
  EXPECT_THAT(build(), Not(HasSubstr("up to date")));
  EXPECT_THAT(build(), HasSubstr("app.snap is up to date"));
  EXPECT_EQ(Toysnap({"run", Path("app.snap")}).out, "first outer pkg\n");

  Write("dep.js", "export const value = 'second';\n");  // an imported file changes
  EXPECT_THAT(build(), Not(HasSubstr("up to date")));
  EXPECT_EQ(Toysnap({"run", Path("app.snap")}).out, "second outer pkg\n");

  // A package appears where resolution looked first: the graph changes.
  ASSERT_EQ(RunProcess({"/bin/mkdir", "-p", Path("app/node_modules/pkg")}).exit_code, 0);
  Write("app/node_modules/pkg/index.js", "module.exports = 'inner pkg';\n");
  EXPECT_THAT(build(), Not(HasSubstr("up to date")));
  EXPECT_EQ(Toysnap({"run", Path("app.snap")}).out, "second inner pkg\n");

  EXPECT_THAT(build({"--level=9"}), Not(HasSubstr("up to date")));  // options count
  EXPECT_THAT(build({"--level=9"}), HasSubstr("up to date"));
  EXPECT_THAT(build({"--level=9", "--force"}), Not(HasSubstr("up to date")));
}

// Issue #13: what the program reads through fs at build time, or looks for
// (existsSync, statSync, a read of a missing file), is an input of the
// build: changing it rebuilds, as a changed module does.
TEST_F(CliTest, FilesFsReadsOrLooksForAtBuildTimeAreInputs) {
  Write("data.txt", "one\n");
  std::string main = Write("main.mjs", R"(import fs from 'node:fs';
import fsp from 'node:fs/promises';
const at = (name) => new URL(name, import.meta.url);
const data = fs.readFileSync(at('./data.txt'), 'utf8').trim();
const more = await fsp.readFile(at('./more.txt'), 'utf8').catch((e) => e.code);
const flag = fs.existsSync(at('./flag'));
const sub = fs.statSync(at('./sub'), { throwIfNoEntry: false })?.isDirectory() ?? 'missing';
export function main() { console.log(data, more.trim(), flag, sub); })");
  auto build = [&]() -> std::string {
    ProcessResult result = Toysnap({"build", main, "-o", Path("app.snap")});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return absl::StrContains(result.err, "up to date") ? "skipped" : "built";
  };
  auto run = [&]() { return Toysnap({"run", Path("app.snap")}).out; };
  EXPECT_EQ(build(), "built");
  EXPECT_EQ(build(), "skipped");
  EXPECT_EQ(run(), "one ENOENT false missing\n");
  Write("data.txt", "two\n");
  EXPECT_EQ(build(), "built");
  EXPECT_EQ(run(), "two ENOENT false missing\n");
  Write("more.txt", "more\n");
  EXPECT_EQ(build(), "built");
  Write("flag", "");
  EXPECT_EQ(build(), "built");
  ASSERT_EQ(mkdir(Path("sub").c_str(), 0755), 0);
  EXPECT_EQ(build(), "built");
  EXPECT_EQ(build(), "skipped");
  EXPECT_EQ(run(), "two more true true\n");
}

TEST_F(CliTest, HeapsV8CannotSerializeFailTheBuildCleanly) {
  Write("intl.mjs", "const format = new Intl.NumberFormat('en-US');\n"
                    "export function main() { console.log(format.format(1234.5)); }\n");
  ProcessResult build = Toysnap({"build", Path("intl.mjs"), "-o", Path("intl.snap")});
  ExpectRefused(build, "V8 could not serialize the heap");
  EXPECT_THAT(build.err, HasSubstr("Create such objects in main() instead"));
  EXPECT_FALSE(FileExists(Path("intl.snap")));
  // Made in main(), the same formatter is fine.
  Write("late.mjs", "export function main() {\n"
                    "  console.log(new Intl.NumberFormat('en-US').format(1234.5));\n}\n");
  std::string snap = Build(Path("late.mjs"), "late.snap");
  EXPECT_EQ(Toysnap({"run", snap}).out, "1,234.5\n");
}

TEST_F(CliTest, ExitCodesFollowNode) {
  std::string exits = Write("exit.js", R"(export function main(args) {
  if (args[0] === 'exit') { console.log('before'); process.exit(3); console.log('after'); }
  if (args[0] === 'code') process.exitCode = 4;
  if (args[0] === 'reject') Promise.reject(new Error('nobody catches me'));
  if (args[0] === 'async') return Promise.reject(new TypeError('main failed'));
})");
  std::string snap = Build(exits);
  for (const std::string& file : {snap, exits}) {
    SCOPED_TRACE(file);
    ProcessResult exit = Toysnap({"run", file, "exit"});
    EXPECT_EQ(exit.exit_code, 3);
    EXPECT_EQ(exit.out, "before\n");
    EXPECT_EQ(Toysnap({"run", file, "code"}).exit_code, 4);
    ExpectRefused(Toysnap({"run", file, "reject"}), "Error: nobody catches me");
    ExpectRefused(Toysnap({"run", file, "async"}), "TypeError: main failed");
  }
}


// --- Bad input the tests above do not cover ---

// Starts `argv` in `cwd` with its output discarded, SIGKILLs it after `delay`
// and reaps it. True if the kill ended it (false: it had already exited).
bool KilledAfter(const std::vector<std::string>& argv, const std::string& cwd,
                 std::chrono::milliseconds delay) {
  pid_t pid = fork();
  if (pid == 0) {
    int null_fd = open("/dev/null", O_RDWR);
    dup2(null_fd, 0);
    dup2(null_fd, 1);
    dup2(null_fd, 2);
    if (chdir(cwd.c_str()) != 0) _exit(127);
    std::vector<char*> args;
    for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  std::this_thread::sleep_for(delay);
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
}

TEST_F(CliTest, SnapshotFromAnotherToysnapVersionAsksForARebuild) {
  std::string snap = Build(Write("main.js", "export function main() { console.log('ok'); }\n"));
  std::string file = ReadTextFile(snap);
  ASSERT_GT(file.size(), 160u);
  // toysnap_version: 32 NUL-padded bytes at offset 16, covered by the header
  // checksum (XXH3-64 of bytes [0, 136), stored at 136); the body checksum
  // covers only bytes [160, end), which stay as they are.
  const std::string other = "0.0.9";
  file.replace(16, 32, std::string(32, '\0'));
  file.replace(16, other.size(), other);
  uint64_t sum = Checksum64(absl::string_view(file).substr(0, 136));
  for (int i = 0; i < 8; ++i) file[136 + i] = static_cast<char>(sum >> (8 * i));
  WriteTextFile(Path("old.snap"), file);

  ProcessResult run = Toysnap({"run", Path("old.snap")});
  ExpectRefused(run, "snapshot rejected (toysnap-version-mismatch)");
  EXPECT_THAT(run.err, AllOf(HasSubstr("built by toysnap 0.0.9"),
                             HasSubstr("this is toysnap 0.1.0"), HasSubstr("rebuild it"),
                             HasSubstr(Path("old.snap"))));
  EXPECT_EQ(run.out, "");
}

TEST_F(CliTest, NonUtf8SourceDecodesToReplacementCharactersLikeNode) {
  // 0xff and 0xfe are never valid UTF-8; Node reads each as U+FFFD (EF BF BD).
  std::string entry = Write("latin1.js", "export function main() { console.log('a\xff\xfe" "b'); }\n");
  const std::string expected = "a\xef\xbf\xbd\xef\xbf\xbd" "b\n";
  ProcessResult from_source = Toysnap({"run", entry});
  EXPECT_EQ(from_source.exit_code, 0) << from_source.err;
  EXPECT_EQ(from_source.out, expected);
  ProcessResult restored = Toysnap({"run", Build(entry)});
  EXPECT_EQ(restored.exit_code, 0) << restored.err;
  EXPECT_EQ(restored.out, expected);
}

TEST_F(CliTest, OutputPathsThatCannotBeWrittenAreRefusedAndLeaveNothing) {
  std::string entry = Write("ok.js", "export function main() {}\n");
  ASSERT_EQ(mkdir(Path("adir").c_str(), 0755), 0);
  ProcessResult onto_dir = Toysnap({"build", entry, "-o", Path("adir")});
  ExpectRefused(onto_dir, "cannot replace " + Path("adir") + ": Is a directory");
  WriteTextFile(Path("afile"), "");
  ProcessResult under_file = Toysnap({"build", entry, "-o", Path("afile/x.snap")});
  ExpectRefused(under_file, Path("afile/x.snap") + ": Not a directory");
  // No temporary file stays behind next to either target.
  for (const auto& e : std::filesystem::directory_iterator(dir_)) {
    EXPECT_THAT(e.path().filename().string(), Not(HasSubstr(".tmp."))) << e.path();
  }
  EXPECT_TRUE(std::filesystem::is_empty(Path("adir")));
}

TEST_F(CliTest, KilledBuildsLeaveNoPartialOutput) {
  // Enough heap that serializing, compressing and writing take a while.
  std::string entry = Write("big.js",
                            "export const rows = [];\n"
                            "for (let i = 0; i < 300000; i++) rows.push({ i, s: 'row ' + i });\n"
                            "export function main() { console.log(rows.length); }\n");
  // Builds are reproducible, so a finished build elsewhere gives the only
  // bytes out/app.snap may ever hold.
  ASSERT_TRUE(std::filesystem::create_directory(Path("ref")));
  ASSERT_TRUE(std::filesystem::create_directory(Path("out")));
  const std::string expected = ReadTextFile(Build(entry, "ref/app.snap"));
  ASSERT_GT(expected.size(), 1u << 20);
  const std::vector<std::string> build = {Runfile("tools/toysnap"), "build", entry, "-o",
                                          Path("out/app.snap")};

  // After a killed build out/ holds nothing, or the complete app.snap when the
  // kill came after the rename; never a partial file nor a temporary one.
  // The complete file is removed so the next build does not skip as up to date.
  auto expect_no_partial_output = [&] {
    for (const auto& e : std::filesystem::directory_iterator(Path("out"))) {
      const std::string name = e.path().filename().string();
      EXPECT_EQ(name, "app.snap") << "left behind: " << e.path();
      if (name == "app.snap") {
        EXPECT_TRUE(ReadTextFile(e.path().string()) == expected) << "partial app.snap";
      }
      std::filesystem::remove(e.path());
    }
  };

  // 1. SIGKILL at increasing delays, until a build outruns the kill.
  bool finished = false;
  for (int ms = 0; ms < 20000 && !finished; ms += ms < 200 ? 25 : ms / 4) {
    SCOPED_TRACE(absl::StrCat("killed after ", ms, " ms"));
    finished = !KilledAfter(build, dir_, std::chrono::milliseconds(ms));
    if (!finished) expect_no_partial_output();
  }
  ASSERT_TRUE(finished) << "the build never finished";
  ProcessResult run = Toysnap({"run", Path("out/app.snap")});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "300000\n");
  expect_no_partial_output();

  // 2. Death inside the write itself, at 0, 1/4, 2/4, 3/4 of the bytes and one
  // byte short: the build runs under a file-size limit, so the kernel ends it
  // with SIGXFSZ exactly there, however fast the disk is.
  const off_t size = static_cast<off_t>(expected.size());
  for (off_t limit : {off_t{0}, size / 4, size / 2, size / 4 * 3, size - 1}) {
    SCOPED_TRACE(absl::StrCat("died with ", limit, " of ", size, " bytes written"));
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      int null_fd = open("/dev/null", O_RDWR);
      dup2(null_fd, 0);
      dup2(null_fd, 1);
      dup2(null_fd, 2);
      signal(SIGXFSZ, SIG_DFL);
      struct rlimit rl = {static_cast<rlim_t>(limit), static_cast<rlim_t>(limit)};
      if (setrlimit(RLIMIT_FSIZE, &rl) != 0) _exit(126);
      std::vector<char*> args;
      for (const std::string& arg : build) args.push_back(const_cast<char*>(arg.c_str()));
      args.push_back(nullptr);
      execv(args[0], args.data());
      _exit(127);
    }
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGXFSZ)
        << "the build was not stopped mid-write (status " << status << ")";
    expect_no_partial_output();
  }
}

}  // namespace
}  // namespace toysnap
