// Apps on real npm packages (installed by tools/test with `npm ci`) print what
// Node prints, from source and from a snapshot whose sources were deleted:
// lodash-es, typescript, yaml, local ESM/CJS/JSON mixes, fs-extra copying
// and rewriting a directory tree, cross-spawn running programs, uuid and
// object-hash hashing with crypto, lru-cache on diagnostics_channel,
// OpenTelemetry's AsyncLocalStorage context manager, url-parse and
// query-string parsing URLs and query strings, tar-stream archives gzipped
// through zlib streams, and prettier formatting through its API.
#include <stdlib.h>

#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/process_runner.h"

namespace toysnap {
namespace {

using toysnap::testing::FileExists;
using toysnap::testing::MakeTempDir;
using toysnap::testing::NodeBinary;
using toysnap::testing::ProcessResult;
using toysnap::testing::RunProcess;
using toysnap::testing::Runfile;
using toysnap::testing::WriteTextFile;

struct App {
  std::string entry;  // relative to tests/npm_apps
  std::vector<std::string> args;
  // Files first imported after the restore: the only sources `run` may read.
  std::vector<std::string> loaded_at_run = {};
  // A package the app needs that an install older than the app may lack.
  std::string package = "";
};

class NpmAppsTest : public ::testing::TestWithParam<App> {
 protected:
  void SetUp() override {
    const char* apps = getenv("TOYSNAP_NPM_APPS");
    if (apps == nullptr || !FileExists(std::string(apps) + "/node_modules")) {
      GTEST_SKIP() << "TOYSNAP_NPM_APPS is not set to an installed tests/npm_apps; "
                      "tools/test installs the packages and sets it";
    }
    apps_ = apps;
  }
  std::string apps_;
};

TEST_P(NpmAppsTest, PrintsWhatNodePrintsFromSourceAndFromASnapshotWithoutSources) {
  const App& app = GetParam();
  if (!FileExists(apps_ + "/" + app.entry) ||
      (!app.package.empty() && !FileExists(apps_ + "/node_modules/" + app.package))) {
    GTEST_SKIP() << apps_ << " predates " << app.entry << " (" << app.package
                 << "): run `npm ci` in that tests/npm_apps";
  }
  std::string node = NodeBinary();
  ASSERT_FALSE(node.empty()) << "TOYSNAP_NODE does not name the pinned Node";
  std::string dir = MakeTempDir();

  // Node, on the installed tree. main() runs as a macrotask after the top level.
  std::string runner = dir + "/runner.mjs";
  WriteTextFile(runner, absl::StrCat("const { main } = await import('file://", apps_, "/",
                                     app.entry, "');\nsetTimeout(() => main(process.argv.slice(2)), 0);\n"));
  std::vector<std::string> node_argv = {node, runner};
  node_argv.insert(node_argv.end(), app.args.begin(), app.args.end());
  ProcessResult expected = RunProcess(node_argv, dir);
  ASSERT_EQ(expected.exit_code, 0) << expected.err;

  std::string toysnap = Runfile("tools/toysnap");
  std::vector<std::string> run_source = {toysnap, "run", apps_ + "/" + app.entry};
  run_source.insert(run_source.end(), app.args.begin(), app.args.end());
  ProcessResult source = RunProcess(run_source, dir);
  EXPECT_EQ(source.out, expected.out) << source.err;
  EXPECT_EQ(source.exit_code, 0) << source.err;

  // Build from a copy of the tree, then delete the copy: the snapshot must not
  // need any of its files.
  std::string copy = dir + "/copy";
  ASSERT_EQ(RunProcess({"/bin/cp", "-r", apps_, copy}).exit_code, 0);
  ProcessResult build =
      RunProcess({toysnap, "build", copy + "/" + app.entry, "-o", dir + "/app.snap"}, dir);
  ASSERT_EQ(build.exit_code, 0) << build.err;
  ASSERT_EQ(RunProcess({"/bin/rm", "-rf", copy}).exit_code, 0);
  for (const std::string& file : app.loaded_at_run) {
    std::string target = copy + "/" + file;
    ASSERT_EQ(RunProcess({"/bin/mkdir", "-p", target.substr(0, target.rfind('/'))}).exit_code, 0);
    ASSERT_EQ(RunProcess({"/bin/cp", apps_ + "/" + file, target}).exit_code, 0);
  }
  std::vector<std::string> run_snapshot = {toysnap, "run", dir + "/app.snap"};
  run_snapshot.insert(run_snapshot.end(), app.args.begin(), app.args.end());
  ProcessResult restored = RunProcess(run_snapshot, dir);
  EXPECT_EQ(build.out + restored.out, expected.out) << restored.err;
  EXPECT_EQ(restored.exit_code, 0) << restored.err;
}

// The heap needs the compiler's source once (V8 compiles functions from it
// lazily). A second copy, say kept alive by slices of the file's text, would put
// the snapshot over twice the source's size on its own.
TEST_F(NpmAppsTest, TheTypeScriptSourceIsStoredOnce) {
  std::string dir = MakeTempDir();
  ProcessResult build = RunProcess({Runfile("tools/toysnap"), "build", apps_ + "/typescript_app.mjs",
                                    "-o", dir + "/app.snap", "--compression=none"},
                                   dir);
  ASSERT_EQ(build.exit_code, 0) << build.err;
  uintmax_t source = std::filesystem::file_size(apps_ + "/node_modules/typescript/lib/typescript.js");
  EXPECT_LT(std::filesystem::file_size(dir + "/app.snap"), 2 * source);
}

INSTANTIATE_TEST_SUITE_P(
    Apps, NpmAppsTest,
    ::testing::Values(App{"lodash_app.mjs", {"toysnap"}}, App{"typescript_app.mjs", {}},
                      App{"typescript_app.mjs", {"let x: number = 1; export { x };"}},
                      App{"yaml_app.mjs", {}}, App{"mixed/main.mjs", {}, {"mixed/fresh.mjs"}},
                      App{"fs_extra_app.mjs", {}, {}, "fs-extra"},
                      App{"cross_spawn_app.mjs", {}, {}, "cross-spawn"},
                      App{"commander_chalk_app.mjs",
                          {"add", "first", "hello", "world", "--tag", "real"}, {}, "commander"},
                      // crypto: uuid 3 to 14 (v3/v5 hash with md5/sha1), object-hash.
                      App{"uuid_app.mjs", {}, {}, "uuid13"},
                      App{"object_hash_app.mjs", {}, {}, "object-hash"},
                      App{"lru_cache_app.mjs", {}, {}, "lru-cache"},
                      App{"otel_context_app.mjs", {}, {}, "@opentelemetry/context-async-hooks"},
                      App{"url_parse_app.mjs", {}, {}, "url-parse"},
                      App{"prettier_app.mjs", {}, {}, "prettier"},
                      App{"tar_gzip_app.mjs", {}, {}, "tar-stream"},
                      // console.Console over a Writable, console.table.
                      App{"console_stamp_app.mjs", {}, {}, "console-stamp"}),
    [](const ::testing::TestParamInfo<App>& info) {
      std::string name = std::regex_replace(info.param.entry, std::regex("[^A-Za-z0-9]"), "_");
      return absl::StrCat(name, "_", info.index);
    });

}  // namespace
}  // namespace toysnap
