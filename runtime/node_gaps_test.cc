// What Node's own test suite needed of the runtime, in a fresh runtime and in
// one restored from a snapshot: the process natives (ids, credential setters'
// errors, resource figures), util.types' V8 predicates, and the builtins whose
// JavaScript is compiled on first use after a restore (assert, readline,
// timers/promises, fs streams), with the primordials their bootstrap made.
#include <unistd.h>

#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "runtime/in_memory_snapshot.h"
#include "runtime/runtime.h"
#include "runtime/test_eval.h"
#include "runtime/v8_test_environment.h"

namespace toysnap {
namespace {

const auto* const kV8 = RegisterV8TestEnvironment();

enum class Mode { kFresh, kRestored };

class NodeGapsTest : public ::testing::TestWithParam<Mode> {
 protected:
  void SetUp() override {
    RuntimeOptions options;
    options.permissions = Permissions::All();
    if (GetParam() == Mode::kFresh) {
      absl::StatusOr<std::unique_ptr<Runtime>> fresh = Runtime::Create(TestV8(), options);
      ASSERT_TRUE(fresh.ok()) << fresh.status();
      runtime_ = std::move(*fresh);
      return;
    }
    absl::StatusOr<InMemorySnapshot> snapshot = BuildInMemorySnapshot(TestV8(), options, nullptr);
    ASSERT_TRUE(snapshot.ok()) << snapshot.status();
    absl::StatusOr<std::unique_ptr<Runtime>> restored =
        Runtime::CreateFromSnapshot(TestV8(), snapshot->blob, snapshot->metadata, options);
    ASSERT_TRUE(restored.ok()) << restored.status();
    runtime_ = std::move(*restored);
  }

  std::string Eval(const std::string& source) {
    absl::StatusOr<std::string> value = EvalToString(*runtime_, source);
    return value.ok() ? *value : absl::StrCat("error: ", value.status().message());
  }
  std::string Await(const std::string& source) {
    absl::StatusOr<std::string> value = AwaitToString(*runtime_, source);
    return value.ok() ? *value : absl::StrCat("error: ", value.status().message());
  }

  std::unique_ptr<Runtime> runtime_;
};

TEST_P(NodeGapsTest, ProcessReadsTheRealIds) {
  EXPECT_EQ(Eval("[process.getuid(), process.geteuid(), process.getgid(), process.getegid()].join()"),
            absl::StrCat(getuid(), ",", geteuid(), ",", getgid(), ",", getegid()));
  EXPECT_EQ(Eval("process.getgroups().includes(process.getegid())"), "true");
}

TEST_P(NodeGapsTest, CredentialSettersRefuseBadAndUnknownIds) {
  auto code = [&](const std::string& call) {
    return Eval(absl::StrCat("try { ", call, "; 'no error' } catch (e) { e.code + ': ' + e.message }"));
  };
  EXPECT_EQ(code("process.setuid('no-such-user-toysnap')"),
            "ERR_UNKNOWN_CREDENTIAL: User identifier does not exist: no-such-user-toysnap");
  EXPECT_EQ(code("process.setegid('no-such-group-toysnap')"),
            "ERR_UNKNOWN_CREDENTIAL: Group identifier does not exist: no-such-group-toysnap");
  EXPECT_EQ(code("process.setgroups([0, 'no-such-group-toysnap'])"),
            "ERR_UNKNOWN_CREDENTIAL: Group identifier does not exist: no-such-group-toysnap");
  // An unknown user name is passed on to initgroups(3), as Node does; an
  // unknown group is refused before any call.
  EXPECT_EQ(code("process.initgroups('root', 'no-such-group-toysnap')"),
            "ERR_UNKNOWN_CREDENTIAL: Group identifier does not exist: no-such-group-toysnap");
  EXPECT_EQ(code("process.setuid({})"),
            "ERR_INVALID_ARG_TYPE: The \"id\" argument must be one of type number or string. "
            "Received an instance of Object");
  EXPECT_EQ(code("process.setgid(-1)"),
            "ERR_OUT_OF_RANGE: The value of \"id\" is out of range. It must be >= 0 && <= "
            "4294967295. Received -1");
}

TEST_P(NodeGapsTest, ResourceFiguresArePlausible) {
  EXPECT_EQ(Eval("const u = process.cpuUsage(); u.user >= 0 && u.system >= 0 && "
                 "process.cpuUsage(u).user >= 0"),
            "true");
  EXPECT_EQ(Eval("const r = process.resourceUsage(); Object.keys(r).length === 16 && r.maxRSS > 0"),
            "true");
  EXPECT_EQ(Eval("process.constrainedMemory() > 0 && process.availableMemory() > 0"), "true");
  EXPECT_EQ(Eval("try { process.cpuUsage({ user: -1, system: 0 }) } catch (e) { e.code }"),
            "ERR_INVALID_ARG_VALUE");
}

TEST_P(NodeGapsTest, UtilTypesUseV8sPredicates) {
  EXPECT_EQ(Await("import('node:util').then(({ types }) => [types.isProxy(new Proxy({}, {})), "
                  "types.isProxy({}), types.isGeneratorObject((function* () {})()), "
                  "types.isMapIterator(new Map().keys()), types.isSetIterator(new Set().values()), "
                  "types.isNativeError(Object.create(Error.prototype)), "
                  "types.isNativeError(new RangeError()), "
                  "types.isArgumentsObject((function () { return arguments; })())].join())"),
            "true,false,true,true,true,false,true,true");
}

// Their scripts compile on first require; after a restore they must find
// every primordial they destructure (a missing one is undefined, and calling
// it throws).
TEST_P(NodeGapsTest, LazyBuiltinsLoadAndWork) {
  EXPECT_EQ(Await("import('node:assert').then(({ default: assert }) => { "
                  "assert.deepStrictEqual(new Map([[1, { a: [1] }]]), new Map([[1, { a: [1] }]])); "
                  "try { assert.strictEqual(1, 2) } catch (e) { return e.message } })"),
            "Expected values to be strictly equal:\n\n1 !== 2\n");
  EXPECT_EQ(Await("Promise.all([import('node:readline'), import('node:stream')]).then("
                  "async ([{ default: readline }, { PassThrough }]) => { "
                  "const input = new PassThrough(); const rl = readline.createInterface({ input }); "
                  "const lines = []; const done = (async () => { for await (const l of rl) lines.push(l); })(); "
                  "input.end('a\\r\\nb\\nc'); await done; return lines.join('|'); })"),
            "a|b|c");
  EXPECT_EQ(Await("import('node:timers/promises').then(async (t) => { "
                  "const v = await t.setTimeout(1, 'v'); "
                  "try { await t.setImmediate(0, { signal: AbortSignal.abort() }) } "
                  "catch (e) { return v + ' ' + e.code } })"),
            "v ABORT_ERR");
  std::string file = absl::StrCat(::testing::TempDir(), "/node_gaps_stream.txt");
  EXPECT_EQ(Await(absl::StrCat(
                "import('node:fs').then((fs) => new Promise((resolve, reject) => { "
                "const ws = fs.createWriteStream('", file, "'); ws.end('streamed', () => { "
                "let text = ''; fs.createReadStream('", file, "', { encoding: 'utf8', start: 2 })"
                ".on('data', (d) => { text += d; }).on('error', reject)"
                ".on('close', () => resolve(text + ' ' + ws.bytesWritten)); }); }))")),
            "reamed 8");
}

INSTANTIATE_TEST_SUITE_P(FreshAndRestored, NodeGapsTest,
                         ::testing::Values(Mode::kFresh, Mode::kRestored));

}  // namespace
}  // namespace toysnap
