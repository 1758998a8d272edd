// The fs extension inside a Runtime, on a fresh runtime and on one restored
// from a snapshot whose heap already holds the fs module: the three forms
// agree, errors have Node's shape, permissions hold for embedders, open
// descriptors are live resources, and a runtime destroyed with requests in
// flight lets them finish without calling into JS.
#include <stdlib.h>
#include <sys/stat.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "runtime/in_memory_snapshot.h"
#include "runtime/runtime.h"
#include "runtime/test_eval.h"
#include "runtime/v8_test_environment.h"
#include "v8-primitive.h"

namespace toysnap {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;

const auto* const kV8 = RegisterV8TestEnvironment();

// The fs modules, loaded at build time in the restored case.
constexpr char kMain[] = "/fs_test/main.mjs";
constexpr char kModule[] = R"(import fs from 'node:fs';
import fsp from 'node:fs/promises';
globalThis.fs = fs;
globalThis.fsp = fsp;
)";

using Mode = RuntimeMode;

RuntimeOptions Granted() {
  RuntimeOptions options;
  options.console = false;
  options.permissions = Permissions::All();
  return options;
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

class FsTest : public ::testing::TestWithParam<Mode> {
 protected:
  void SetUp() override {
    const char* tmp = getenv("TEST_TMPDIR");
    std::string pattern = std::string(tmp != nullptr ? tmp : "/tmp") + "/fs_test-XXXXXX";
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }

  std::unique_ptr<Runtime> Make(const RuntimeOptions& options = Granted()) {
    return RuntimeWithModuleOrFail(GetParam(), options, kMain, kModule);
  }

  // `source`'s value once settled, as text, or "error: ..." for a failure.
  static std::string Await(Runtime& runtime, const std::string& source) {
    return AwaitOrError(runtime, source, "fs_test.js");
  }

  std::string dir_;
};

TEST_P(FsTest, SyncCallbackAndPromiseFormsAgree) {
  std::unique_ptr<Runtime> runtime = Make();
  ASSERT_NE(runtime, nullptr);
  EXPECT_EQ(Await(*runtime, absl::StrCat(R"((async () => {
    const file = ')", dir_, R"(/a.txt';
    fs.writeFileSync(file, 'one');
    await new Promise((resolve, reject) =>
      fs.appendFile(file, '+two', (e) => (e ? reject(e) : resolve())));
    await fsp.appendFile(file, '+three');
    const viaCallback = await new Promise((resolve, reject) =>
      fs.readFile(file, 'utf8', (e, data) => (e ? reject(e) : resolve(data))));
    const handle = await fsp.open(file, 'r');
    const { size } = await handle.stat();
    await handle.close();
    return [fs.readFileSync(file, 'utf8'), viaCallback, await fsp.readFile(file, 'utf8'), size,
            fs.readdirSync(')", dir_, R"(').join()].join('|');
  })())")),
            "one+two+three|one+two+three|one+two+three|13|a.txt");
  EXPECT_EQ(ReadAll(dir_ + "/a.txt"), "one+two+three");
}

TEST_P(FsTest, ErrorsHaveNodesShapeInEveryForm) {
  std::unique_ptr<Runtime> runtime = Make();
  ASSERT_NE(runtime, nullptr);
  std::string missing = dir_ + "/missing";
  EXPECT_EQ(Await(*runtime, absl::StrCat(R"((async () => {
    const show = (e) => [e.message, e.errno, e.code, e.syscall, e.path].join(',');
    const file = ')", missing, R"(';
    let sync;
    try { fs.readFileSync(file); } catch (e) { sync = show(e); }
    const callback = await new Promise((resolve) => fs.stat(file, (e) => resolve(show(e))));
    const promise = await fsp.rename(file, file + '2').catch(show);
    return [sync, callback, promise].join('\n');
  })())")),
            absl::StrCat("ENOENT: no such file or directory, open '", missing, "',-2,ENOENT,open,",
                         missing, "\nENOENT: no such file or directory, stat '", missing,
                         "',-2,ENOENT,stat,", missing,
                         "\nENOENT: no such file or directory, rename '", missing, "' -> '",
                         missing, "2',-2,ENOENT,rename,", missing));
}

