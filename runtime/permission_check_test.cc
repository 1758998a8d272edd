// The permission check as JS meets it inside a Runtime: what an embedder
// grants nobody by default, and what a grant then allows.
#include "runtime/permission_check.h"

#include <stdlib.h>

#include <fstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "runtime/runtime.h"
#include "runtime/test_eval.h"
#include "runtime/v8_test_environment.h"

namespace toysnap {
namespace {

const auto* const kV8 = RegisterV8TestEnvironment();

// Embedders grant nothing by default: a file read, a module from disk and the
// environment are each refused, Node's way for the calls JS makes.
TEST(PermissionsByDefaultTest, AFreshRuntimeMayNotReadFilesOrTheEnvironment) {
  const char* tmp = getenv("TEST_TMPDIR");
  std::string file = std::string(tmp ? tmp : "/tmp") + "/granted.txt";
  std::ofstream(file) << "secret";
  RuntimeOptions options;
  options.console = false;
  options.env = {{"TOKEN", "t"}};
  absl::StatusOr<std::unique_ptr<Runtime>> runtime = Runtime::Create(TestV8(), options);
  ASSERT_TRUE(runtime.ok()) << runtime.status();
  absl::StatusOr<std::string> denied = AwaitToString(**runtime, absl::StrCat(
      "import('node:fs').then((fs) => { try { fs.readFileSync('", file, "'); return 'read'; }"
      " catch (e) { return [e.message, e.code, e.permission, e.resource].join('|'); } })"));
  ASSERT_TRUE(denied.ok()) << denied.status();
  EXPECT_EQ(*denied, absl::StrCat("Access to this API has been restricted|ERR_ACCESS_DENIED|"
                                  "FileSystemRead|", file));
  EXPECT_EQ(EvalToString(**runtime, "String(process.env.TOKEN)").value_or("?"), "undefined");
  absl::StatusOr<std::string> module = (*runtime)->LoadSideModule(file + ".mjs");
  EXPECT_TRUE(absl::IsPermissionDenied(module.status())) << module.status();

  options.permissions.AllowFsRead(std::string(tmp ? tmp : "/tmp")).AllowEnv();
  absl::StatusOr<std::unique_ptr<Runtime>> granted = Runtime::Create(TestV8(), options);
  ASSERT_TRUE(granted.ok()) << granted.status();
  EXPECT_EQ(AwaitToString(**granted, absl::StrCat("import('node:fs').then((fs) => fs.readFileSync('",
                                                  file, "', 'utf8'))"))
                .value_or("?"),
            "secret");
  EXPECT_EQ(EvalToString(**granted, "process.env.TOKEN").value_or("?"), "t");
}

}  // namespace
}  // namespace toysnap
