// An embedder's module loader: modules from memory, fresh and restored, with
// the default loader behind it.
#include "runtime/embedder_module_loader.h"

#include "gtest/gtest.h"
#include "runtime/in_memory_snapshot.h"
#include "runtime/module_resolver.h"
#include "runtime/runtime.h"
#include "runtime/test_eval.h"
#include "runtime/v8_test_environment.h"

namespace toysnap {
namespace {

// V8 is set up once per binary, by embedder_extension_test.cc.

std::shared_ptr<InMemoryModuleLoader> App() {
  auto loader = std::make_shared<InMemoryModuleLoader>("mem:");
  loader->Add("mem:/app/main.js",
              "import { twice } from './lib/util.js';\n"
              "import data from './data.json' assert { type: 'json' };\n"
              "export const main = () => twice(data.n);\n"
              "export const later = () => import('./lib/util.js').then(m => m.twice(5));\n"
              "globalThis.result = twice(data.n) + ':' + import.meta.url;\n");
  loader->Add("mem:/app/lib/util.js", "export const twice = (x) => 2 * x;\n");
  loader->Add("mem:/app/data.json", "{\"n\": 21}", LoadedModule::Kind::kJson);
  return loader;
}

RuntimeOptions WithApp() {
  RuntimeOptions options;
  options.console = false;
  options.module_loader = App();
  return options;
}

TEST(EmbedderModuleLoaderTest, ResolvesRelativePathsInItsScheme) {
  InMemoryModuleLoader loader("mem:");
  loader.Add("mem:/a/b.js", "");
  EXPECT_EQ(loader.Resolve("../a/./b.js", "mem:/a/c.js").value(), "mem:/a/b.js");
  EXPECT_EQ(loader.Resolve("mem:/a/x/../b.js", "file:///").value(), "mem:/a/b.js");
  EXPECT_EQ(loader.Resolve("./b.js", "file:///a/c.js").value(), std::nullopt);
  EXPECT_EQ(loader.Resolve("lodash", "mem:/a/c.js").value(), std::nullopt);
  EXPECT_EQ(loader.Resolve("./none.js", "mem:/a/c.js").status().message(),
            "no module mem:/a/none.js (imported by mem:/a/c.js)");
}

TEST(EmbedderModuleLoaderTest, MainModuleFromMemory) {
  absl::StatusOr<std::unique_ptr<Runtime>> runtime = Runtime::Create(TestV8(), WithApp());
  ASSERT_TRUE(runtime.ok()) << runtime.status();
  absl::StatusOr<std::string> url = (*runtime)->LoadMainModule("mem:/app/main.js");
  ASSERT_TRUE(url.ok()) << url.status();
  EXPECT_EQ(*url, "mem:/app/main.js");
  ASSERT_TRUE((*runtime)->EvaluateModule(*url).ok());
  EXPECT_EQ(EvalToString(**runtime, "result").value_or("?"), "42:mem:/app/main.js");
  EXPECT_EQ(AwaitOrError(**runtime, "import('mem:/app/main.js').then(m => m.later())"), "10");
  EXPECT_EQ(AwaitOrError(**runtime, "import('mem:/app/nope.js').catch(e => e.message)"),
            "cannot resolve 'mem:/app/nope.js': no module mem:/app/nope.js (imported by " +
                PathToFileUrl(AbsolutePath("[eval]").value()) + ")");
}

TEST(EmbedderModuleLoaderTest, ModulesFromMemoryAreKeptInTheSnapshot) {
  absl::StatusOr<std::unique_ptr<Runtime>> runtime =
      RuntimeWithModule(RuntimeMode::kRestored, WithApp(), "/virtual/entry.mjs",
                        "import { main } from 'mem:/app/main.js'; globalThis.fromMain = main();");
  ASSERT_TRUE(runtime.ok()) << runtime.status();
  EXPECT_EQ(EvalToString(**runtime, "fromMain + ',' + result").value_or("?"),
            "42,42:mem:/app/main.js");
  // A restored runtime with another loader still has the modules.
  RuntimeOptions empty;
  empty.console = false;
  empty.module_loader = std::make_shared<InMemoryModuleLoader>("mem:");
  absl::StatusOr<InMemorySnapshot> snapshot = BuildInMemorySnapshotOfModule(
      TestV8(), WithApp(), "/virtual/entry.mjs", "import 'mem:/app/main.js';");
  ASSERT_TRUE(snapshot.ok()) << snapshot.status();
  absl::StatusOr<std::unique_ptr<Runtime>> restored =
      Runtime::CreateFromSnapshot(TestV8(), snapshot->blob, snapshot->metadata, empty);
  ASSERT_TRUE(restored.ok()) << restored.status();
  EXPECT_EQ(AwaitOrError(**restored, "import('mem:/app/main.js').then(m => m.main())"), "42");
}

}  // namespace
}  // namespace toysnap