// An embedder's runtime may touch no file unless RuntimeOptions grants it.
TEST_P(FsTest, AnEmbedderGrantsNoFilesByDefault) {
  RuntimeOptions options;
  options.console = false;
  std::unique_ptr<Runtime> runtime = Make(options);
  ASSERT_NE(runtime, nullptr);
  std::string file = dir_ + "/x.txt";
  EXPECT_EQ(Await(*runtime, absl::StrCat(R"((async () => {
    const show = (e) => [e.code, e.permission, e.resource].join(',');
    const results = [];
    for (const run of [() => fs.writeFileSync(')", file, R"(', 'x'),
                       () => fs.readFileSync(')", file, R"('),
                       () => fs.mkdirSync(')", dir_, R"(/d')]) {
      try { run(); results.push('allowed'); } catch (e) { results.push(show(e)); }
    }
    results.push(await new Promise((resolve) =>
      fs.readdir(')", dir_, R"(', (e) => resolve(show(e)))));
    results.push(await fsp.stat(')", file, R"(').catch(show));
    return results.join('\n');
  })())")),
            absl::StrCat("ERR_ACCESS_DENIED,FileSystemWrite,", file,
                         "\nERR_ACCESS_DENIED,FileSystemRead,", file,
                         "\nERR_ACCESS_DENIED,FileSystemWrite,", dir_, "/d",
                         "\nERR_ACCESS_DENIED,FileSystemRead,", dir_,
                         "\nERR_ACCESS_DENIED,FileSystemRead,", file));
  struct stat st;
  EXPECT_NE(stat(file.c_str(), &st), 0);
}

TEST_P(FsTest, OpenDescriptorsAreLiveResourcesUntilClosed) {
  std::unique_ptr<Runtime> runtime = Make();
  ASSERT_NE(runtime, nullptr);
  std::string file = dir_ + "/open.txt";
  EXPECT_EQ(Await(*runtime, absl::StrCat("globalThis.fd = fs.openSync('", file,
                                         "', 'w');\nglobalThis.handle = fsp.open('", file,
                                         "').then((h) => (globalThis.handle = h, 'opened'))")),
            "opened");
  std::vector<std::string> pending = runtime->DescribePendingWork();
  ASSERT_EQ(pending.size(), 2u);
  EXPECT_THAT(pending[0], HasSubstr(absl::StrCat("file descriptor ")));
  EXPECT_THAT(pending[0], HasSubstr(absl::StrCat("('", file, "') created at fs_test.js:1:")));
  EXPECT_THAT(pending[1], HasSubstr(absl::StrCat("FileHandle ")));
  EXPECT_THAT(pending[1], HasSubstr("created at fs_test.js:2:"));
  EXPECT_EQ(Await(*runtime, "fs.closeSync(fd); handle.close().then(() => 'closed')"), "closed");
  EXPECT_THAT(runtime->DescribePendingWork(), IsEmpty());
}

// Watchers are libuv handles: live resources (a build would name them) that
// keep the loop alive until closed, unless not persistent; a runtime destroyed
// with one open closes it (ASan checks the rest).
TEST_P(FsTest, WatchersAreLiveResourcesUntilClosed) {
  std::unique_ptr<Runtime> runtime = Make();
  ASSERT_NE(runtime, nullptr);
  ASSERT_TRUE(runtime
                  ->ExecuteScript("watch.js", absl::StrCat("globalThis.w = fs.watch('", dir_,
                                                           "');\nglobalThis.p = fs.watchFile('",
                                                           dir_, "', () => {});"))
                  .ok());
  std::vector<std::string> pending = runtime->DescribePendingWork();
  ASSERT_EQ(pending.size(), 2u);
  EXPECT_THAT(pending[0], HasSubstr("fs.FSWatcher (fs.watch) created at watch.js:1:"));
  EXPECT_THAT(pending[1], HasSubstr("fs.StatWatcher (fs.watchFile) created at watch.js:2:"));
  ASSERT_TRUE(runtime->ExecuteScript("unwatch.js", absl::StrCat("w.close(); fs.unwatchFile('",
                                                                dir_, "');"))
                  .ok());
  ASSERT_TRUE(runtime->RunEventLoop().ok());
  EXPECT_THAT(runtime->DescribePendingWork(), IsEmpty());
  ASSERT_TRUE(runtime->ExecuteScript("again.js", absl::StrCat("fs.watch('", dir_,
                                                              "', { persistent: false }); "
                                                              "fs.watch('", dir_, "');"))
                  .ok());
  EXPECT_EQ(runtime->DescribePendingWork().size(), 2u);
}

