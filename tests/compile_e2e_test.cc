// End-to-end: `toysnap compile` writes one executable that runs like `toysnap run`
// from any directory, refuses damage with a message, and is never half-written.
#include <sys/stat.h>

#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/cli_fixture.h"
#include "tests/process_runner.h"

namespace toysnap {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using toysnap::testing::ExpectRefused;
using toysnap::testing::FileExists;
using toysnap::testing::MakeTempDir;
using toysnap::testing::ProcessResult;
using toysnap::testing::ReadTextFile;
using toysnap::testing::Runfile;
using toysnap::testing::RunProcess;
using toysnap::testing::WriteTextFile;

constexpr size_t kTrailerSize = 16;  // container size (u64) + "TSNAPEXE"

class CompileTest : public toysnap::testing::CliFixture {
 protected:
  // Writes `bytes` as an executable `name` in a fresh directory and runs it from
  // there, the way a user who copied it to another machine would.
  ProcessResult RunCopy(const std::string& bytes, const std::vector<std::string>& args,
                        const std::map<std::string, std::string>& env = {}) {
    const std::string name = "app";
    std::string elsewhere = MakeTempDir();
    std::string exe = elsewhere + "/" + name;
    WriteTextFile(exe, bytes);
    EXPECT_EQ(chmod(exe.c_str(), 0755), 0);
    std::vector<std::string> argv = {"./" + name};
    argv.insert(argv.end(), args.begin(), args.end());
    ProcessResult result = RunProcess(argv, elsewhere, env);
    EXPECT_THAT(result.err, Not(HasSubstr("error while loading shared libraries")))
        << "run tools/setup: it installs libnode.so.108 where compiled apps find it";
    return result;
  }

  // Compiles `entry` to `name` and builds the same snapshot beside it.
  void CompileAndBuild(const std::string& entry, const std::string& name) {
    ProcessResult compile = Toysnap({"compile", entry, "-o", Path(name), "-q"});
    ASSERT_EQ(compile.exit_code, 0) << compile.err;
    ProcessResult build = Toysnap({"build", entry, "-o", Path(name + ".snap"), "-q"});
    ASSERT_EQ(build.exit_code, 0) << build.err;
  }
};

TEST_F(CompileTest, CopiedAppRunsLikeToysnapRunAndGetsEveryArgument) {
  CompileAndBuild(Runfile("examples/hello/main.js"), "hello");
  std::string exe = ReadTextFile(Path("hello"));
  std::string snap = ReadTextFile(Path("hello.snap"));
  struct stat st;
  ASSERT_EQ(stat(Path("hello").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0755u);
  // The app is the CLI followed by the very snapshot `build` writes.
  ASSERT_GT(exe.size(), snap.size() + kTrailerSize);
  EXPECT_TRUE(exe.compare(exe.size() - kTrailerSize - snap.size(), snap.size(), snap) == 0);
  EXPECT_TRUE(absl::EndsWith(exe, "TSNAPEXE"));

  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"a", "b"}, {"--help"}, {}, {"run", "--version", "-o", "x"}}) {
    SCOPED_TRACE(args.empty() ? "(no arguments)" : args[0]);
    std::vector<std::string> run_args = {"run", Path("hello.snap")};
    run_args.insert(run_args.end(), args.begin(), args.end());
    ProcessResult expected = Toysnap(run_args);
    ASSERT_EQ(expected.exit_code, 0) << expected.err;
    ProcessResult app = RunCopy(exe, args);
    EXPECT_EQ(app.exit_code, 0) << app.err;
    EXPECT_EQ(app.out, expected.out);
    EXPECT_EQ(app.err, expected.err);
  }
  EXPECT_THAT(RunCopy(exe, {"--help"}).out, HasSubstr("hello, --help!"));
}

