// The runtime's own JavaScript calls the built-ins primordials.js saved, so a
// program that patches globals and prototypes cannot switch it off. Runs on a
// fresh runtime, on a restored one, and on one restored from a heap that was
// patched while it was built.
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <fstream>
#include <functional>
#include <memory>
#include <regex>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "runtime/bootstrap_js.h"
#include "runtime/in_memory_snapshot.h"
#include "runtime/runtime.h"
#include "runtime/test_eval.h"
#include "runtime/v8_test_environment.h"
#include "snapshot/base/status_macros.h"

namespace toysnap {
namespace {

const auto* const kV8 = RegisterV8TestEnvironment();

// Objects to print, made before anything is patched: `new Map(array)` itself
// would call the patched iterator afterwards.
constexpr char kSetup[] = R"js(
globalThis.sample = {
  list: [1, 'two', { three: 3 }], map: new Map([['k', new Set([1])]]),
  nested: { deep: { deeper: { deepest: 1 } } }, text: "it's", when: new Date(0), re: /a+/g,
};
globalThis.log = [];
globalThis.imports = [];
globalThis.trapped = [];
// Appends without Array.prototype.push, and joins without join.
globalThis.record = (list, item) => { list[list.length] = item; };
globalThis.joined = (list) => {
  let text = '';
  for (let i = 0; i < list.length; i++) text += (i === 0 ? '' : ',') + list[i];
  return text;
};
'ready'
)js";

// Every replacement records that it was called, so the test also sees a
// patched built-in the runtime reached but whose failure it swallowed.
constexpr char kPatch[] = R"js(
(function () {
  const trap = (name) => function () { trapped[trapped.length] = name; };
  const patch = (object, names, prefix) => {
    for (let i = 0; i < names.length; i++) object[names[i]] = trap(prefix + names[i]);
  };
  patch(Array.prototype, ['push', 'pop', 'shift', 'map', 'join', 'slice', 'splice', 'forEach'],
        'Array.prototype.');
  patch(Map.prototype, ['get', 'set', 'has', 'delete'], 'Map.prototype.');
  patch(Set.prototype, ['add', 'has'], 'Set.prototype.');
  patch(String.prototype, ['split', 'slice', 'replace', 'indexOf'], 'String.prototype.');
  patch(Promise.prototype, ['then'], 'Promise.prototype.');
  patch(RegExp.prototype, ['exec'], 'RegExp.prototype.');
  patch(JSON, ['stringify'], 'JSON.');
  patch(Object, ['keys'], 'Object.');
  Array.prototype[Symbol.iterator] = trap('Array.prototype[Symbol.iterator]');
  Reflect.apply = trap('Reflect.apply');
  // Last: the lines above call them.
  patch(Function.prototype, ['call', 'apply', 'bind'], 'Function.prototype.');
})();
'patched'
)js";

// Further: every writable or configurable method and accessor of the common
// built-ins, their prototypes and iterators, and the global constructors.
// Left alone: `constructor`, Symbol.species and __proto__, which V8 itself
// reads when an array method or a promise makes a new object (Node's
// primordials have the same limit).
constexpr char kPatchEverything[] = R"js(
(function () {
  const gopd = Object.getOwnPropertyDescriptor;
  const define = Object.defineProperty;
  const ownKeys = Reflect.ownKeys;
  const protoOf = Object.getPrototypeOf;
  const S = String;
  const trap = (name) => function () { trapped[trapped.length] = name; };
  const patchAll = (object, prefix) => {
    const keys = ownKeys(object);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (key === 'constructor' || key === Symbol.species || key === '__proto__') continue;
      const desc = gopd(object, key);
      const name = prefix + S(key);
      if (!desc.configurable && !desc.writable) continue;
      if (typeof desc.value === 'function') {
        define(object, key, { value: trap(name), writable: true, configurable: true });
      } else if (desc.get) {
        define(object, key, { get: trap('get ' + name), set: desc.set && trap('set ' + name),
                              configurable: true });
      }
    }
  };
  const targets = [];
  const add = (object, name) => { targets[targets.length] = [object, name]; };
  const classes = [Array, String, Map, Set, WeakMap, WeakSet, Promise, RegExp, Object, Number,
                   Boolean, Symbol, Date, Error, ArrayBuffer, DataView, Uint8Array];
  for (let i = 0; i < classes.length; i++) {
    add(classes[i].prototype, classes[i].name + '.prototype.');
    add(classes[i], classes[i].name + '.');
  }
  const TypedArray = protoOf(Uint8Array);
  add(TypedArray.prototype, 'TypedArray.prototype.');
  add(TypedArray, 'TypedArray.');
  add(protoOf([][Symbol.iterator]()), 'ArrayIterator.prototype.');
  add(protoOf(new Map()[Symbol.iterator]()), 'MapIterator.prototype.');
  add(protoOf(new Set()[Symbol.iterator]()), 'SetIterator.prototype.');
  add(protoOf(''[Symbol.iterator]()), 'StringIterator.prototype.');
  add(Reflect, 'Reflect.');
  add(JSON, 'JSON.');
  add(Math, 'Math.');
  const globals = ['Map', 'Set', 'Array', 'Object', 'String', 'Number', 'Promise', 'Error',
                   'TypeError', 'RegExp', 'Symbol', 'JSON', 'Math', 'Reflect', 'parseInt',
                   'encodeURIComponent', 'decodeURIComponent'];
  const functionPrototype = Function.prototype;
  for (let i = 0; i < targets.length; i++) patchAll(targets[i][0], targets[i][1]);
  for (let i = 0; i < globals.length; i++) globalThis[globals[i]] = trap('global ' + globals[i]);
  patchAll(functionPrototype, 'Function.prototype.');
})();
'patched'
)js";

