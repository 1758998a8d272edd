// The shared fixture of the CLI end-to-end tests.
#include "tests/cli_fixture.h"

#include "gmock/gmock.h"

namespace toysnap::testing {

void CliFixture::SetUp() { dir_ = MakeTempDir(); }

ProcessResult CliFixture::Toysnap(std::vector<std::string> args,
                                  const std::map<std::string, std::string>& env) {
  args.insert(args.begin(), Runfile("tools/toysnap"));
  return RunProcess(args, dir_, env);
}

std::string CliFixture::Path(const std::string& name) const { return dir_ + "/" + name; }

std::string CliFixture::Write(const std::string& name, const std::string& text) {
  WriteTextFile(Path(name), text);
  return Path(name);
}

std::string CliFixture::Build(const std::string& entry, const std::string& out) {
  ProcessResult build = Toysnap({"build", entry, "-o", Path(out)});
  EXPECT_EQ(build.exit_code, 0) << build.err;
  return Path(out);
}

void ExpectRefused(const ProcessResult& result, const std::string& message) {
  EXPECT_EQ(result.signal, 0) << "crashed: " << result.err;
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_THAT(result.err, ::testing::HasSubstr(message));
}

}  // namespace toysnap::testing