// A recursive watcher holds a handle per file and directory but is one live
// resource, named where it was made; close() closes every handle, and a
// runtime destroyed with one open closes them (ASan checks the rest).
TEST_P(FsTest, RecursiveWatcherIsOneLiveResource) {
  std::unique_ptr<Runtime> runtime = Make();
  ASSERT_NE(runtime, nullptr);
  ASSERT_TRUE(runtime
                  ->ExecuteScript("tree.js",
                                  absl::StrCat("fs.mkdirSync('", dir_,
                                               "/a/b', { recursive: true });"
                                               " fs.writeFileSync('", dir_, "/a/b/f.txt', 'x');\n",
                                               "globalThis.t = fs.watch('", dir_,
                                               "', { recursive: true });"))
                  .ok());
  std::vector<std::string> pending = runtime->DescribePendingWork();
  ASSERT_EQ(pending.size(), 1u);
  EXPECT_THAT(pending[0], HasSubstr("fs.FSWatcher (fs.watch, recursive) created at tree.js:2:"));
  ASSERT_TRUE(runtime->ExecuteScript("close.js", "t.close();").ok());
  ASSERT_TRUE(runtime->RunEventLoop().ok());
  EXPECT_THAT(runtime->DescribePendingWork(), IsEmpty());
  ASSERT_TRUE(runtime
                  ->ExecuteScript("again.js", absl::StrCat("fs.watch('", dir_,
                                                           "', { recursive: true });"))
                  .ok());
  EXPECT_EQ(runtime->DescribePendingWork().size(), 1u);
}

TEST_P(FsTest, ACallbackThatThrowsEndsTheLoopWithItsError) {
  std::unique_ptr<Runtime> runtime = Make();
  ASSERT_NE(runtime, nullptr);
  std::string script =
      absl::StrCat("fs.stat('", dir_, "', () => { throw new Error('boom'); })");
  ASSERT_TRUE(runtime->ExecuteScript("throws.js", script).ok());
  absl::Status status = runtime->RunEventLoop();
  EXPECT_THAT(status.message(), HasSubstr("boom"));
}

// Requests still on the thread pool when the runtime goes finish; their
// completions see the runtime gone and never call into JS (ASan checks the rest).
TEST_P(FsTest, ARuntimeDestroyedWithRequestsInFlightLetsThemFinish) {
  {
    std::unique_ptr<Runtime> runtime = Make();
    ASSERT_NE(runtime, nullptr);
    ASSERT_TRUE(runtime
                    ->ExecuteScript("inflight.js", absl::StrCat(R"(
      for (let i = 0; i < 32; i++) {
        fs.writeFile(')", dir_, R"(/w' + i, 'data ' + i, () => { throw new Error('called'); });
        fsp.readFile(')", dir_, R"(').catch(() => {});
        fs.mkdir(')", dir_, R"(/d' + i, { recursive: true }, () => {});
      })"))
                    .ok());
  }
  EXPECT_EQ(ReadAll(dir_ + "/w31"), "data 31");
}

INSTANTIATE_TEST_SUITE_P(FreshAndRestored, FsTest,
                         ::testing::Values(Mode::kFresh, Mode::kRestored),
                         [](const ::testing::TestParamInfo<Mode>& info) {
                           return info.param == Mode::kFresh ? "Fresh" : "Restored";
                         });

}  // namespace
}  // namespace toysnap