// The runtime's machinery after the patches: ticks, microtasks, timers with
// arguments, intervals, clearing, events and require() inside a CommonJS
// module, dynamic import() of CommonJS and of an ES module (which imports
// CommonJS itself), console.log of objects, process.exitCode.
std::string ExerciseScript(const std::string& dir) {
  return R"js(
process.nextTick((a) => record(log, 'tick ' + a), 'arg');
queueMicrotask(() => record(log, 'microtask'));
setTimeout((a, b) => record(log, 'timeout ' + a + b), 1, 'x', 'y');
let n = 0;
const interval = setInterval(() => {
  n++;
  record(log, 'interval ' + n);
  if (n === 2) clearInterval(interval);
}, 1);
clearTimeout(setTimeout(() => record(log, 'cleared'), 1));
(async () => {
  const cjs = await import(')js" + dir + R"js(/dep.cjs');
  record(imports, 'cjs ' + cjs.answer + ' ' + cjs.default.seen[0] + ' ' + cjs.default.seen[1] +
         ' ' + cjs.default.seen[2] + ' ' + cjs.default.listeners);
  const esm = await import(')js" + dir + R"js(/dep.mjs');
  record(imports, 'esm ' + esm.kind + ' ' + esm.base + ' ' + esm.default);
  console.log(sample);
  console.log('%j %s %d', { j: [1] }, 'str', 42);
  process.exitCode = 3;
})()
)js";
}

constexpr char kPrinted[] =
    "{\n"
    "  list: [ 1, 'two', { three: 3 } ],\n"
    "  map: Map(1) { 'k' => Set(1) { 1 } },\n"
    "  nested: { deep: { deeper: [Object] } },\n"
    "  text: \"it's\",\n"
    "  when: 1970-01-01T00:00:00.000Z,\n"
    "  re: /a+/g\n"
    "}\n"
    "{\"j\":[1]} str 42\n";

enum class Mode { kFresh, kRestored, kPatchedAtBuild };

class PrimordialsTest : public ::testing::TestWithParam<Mode> {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/primordials_testXXXXXX";
    dir_ = mkdtemp(pattern);
    Write("helper.cjs", "exports.base = 40;\n");
    // Written without patched built-ins: it is loaded after the patches.
    Write("dep.cjs",
          "const EventEmitter = require('events');\n"
          "const helper = require('./helper.cjs');\n"
          "const emitter = new EventEmitter();\n"
          "const seen = [];\n"
          "emitter.on('ping', (v) => { seen[seen.length] = 'on' + v; });\n"
          "emitter.once('ping', (v) => { seen[seen.length] = 'once' + v; });\n"
          "emitter.emit('ping', 1);\n"
          "emitter.emit('ping', 2);\n"
          "module.exports = { answer: helper.base + 2, seen, listeners: emitter.listenerCount('ping') };\n");
    Write("dep.mjs",
          "import { base } from './helper.cjs';\n"
          "export { base };\n"
          "export const kind = 'esm';\n"
          "export default 'default';\n");
  }

  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ + "/" + name) << text;
  }

  // The tests load modules from disk: the runtime may read files.
  static RuntimeOptions Granted() {
    RuntimeOptions options;
    options.permissions = Permissions::All();
    return options;
  }

  // A runtime in this test's mode, set up and then patched by `patch`.
  absl::StatusOr<std::unique_ptr<Runtime>> MakePatched(const char* patch) {
    auto prepare = [patch](Runtime& runtime) -> absl::Status {
      RETURN_IF_ERROR(runtime.ExecuteScript("setup.js", kSetup).status());
      return runtime.ExecuteScript("patch.js", patch).status();
    };
    std::unique_ptr<Runtime> runtime;
    if (GetParam() == Mode::kFresh) {
      ASSIGN_OR_RETURN(runtime, Runtime::Create(TestV8(), Granted()));
    } else {
      ASSIGN_OR_RETURN(InMemorySnapshot snapshot,
                       BuildInMemorySnapshot(TestV8(), Granted(), GetParam() == Mode::kPatchedAtBuild
                                                     ? std::function<absl::Status(Runtime&)>(prepare)
                                                     : nullptr));
      ASSIGN_OR_RETURN(runtime, Runtime::CreateFromSnapshot(TestV8(), snapshot.blob, snapshot.metadata, Granted()));
    }
    if (GetParam() != Mode::kPatchedAtBuild) RETURN_IF_ERROR(prepare(*runtime));
    return runtime;
  }

  std::string dir_;
};

