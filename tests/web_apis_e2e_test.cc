// End-to-end: the web globals (TextEncoder/TextDecoder, atob/btoa, structuredClone,
// DOMException, performance, crypto, URL, URLSearchParams) print what Node prints,
// from source and from a snapshot whose objects were made at build time.
// Fixtures: tests/web_apis/.
#include <time.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/process_runner.h"

namespace toysnap {
namespace {

using ::testing::MatchesRegex;
using toysnap::testing::FileExists;
using toysnap::testing::MakeTempDir;
using toysnap::testing::NodeBinary;
using toysnap::testing::ProcessResult;
using toysnap::testing::Runfile;
using toysnap::testing::RunProcess;
using toysnap::testing::WriteTextFile;

double WallClockMs() {
  timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

// "name value" lines into the value of `name`, or "" when absent.
std::string Field(const std::string& out, const std::string& name) {
  for (absl::string_view line : absl::StrSplit(out, '\n')) {
    if (absl::StartsWith(line, name + " ")) return std::string(line.substr(name.size() + 1));
  }
  return "";
}

class WebApisTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = MakeTempDir();
    snapshot_ = dir_ + "/web_apis.snap";
    ProcessResult build = Toysnap({"build", entry_, "-o", snapshot_});
    ASSERT_EQ(build.exit_code, 0) << build.err;
    ASSERT_EQ(build.out, "");
  }

  ProcessResult Toysnap(std::vector<std::string> args) {
    args.insert(args.begin(), Runfile("tools/toysnap"));
    return RunProcess(args, dir_);
  }

  // Runs `file` (source or snapshot) and expects a clean exit.
  std::string Run(const std::string& file, const std::string& mode = "") {
    std::vector<std::string> args = {"run", file};
    if (!mode.empty()) args.push_back(mode);
    ProcessResult run = Toysnap(args);
    EXPECT_EQ(run.signal, 0) << "crashed: " << run.err;
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.err, "");
    return run.out;
  }

  // What main() prints under Node, after the module's top level ran.
  std::string RunNode() {
    std::string node = NodeBinary();
    EXPECT_FALSE(node.empty()) << "TOYSNAP_NODE does not name the pinned Node";
    std::string runner = dir_ + "/runner.mjs";
    WriteTextFile(runner, absl::StrCat("const { main } = await import('file://", entry_, "');\n",
                                       "await main(process.argv.slice(2));\n"));
    ProcessResult expected = RunProcess({node, runner}, dir_);
    EXPECT_EQ(expected.exit_code, 0) << expected.err;
    return expected.out;
  }

  std::string dir_;
  std::string entry_ = Runfile("tests/web_apis/web_apis.mjs");
  std::string snapshot_;
};

TEST_F(WebApisTest, SourceSnapshotAndNodePrintTheSame) {
  std::string source = Run(entry_);
  ASSERT_THAT(source, ::testing::HasSubstr("mid-stream: \"41 1f600 42\"\n"));
  EXPECT_EQ(Run(snapshot_), source);
  EXPECT_EQ(source, RunNode());
}

// Issue #12: URL and URLSearchParams on ada (node:url exported an undefined
// URL). tests/web_apis/url.mjs covers parsing (IDNA, IPv4/6, percent-encoding,
// relative resolution, file:), every setter, URLSearchParams, node:url's
// helpers and console.log; its top level makes a URL, its searchParams and an
// iterator that main() uses after the restore.
class UrlApisTest : public WebApisTest {
 protected:
  UrlApisTest() { entry_ = Runfile("tests/web_apis/url.mjs"); }
};

TEST_F(UrlApisTest, SourceSnapshotAndNodePrintTheSame) {
  std::string source = Run(entry_);
  ASSERT_THAT(source, ::testing::HasSubstr(
                          "build-time URL changed https://user:pw@xn--bcher-kva.example:9/changed"
                          "?x=after+restore&y=two#frag\n"));
  EXPECT_EQ(Run(snapshot_), source);
  EXPECT_EQ(source, RunNode());
}

TEST_F(WebApisTest, ForgedReceiversThrowTypeErrorAndNeverCrash) {
  const std::string expected =
      "decode: TypeError: Illegal invocation\n"
      "encoding: TypeError: Illegal invocation\n"
      "ignoreBOM: TypeError: Illegal invocation\n"
      "encode: TypeError: Illegal invocation\n"
      "encodeInto: TypeError: Illegal invocation\n"
      "decode on encoder: TypeError: Illegal invocation\n"
      "decode on null: TypeError: Illegal invocation\n";
  EXPECT_EQ(Run(entry_, "forged"), expected);
  EXPECT_EQ(Run(snapshot_, "forged"), expected);  // forgeries made at build time
}

TEST_F(WebApisTest, RandomValuesDifferBetweenRunsOfOneSnapshot) {
  std::string first = Run(snapshot_, "random");
  std::string second = Run(snapshot_, "random");
  const std::string uuid = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
  EXPECT_THAT(Field(first, "uuid"), MatchesRegex(uuid));
  EXPECT_THAT(Field(second, "uuid"), MatchesRegex(uuid));
  EXPECT_NE(Field(first, "uuid"), Field(second, "uuid"));
  EXPECT_THAT(Field(first, "bytes"), MatchesRegex("[0-9]+(,[0-9]+){15}"));
  EXPECT_NE(Field(first, "bytes"), Field(second, "bytes"));
  EXPECT_NE(Field(first, "uuid"), Field(Run(entry_, "random"), "uuid"));
}

TEST_F(WebApisTest, PerformanceClockStartsInTheRestoredProcess) {
  usleep(1100 * 1000);  // a build-relative clock would now read more than a second
  double before = WallClockMs();
  std::string out = Run(snapshot_, "perf");
  double now = -1, origin = 0, drift = -1;
  ASSERT_TRUE(absl::SimpleAtod(Field(out, "now"), &now)) << out;
  ASSERT_TRUE(absl::SimpleAtod(Field(out, "origin"), &origin)) << out;
  ASSERT_TRUE(absl::SimpleAtod(Field(out, "drift"), &drift)) << out;
  EXPECT_GE(now, 0);
  EXPECT_LT(now, 1000);
  EXPECT_GE(origin, before - 1);  // taken in the restored process, not at build time
  EXPECT_LT(origin, WallClockMs());
  EXPECT_LT(drift, 50);  // timeOrigin + now() tracks Date.now()
}

}  // namespace
}  // namespace toysnap