TEST_F(CompileTest, ArgumentsEnvironmentAndExitCodesMatchRun) {
  WriteTextFile(Path("main.js"), R"(export function main(args) {
  console.log(JSON.stringify(args), process.argv.length, process.env.COMPILE_TEST ?? 'unset');
  if (args[0] === 'exit') process.exit(3);
  if (args[0] === 'throw') throw new Error('app failed');
})");
  CompileAndBuild(Path("main.js"), "app");
  std::string exe = ReadTextFile(Path("app"));
  std::remove(Path("main.js").c_str());  // the app needs no sources
  ProcessResult plain = RunCopy(exe, {"x", "--timeout-ms=1"}, {{"COMPILE_TEST", "at-run"}});
  EXPECT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_EQ(plain.out, "[\"x\",\"--timeout-ms=1\"] 4 at-run\n");
  EXPECT_EQ(RunCopy(exe, {"exit"}).exit_code, 3);
  ProcessResult thrown = RunCopy(exe, {"throw"});
  ExpectRefused(thrown, "Error: app failed");
  EXPECT_EQ(thrown.err, Toysnap({"run", Path("app.snap"), "throw"}).err);
}

TEST_F(CompileTest, DamagedAppsAreRefusedNeverCrash) {
  CompileAndBuild(Runfile("examples/hello/main.js"), "hello");
  const std::string good = ReadTextFile(Path("hello"));
  const size_t container_size = ReadTextFile(Path("hello.snap")).size();
  const size_t container_start = good.size() - kTrailerSize - container_size;
  for (size_t cut : {size_t{1}, size_t{8}, size_t{16}, size_t{17}, kTrailerSize + 160,
                     kTrailerSize + container_size / 2, kTrailerSize + container_size - 1}) {
    SCOPED_TRACE(cut);
    ProcessResult run = RunCopy(good.substr(0, good.size() - cut), {"a"});
    ExpectRefused(run, "snapshot rejected");
    EXPECT_THAT(run.err, HasSubstr("./app"));
  }
  for (size_t offset = container_start; offset < good.size() - kTrailerSize;
       offset += container_size / 23 + 1) {
    SCOPED_TRACE(offset - container_start);
    std::string bad = good;
    bad[offset] ^= 0x10;
    ExpectRefused(RunCopy(bad, {"a"}), "snapshot rejected");
  }
  std::string bad_size = good;
  bad_size[good.size() - kTrailerSize] ^= 0x01;  // the trailer's container size
  ExpectRefused(RunCopy(bad_size, {}), "snapshot rejected (size-mismatch)");
  EXPECT_EQ(RunCopy(good, {}).exit_code, 0);
}

TEST_F(CompileTest, FailedCompilesWriteNothing) {
  WriteTextFile(Path("syntax.js"), "export function main() {\n  let x = ;\n}\n");
  ProcessResult syntax = Toysnap({"compile", Path("syntax.js"), "-o", Path("app")});
  ExpectRefused(syntax, Path("syntax.js") + ":2:11");
  EXPECT_FALSE(FileExists(Path("app")));
  WriteTextFile(Path("app"), "previous contents");
  ExpectRefused(Toysnap({"compile", Path("syntax.js"), "-o", Path("app")}), "SyntaxError");
  EXPECT_EQ(ReadTextFile(Path("app")), "previous contents");
  ProcessResult usage = Toysnap({"compile", Path("syntax.js")});
  EXPECT_EQ(usage.exit_code, 2);
  EXPECT_THAT(usage.err, HasSubstr("compile needs -o EXE"));
}

// --runtime: the app is a copy of the executable it names, not of the toysnap
// that compiled it (under Bazel, the runtime built for the target
// configuration). Any ELF image is copied as is, so /bin/true stands in for one.
TEST_F(CompileTest, RuntimeNamesTheExecutableTheAppIsACopyOf) {
  std::string hello = Runfile("examples/hello/main.js");
  ProcessResult compile =
      Toysnap({"compile", hello, "-o", Path("app"), "-q", "--runtime=/bin/true"});
  ASSERT_EQ(compile.exit_code, 0) << compile.err;
  std::string runtime = ReadTextFile("/bin/true");
  std::string app = ReadTextFile(Path("app"));
  ASSERT_GT(app.size(), runtime.size() + kTrailerSize);
  EXPECT_TRUE(app.compare(0, runtime.size(), runtime) == 0);
  EXPECT_TRUE(absl::EndsWith(app, "TSNAPEXE"));

  // Not an executable: refused, and nothing is written.
  WriteTextFile(Path("not-elf"), "#!/bin/sh\n");
  ProcessResult refused =
      Toysnap({"compile", hello, "-o", Path("other"), "--runtime=" + Path("not-elf")});
  ExpectRefused(refused, "is not a 64-bit ELF file");
  EXPECT_FALSE(FileExists(Path("other")));
}

}  // namespace
}  // namespace toysnap