// What `run` printed to stdout, and its status.
absl::Status CaptureStdout(const std::function<absl::Status()>& run, std::string* printed) {
  char path[] = "/tmp/primordials_stdoutXXXXXX";
  int capture = mkstemp(path);
  int saved = dup(1);
  fflush(stdout);
  dup2(capture, 1);
  absl::Status status = run();
  dup2(saved, 1);
  close(saved);
  std::ifstream in(path);
  printed->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  close(capture);
  unlink(path);
  return status;
}

// Runs the exercise on a patched runtime and checks what it did.
void ExpectRuntimeUnaffected(absl::StatusOr<std::unique_ptr<Runtime>> made, const std::string& dir) {
  ASSERT_TRUE(made.ok()) << made.status();
  Runtime& runtime = **made;
  // The patches hold: user code sees its own versions.
  absl::StatusOr<std::string> patched = EvalToString(runtime, "typeof Reflect.apply(() => 1)");
  ASSERT_TRUE(patched.ok()) << patched.status();
  EXPECT_EQ(*patched, "undefined");
  EXPECT_EQ(EvalToString(runtime, "trapped.length = 0").value_or("error"), "0");

  std::string printed;
  absl::Status status = CaptureStdout(
      [&]() -> absl::Status {
        ASSIGN_OR_RETURN(v8::Global<v8::Value> done,
                         runtime.ExecuteScript("exercise.js", ExerciseScript(dir)));
        RETURN_IF_ERROR(runtime.ResolveValue(done).status());
        return runtime.RunEventLoop();
      },
      &printed);
  ASSERT_TRUE(status.ok()) << status;
  EXPECT_EQ(EvalToString(runtime, "joined(log)").value_or("error"),
            "tick arg,microtask,timeout xy,interval 1,interval 2");
  EXPECT_EQ(EvalToString(runtime, "joined(imports)").value_or("error"),
            "cjs 42 on1 once1 on2 1,esm esm 40 default");
  EXPECT_EQ(printed, kPrinted);
  EXPECT_EQ(runtime.RequestedExitCode(), 3);
  // No patched function was called, not even one whose failure was swallowed.
  EXPECT_EQ(EvalToString(runtime, "joined(trapped)").value_or("error"), "");
}

TEST_P(PrimordialsTest, PatchedBuiltInsDoNotReachTheRuntime) {
  ExpectRuntimeUnaffected(MakePatched(kPatch), dir_);
}

TEST_P(PrimordialsTest, EveryPatchableBuiltInPatched) {
  ExpectRuntimeUnaffected(MakePatched(kPatchEverything), dir_);
}

INSTANTIATE_TEST_SUITE_P(Modes, PrimordialsTest,
                         ::testing::Values(Mode::kFresh, Mode::kRestored, Mode::kPatchedAtBuild),
                         [](const ::testing::TestParamInfo<Mode>& info) {
                           switch (info.param) {
                             case Mode::kFresh: return "Fresh";
                             case Mode::kRestored: return "Restored";
                             default: return "PatchedAtBuild";
                           }
                         });

// A name a bootstrap file takes from primordials but that V8 10.2 lacks would
// be undefined, and fail only when that path runs: evaluates primordials.js
// again under this V8 and looks every destructured name up.
TEST(PrimordialsNamesTest, EveryNameTheBootstrapTakesExists) {
  std::vector<std::string> names;
  std::string primordials_source;
  const std::regex block("const \\{([^}]*)\\} = internals\\.primordials;");
  for (const EmbeddedSource& file : BootstrapSources()) {
    std::string source(file.source);
    if (file.name == "primordials.js") primordials_source = source;
    for (std::sregex_iterator it(source.begin(), source.end(), block), end; it != end; ++it) {
      for (absl::string_view name : absl::StrSplit((*it)[1].str(), ',')) {
        name = absl::StripAsciiWhitespace(name);
        if (!name.empty()) names.push_back(absl::StrCat(file.name, ":", name));
      }
    }
  }
  ASSERT_FALSE(primordials_source.empty());
  ASSERT_GT(names.size(), 100u);
  absl::StatusOr<std::unique_ptr<Runtime>> runtime = Runtime::Create(TestV8(), RuntimeOptions());
  ASSERT_TRUE(runtime.ok()) << runtime.status();
  std::string script = absl::StrCat(
      "const internals = {};\n(", primordials_source, ")({}, internals);\n",
      "const wanted = ['", absl::StrJoin(names, "', '"), "'];\n",
      "wanted.filter((entry) => internals.primordials[entry.split(':')[1]] === undefined).join()");
  absl::StatusOr<std::string> missing = EvalToString(**runtime, script);
  ASSERT_TRUE(missing.ok()) << missing.status();
  EXPECT_EQ(*missing, "");
}

}  // namespace
}  // namespace toysnap
