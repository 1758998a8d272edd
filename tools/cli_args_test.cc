#include "tools/cli_args.h"

#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "gtest/gtest.h"

namespace toysnap {
namespace {

absl::StatusOr<Command> Parse(std::vector<std::string> argv) { return ParseCommandLine(argv); }

TEST(CliArgsTest, BuildTakesOutputEnvAndCompression) {
  absl::StatusOr<Command> command = Parse(
      {"build", "app.js", "-o", "out.snap", "--env", "HOME", "--env=USER", "--compression=none"});
  ASSERT_TRUE(command.ok()) << command.status();
  EXPECT_EQ(command->kind, Command::Kind::kBuild);
  EXPECT_EQ(command->file, "app.js");
  EXPECT_EQ(command->output, "out.snap");
  EXPECT_EQ(command->env_names, (std::vector<std::string>{"HOME", "USER"}));
  EXPECT_EQ(command->encode.compression, Compression::kNone);
}

// The Bazel rules pass their thousands of --allow-fs-read grants in a file.
TEST(CliArgsTest, BuildReadsOptionsFromAtFilesButRunDoesNot) {
  std::string path = std::string(std::getenv("TEST_TMPDIR")) + "/params";
  std::ofstream(path) << "--permission\n--allow-fs-read=/w/a.js\n--allow-fs-read=/w/b b.js\n\n-o\n"
                         "out.snap\n";
  absl::StatusOr<Command> command = Parse({"build", "app.js", "@" + path, "--quiet"});
  ASSERT_TRUE(command.ok()) << command.status();
  EXPECT_TRUE(command->permission);
  EXPECT_EQ(command->allow_fs_read, (std::vector<std::string>{"/w/a.js", "/w/b b.js"}));
  EXPECT_EQ(command->output, "out.snap");
  absl::StatusOr<Command> run = Parse({"run", "app.snap", "@" + path});
  ASSERT_TRUE(run.ok()) << run.status();
  EXPECT_EQ(run->args, (std::vector<std::string>{"@" + path}));
  absl::StatusOr<Command> missing = Parse({"build", "app.js", "@/nonexistent/params"});
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("cannot read options file /nonexistent/params"),
            std::string::npos)
      << missing.status();
}

TEST(CliArgsTest, SnapshotsAreUncompressedUnlessAsked) {
  EXPECT_EQ(Parse({"build", "app.js", "-o", "out.snap"})->encode.compression, Compression::kNone);
  absl::StatusOr<Command> zstd = Parse({"build", "app.js", "-o", "out.snap", "--compression=zstd"});
  ASSERT_TRUE(zstd.ok()) << zstd.status();
  EXPECT_EQ(zstd->encode.compression, Compression::kZstd);
  EXPECT_EQ(zstd->encode.level, 3);
}

TEST(CliArgsTest, RunPassesEverythingAfterTheFileToTheProgram) {
  absl::StatusOr<Command> command = Parse({"run", "app.snap", "a", "--help", "-o", "x"});
  ASSERT_TRUE(command.ok()) << command.status();
  EXPECT_EQ(command->kind, Command::Kind::kRun);
  EXPECT_EQ(command->file, "app.snap");
  EXPECT_EQ(command->args, (std::vector<std::string>{"a", "--help", "-o", "x"}));
}

TEST(CliArgsTest, LimitsApplyToBuildAndRun) {
  absl::StatusOr<Command> run = Parse({"run", "--max-heap-mb=64", "--timeout-ms", "500", "a.js",
                                       "--timeout-ms=1"});
  ASSERT_TRUE(run.ok()) << run.status();
  EXPECT_EQ(run->max_heap_mb, 64u);
  EXPECT_EQ(run->timeout_ms, 500);
  EXPECT_EQ(run->args, (std::vector<std::string>{"--timeout-ms=1"}));
  absl::StatusOr<Command> build = Parse({"build", "a.js", "-o", "a.snap", "--timeout-ms=9"});
  ASSERT_TRUE(build.ok()) << build.status();
  EXPECT_EQ(build->timeout_ms, 9);
  EXPECT_FALSE(Parse({"run", "--max-heap-mb=0", "a.js"}).ok());
  EXPECT_FALSE(Parse({"run", "--timeout-ms=soon", "a.js"}).ok());
  EXPECT_FALSE(Parse({"info", "--timeout-ms=5", "a.snap"}).ok());
}

TEST(CliArgsTest, ReproducibilityOptions) {
  absl::StatusOr<Command> command =
      Parse({"build", "a.js", "-o", "a.snap", "--path-prefix-map=.=/src", "--path-prefix-map",
             "/x=/y", "--preserve-symlinks", "--seed-salt=secret", "--force"});
  ASSERT_TRUE(command.ok()) << command.status();
  EXPECT_EQ(command->path_prefix_maps, (std::vector<std::string>{".=/src", "/x=/y"}));
  EXPECT_TRUE(command->preserve_symlinks);
  EXPECT_EQ(command->seed_salt, "secret");
  EXPECT_TRUE(command->force);
  EXPECT_FALSE(Parse({"build", "a.js", "-o", "a.snap", "--path-prefix-map=nothing"}).ok());
}

TEST(CliArgsTest, CompileTakesBuildOptions) {
  absl::StatusOr<Command> command =
      Parse({"compile", "app.js", "-o", "app", "--env=HOME", "--compression", "none", "--level=9",
             "-q", "--max-heap-mb=64", "--timeout-ms", "500", "--path-prefix-map=.=/w",
             "--preserve-symlinks", "--seed-salt=s"});
  ASSERT_TRUE(command.ok()) << command.status();
  EXPECT_EQ(command->kind, Command::Kind::kCompile);
  EXPECT_EQ(command->file, "app.js");
  EXPECT_EQ(command->output, "app");
  EXPECT_EQ(command->env_names, (std::vector<std::string>{"HOME"}));
  EXPECT_EQ(command->encode.compression, Compression::kNone);
  EXPECT_EQ(command->encode.level, 9);
  EXPECT_TRUE(command->quiet);
  EXPECT_EQ(command->max_heap_mb, 64u);
  EXPECT_EQ(command->timeout_ms, 500);
  EXPECT_EQ(command->path_prefix_maps, (std::vector<std::string>{".=/w"}));
  EXPECT_TRUE(command->preserve_symlinks);
  EXPECT_EQ(command->seed_salt, "s");
  EXPECT_TRUE(command->args.empty());
  EXPECT_EQ(command->runtime, "");
  EXPECT_EQ(Parse({"compile", "a.js", "-o", "a", "--runtime=target/toysnap"})->runtime,
            "target/toysnap");
  EXPECT_EQ(Parse({"compile", "a.js", "-o", "a", "--runtime", "t"})->runtime, "t");
  EXPECT_EQ(Parse({"compile", "--help"})->kind, Command::Kind::kHelp);
  EXPECT_NE(UsageText().find("compile ENTRY -o EXE"), std::string::npos);
}

// `toysnap [OPTIONS] FILE [ARGS]`, as node's: the options are execArgv,
// toysnap's limits and Node's permission flags among them take effect, a
// Node option's separate value stays with it, and FILE is found as Node
// finds a main script (FILE, FILE.js, FILE/index.js).
TEST(CliArgsTest, ScriptsTakeOptionsBeforeTheFile) {
  absl::StatusOr<Command> script =
      Parse({"--stack-size=256", "-r", "mod", "--max-heap-mb=64", "--permission",
             "--allow-fs-read=/x", "app.js", "--not-mine", "a"});
  ASSERT_TRUE(script.ok()) << script.status();
  EXPECT_EQ(script->kind, Command::Kind::kScript);
  EXPECT_EQ(script->file, "app.js");
  EXPECT_EQ(script->args, (std::vector<std::string>{"--not-mine", "a"}));
  EXPECT_EQ(script->exec_argv,
            (std::vector<std::string>{"--stack-size=256", "-r", "mod", "--max-heap-mb=64",
                                      "--permission", "--allow-fs-read=/x"}));
  EXPECT_EQ(script->max_heap_mb, 64u);
  EXPECT_TRUE(script->permission);
  EXPECT_EQ(script->allow_fs_read, (std::vector<std::string>{"/x"}));

  EXPECT_EQ(Parse({"--", "x.mjs"})->file, "x.mjs");
  // run's limits and permissions are its execArgv too, for fork() to pass on.
  EXPECT_EQ(Parse({"run", "--permission", "--max-heap-mb", "9", "app.snap", "--x"})->exec_argv,
            (std::vector<std::string>{"--permission", "--max-heap-mb", "9"}));
  absl::StatusOr<Command> eval = Parse({"--stack-size=9", "-p", "1 + 1", "a", "-b"});
  ASSERT_TRUE(eval.ok()) << eval.status();
  EXPECT_EQ(eval->eval_source, "1 + 1");
  EXPECT_TRUE(eval->eval_print);
  EXPECT_EQ(eval->args, (std::vector<std::string>{"a", "-b"}));
  EXPECT_EQ(eval->exec_argv, (std::vector<std::string>{"--stack-size=9", "-p", "1 + 1"}));
  EXPECT_EQ(Parse({"--eval=x()"})->eval_source, "x()");
  EXPECT_FALSE(Parse({"--eval=x()"})->eval_print);
  EXPECT_EQ(Parse({"-e"}).status().message(), "-e needs the code to run");
  EXPECT_EQ(Parse({"--foo"}).status().message(),
            "missing script: toysnap [OPTIONS...] FILE.js [ARGS...]");

  std::string dir = ::testing::TempDir() + "/cli_args_scripts";
  mkdir(dir.c_str(), 0755);
  mkdir((dir + "/pkg").c_str(), 0755);
  for (const std::string& file : {dir + "/plain", dir + "/lib.js", dir + "/pkg/index.js"}) {
    FILE* out = fopen(file.c_str(), "w");
    ASSERT_NE(out, nullptr);
    fclose(out);
  }
  EXPECT_EQ(Parse({dir + "/plain", "x"})->file, dir + "/plain");
  EXPECT_EQ(Parse({dir + "/lib", "x"})->file, dir + "/lib.js");
  EXPECT_EQ(Parse({dir + "/pkg"})->file, dir + "/pkg/index.js");
  EXPECT_EQ(Parse({dir + "/missing"}).status().message().substr(0, 15), "unknown command");
}

TEST(CliArgsTest, HelpAndVersion) {
  EXPECT_EQ(Parse({"--help"})->kind, Command::Kind::kHelp);
  EXPECT_EQ(Parse({"--version"})->kind, Command::Kind::kVersion);
  EXPECT_EQ(Parse({"build", "--help"})->kind, Command::Kind::kHelp);
}

TEST(CliArgsTest, UsageErrorsSayWhatIsWrong) {
  struct Case {
    std::vector<std::string> argv;
    std::string message;
  };
  for (const Case& c : std::vector<Case>{
           {{}, "missing command"},
           {{"frobnicate"}, "unknown command 'frobnicate'"},
           {{"build", "app.js"}, "build needs -o"},
           {{"build", "-o"}, "-o needs a value"},
           {{"build", "app.js", "-o", "x.snap", "--level=99"}, "--level must be"},
           {{"build", "app.js", "-o", "x.snap", "--compression=lz4"}, "--compression must be"},
           {{"build", "app.js", "-o", "x.snap", "--env", "A=B"}, "--env takes a variable name"},
           {{"build", "app.js", "-o", "x.snap", "--what"}, "unknown option for build: --what"},
           {{"compile", "app.js"}, "compile needs -o EXE"},
           {{"compile", "-o", "app"}, "compile needs a file"},
           {{"compile", "a.js", "-o", "app", "b.js"}, "unexpected argument 'b.js'"},
           {{"compile", "a.js", "-o", "app", "--what"}, "unknown option for compile: --what"},
           {{"compile", "a.js", "-o", "app", "--runtime="}, "--runtime needs the path"},
           {{"build", "a.js", "-o", "a.snap", "--runtime=t"}, "--runtime is an option of compile"},
           {{"run"}, "run needs a file"},
           {{"run", "--fast", "x.js"}, "unknown option for run"},
           {{"info", "a.snap", "b.snap"}, "unexpected argument 'b.snap'"},
       }) {
    absl::StatusOr<Command> command = Parse(c.argv);
    ASSERT_FALSE(command.ok()) << c.message;
    EXPECT_TRUE(absl::IsInvalidArgument(command.status()));
    EXPECT_NE(command.status().message().find(c.message), std::string::npos)
        << command.status().message();
  }
}

TEST(CliArgsTest, SourceDateEpochIsWholeSecondsOrUnset) {
  EXPECT_EQ(*ParseSourceDateEpoch(nullptr), std::nullopt);
  EXPECT_EQ(*ParseSourceDateEpoch(""), std::nullopt);
  EXPECT_EQ(*ParseSourceDateEpoch("0"), 0);
  EXPECT_EQ(*ParseSourceDateEpoch("1700000000"), 1700000000);
  EXPECT_EQ(*ParseSourceDateEpoch("8640000000000"), 8640000000000);  // JS's last date
  for (const char* bad : {"-1", "1.5", " 1", "1e9", "0x10", "now", "8640000000001",
                          "99999999999999999999999"}) {
    absl::StatusOr<std::optional<int64_t>> parsed = ParseSourceDateEpoch(bad);
    ASSERT_FALSE(parsed.ok()) << bad;
    EXPECT_TRUE(absl::IsInvalidArgument(parsed.status()));
    EXPECT_NE(parsed.status().message().find("SOURCE_DATE_EPOCH must be"), std::string::npos)
        << parsed.status().message();
  }
}

}  // namespace
}  // namespace toysnap
