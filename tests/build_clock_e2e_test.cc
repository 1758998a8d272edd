// End-to-end: under SOURCE_DATE_EPOCH a build's clock is fixed (Date.now(), new
// Date(), performance.now(), timers), so an app that stamps its build builds to
// the same bytes; run time always reads the system clock.
#include <chrono>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/cli_fixture.h"
#include "tests/process_runner.h"

namespace toysnap {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using toysnap::testing::ProcessResult;
using toysnap::testing::ReadTextFile;
using toysnap::testing::RunProcess;
using toysnap::testing::Runfile;
using toysnap::testing::WriteTextFile;

using BuildClockTest = toysnap::testing::CliFixture;

// 2023-11-14T22:13:20Z.
const std::map<std::string, std::string> kEpoch = {{"SOURCE_DATE_EPOCH", "1700000000"}};
// An empty value counts as unset, so a test can clear an inherited one.
const std::map<std::string, std::string> kNoEpoch = {{"SOURCE_DATE_EPOCH", ""}};

// Stamps its build before and after an hour-long timer; main() prints those
// stamps, then what the clocks read at run time, one number per line.
constexpr char kStampingApp[] = R"(
const built = [new Date().toISOString(), Date.now(), performance.now(), performance.timeOrigin];
await new Promise((resolve) => setTimeout(resolve, 3600 * 1000));
built.push(new Date().toISOString(), Date.now(), performance.now());
export function main() {
  for (const value of built) console.log(value);
  for (const value of [Date.now(), performance.now(), performance.timeOrigin]) console.log(value);
}
)";

double WallMs() {
  return std::chrono::duration<double, std::milli>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::vector<std::string> Lines(const std::string& text) {
  return absl::StrSplit(text, '\n', absl::SkipEmpty());
}

double Number(const std::string& text) {
  double value = 0;
  EXPECT_TRUE(absl::SimpleAtod(text, &value)) << text;
  return value;
}

TEST_F(BuildClockTest, BuildTimeClocksStartAtSourceDateEpochAndMoveOnlyWithTimers) {
  std::string app = Write("app.mjs", kStampingApp);
  // The hour-long timer does not make the build wait: it jumps the fixed clock.
  ProcessResult build = Toysnap({"build", app, "-o", Path("app.snap"), "--quiet"}, kEpoch);
  ASSERT_EQ(build.exit_code, 0) << build.err;
  double before = std::floor(WallMs());
  ProcessResult run = Toysnap({"run", Path("app.snap")});
  double after = std::ceil(WallMs());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::vector<std::string> lines = Lines(run.out);
  ASSERT_EQ(lines.size(), 10u) << run.out;
  EXPECT_EQ(lines[0], "2023-11-14T22:13:20.000Z");
  EXPECT_EQ(lines[1], "1700000000000");
  EXPECT_EQ(lines[2], "0");
  EXPECT_EQ(lines[3], "1700000000000");
  EXPECT_EQ(lines[4], "2023-11-14T23:13:20.000Z");
  EXPECT_EQ(lines[5], "1700003600000");
  EXPECT_EQ(lines[6], "3600000");
  // Run time is fresh: the clocks read inside the window the run took place in.
  EXPECT_GE(Number(lines[7]), before);
  EXPECT_LE(Number(lines[7]), after);
  EXPECT_GE(Number(lines[8]), 0);
  EXPECT_LE(Number(lines[8]), after - before);
  EXPECT_GE(Number(lines[9]), before);
  EXPECT_LE(Number(lines[9]), after);
}

TEST_F(BuildClockTest, AnAppThatStampsItsBuildBuildsToTheSameBytesTwice) {
  std::string first_dir = Path("first");
  std::string second_dir = Path("second");
  ASSERT_EQ(RunProcess({"/bin/mkdir", "-p", first_dir, second_dir}).exit_code, 0);
  for (const std::string& dir : {first_dir, second_dir}) {
    WriteTextFile(dir + "/app.mjs", kStampingApp);
    ProcessResult build =
        RunProcess({Runfile("tools/toysnap"), "build", "app.mjs", "-o",
                    "app.snap", "--quiet", "--path-prefix-map=.=/workspace"},
                   dir, kEpoch);
    ASSERT_EQ(build.exit_code, 0) << build.err;
  }
  std::string first = ReadTextFile(first_dir + "/app.snap");
  ASSERT_FALSE(first.empty());
  EXPECT_TRUE(first == ReadTextFile(second_dir + "/app.snap"))
      << "two builds of an app that reads the clock differ under SOURCE_DATE_EPOCH";
}

TEST_F(BuildClockTest, TimersAtBuildFireInOrderAtTheirOwnTimes) {
  std::string app = Write("timers.mjs", R"(
const fired = [];
const at = (label) => fired.push(`${label}@${performance.now()}`);
setTimeout(() => at('c'), 30);
setTimeout(() => { at('a'); setTimeout(() => at('a+15'), 15); }, 10);
setTimeout(() => at('b'), 20);
await new Promise((resolve) => setTimeout(resolve, 40));
export function main() { console.log(fired.join(' ')); }
)");
  ProcessResult build = Toysnap({"build", app, "-o", Path("timers.snap"), "--quiet"}, kEpoch);
  ASSERT_EQ(build.exit_code, 0) << build.err;
  ProcessResult run = Toysnap({"run", Path("timers.snap")});
  EXPECT_EQ(run.out, "a@10 b@20 a+15@25 c@30\n") << run.err;
}

TEST_F(BuildClockTest, WithoutSourceDateEpochABuildReadsTheSystemClock) {
  std::string app = Write("now.mjs", "const built = Date.now();\n"
                                     "export function main() { console.log(built); }\n");
  double before = std::floor(WallMs());
  ProcessResult build = Toysnap({"build", app, "-o", Path("now.snap"), "--quiet"}, kNoEpoch);
  double after = std::ceil(WallMs());
  ASSERT_EQ(build.exit_code, 0) << build.err;
  ProcessResult run = Toysnap({"run", Path("now.snap")});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_GE(Number(Lines(run.out).at(0)), before);
  EXPECT_LE(Number(Lines(run.out).at(0)), after);
}

TEST_F(BuildClockTest, RunningFromSourceIgnoresSourceDateEpoch) {
  std::string app = Write("source.mjs", R"(
const top = Date.now();
await new Promise((resolve) => setTimeout(resolve, 5));
export function main() { console.log(top); console.log(Date.now()); }
)");
  double before = std::floor(WallMs());
  ProcessResult run = Toysnap({"run", app}, kEpoch);
  double after = std::ceil(WallMs());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::vector<std::string> lines = Lines(run.out);
  ASSERT_EQ(lines.size(), 2u) << run.out;
  for (const std::string& line : lines) {
    EXPECT_GE(Number(line), before);
    EXPECT_LE(Number(line), after);
  }
}

TEST_F(BuildClockTest, ACompiledAppCarriesTheFixedBuildTime) {
  std::string app = Write("stamp.mjs", "const built = new Date().toISOString();\n"
                                       "export function main() { console.log(built); }\n");
  ProcessResult compile = Toysnap({"compile", app, "-o", Path("stamp"), "--quiet"}, kEpoch);
  ASSERT_EQ(compile.exit_code, 0) << compile.err;
  ProcessResult run = RunProcess({Path("stamp")}, dir_);
  EXPECT_EQ(run.out, "2023-11-14T22:13:20.000Z\n") << run.err;
}

TEST_F(BuildClockTest, AMalformedSourceDateEpochIsAUsageError) {
  std::string app = Write("app.mjs", "export function main() {}\n");
  for (const char* bad : {"yesterday", "-5", "1.5"}) {
    ProcessResult build =
        Toysnap({"build", app, "-o", Path("app.snap")}, {{"SOURCE_DATE_EPOCH", bad}});
    EXPECT_EQ(build.exit_code, 2) << bad;
    EXPECT_THAT(build.err, HasSubstr("SOURCE_DATE_EPOCH must be whole seconds")) << bad;
  }
  EXPECT_FALSE(toysnap::testing::FileExists(Path("app.snap")));
}

// The up-to-date check covers what decides the output besides the files: the
// build clock and the values of --env variables.
TEST_F(BuildClockTest, ANewEpochOrEnvironmentValueRebuilds) {
  std::string app = Write("app.mjs", "const built = [new Date().toISOString(), process.env.MODE];\n"
                                     "export function main() { console.log(built.join(' ')); }\n");
  auto build = [&](const std::string& epoch, const std::string& mode) {
    ProcessResult result = Toysnap({"build", app, "-o", Path("app.snap"), "--env", "MODE"},
                                   {{"SOURCE_DATE_EPOCH", epoch}, {"MODE", mode}});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return result.err;
  };
  auto run = [&] { return Toysnap({"run", Path("app.snap")}).out; };
  EXPECT_THAT(build("0", "debug"), Not(HasSubstr("up to date")));
  EXPECT_EQ(run(), "1970-01-01T00:00:00.000Z debug\n");
  EXPECT_THAT(build("0", "debug"), HasSubstr("up to date"));
  EXPECT_THAT(build("86400", "debug"), Not(HasSubstr("up to date")));
  EXPECT_EQ(run(), "1970-01-02T00:00:00.000Z debug\n");
  EXPECT_THAT(build("86400", "release"), Not(HasSubstr("up to date")));
  EXPECT_EQ(run(), "1970-01-02T00:00:00.000Z release\n");
}

}  // namespace
}  // namespace toysnap
