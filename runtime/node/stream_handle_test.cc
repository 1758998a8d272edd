// The stream-handle layer inside a Runtime, its classes installed as globals
// for the test: pipes over a socketpair (strings, bytes, queued writes, EOF),
// TCP on 127.0.0.1 (listen, accept, echo, refused connect), a TTY on a
// pseudo-terminal, the permission check, and runtimes destroyed with handles
// open (tools/test runs this under ASan and LSan too).
#include <pty.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "runtime/in_memory_snapshot.h"
#include "runtime/node/signal_watch.h"
#include "runtime/node/stream_handle.h"
#include "runtime/runtime.h"
#include "runtime/test_eval.h"
#include "runtime/v8_test_environment.h"
#include "v8-function.h"

namespace toysnap::node {
namespace {

using ::testing::HasSubstr;

const auto* const kV8 = RegisterV8TestEnvironment();

std::unique_ptr<Runtime> MakeRuntime(bool net = true) {
  RuntimeOptions options;
  options.console = false;
  if (net) options.permissions = Permissions::All();
  absl::StatusOr<std::unique_ptr<Runtime>> runtime = Runtime::Create(TestV8(), options);
  EXPECT_TRUE(runtime.ok()) << runtime.status();
  if (!runtime.ok()) return nullptr;
  // Pipe, TCP, TTY, uvErrorName and guessHandleType as globals.
  v8::Isolate* isolate = (*runtime)->isolate();
  v8::Isolate::Scope isolate_scope(isolate);
  v8::HandleScope handle_scope(isolate);
  v8::Local<v8::Context> context = (*runtime)->context();
  v8::Context::Scope context_scope(context);
  EXPECT_TRUE(InstallNativeClasses(context, context->Global(), StreamHandleClasses()).ok());
  const NativeClass* signal[] = {&SignalWatchClass()};
  EXPECT_TRUE(InstallNativeClasses(context, context->Global(), signal).ok());
  for (const NativeFunction& function : StreamHandleFunctions()) {
    v8::Local<v8::Function> made =
        v8::Function::New(context, function.callback).ToLocalChecked();
    context->Global()
        ->Set(context, v8::String::NewFromUtf8(isolate, function.name).ToLocalChecked(), made)
        .Check();
  }
  return std::move(*runtime);
}

std::string Eval(Runtime& runtime, const std::string& source) {
  absl::StatusOr<std::string> value = EvalToString(runtime, source);
  EXPECT_TRUE(value.ok()) << value.status();
  return value.ok() ? *value : "";
}

void RunLoop(Runtime& runtime) {
  absl::Status status = runtime.RunEventLoop();
  EXPECT_TRUE(status.ok()) << status;
}

class StreamHandleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, fds_), 0);
    runtime_ = MakeRuntime();
    ASSERT_NE(runtime_, nullptr);
  }
  void TearDown() override {
    runtime_.reset();  // closes every handle; the fds with them
  }
  int fds_[2] = {-1, -1};
  std::unique_ptr<Runtime> runtime_;
};

TEST_F(StreamHandleTest, PipesCarryStringsAndBytesThenEof) {
  Eval(*runtime_, "globalThis.a = new Pipe(); globalThis.b = new Pipe(); globalThis.log = [];"
                  "[a.open(" + std::to_string(fds_[0]) + "), b.open(" + std::to_string(fds_[1]) +
                  ")].join()");
  EXPECT_EQ(Eval(*runtime_, R"(
    const got = [];
    b.readStart((chunk) => {
      if (typeof chunk === 'number') {
        log.push('end ' + uvErrorName(chunk)[0] + ' ' + new TextDecoder().decode(
            new Uint8Array(got.flatMap((c) => [...c]))));
        b.close(() => log.push('b closed'));
        return;
      }
      got.push(chunk);
    });
    const results = [a.write('héllo ', 'utf8'), a.write('\u00e9', 'latin1'),
                     a.write(new Uint8Array([0x21])), a.write('')];
    a.shutdown((status) => { log.push('shutdown ' + status); a.close(() => log.push('a closed')); });
    results.join())"), "0,0,0,0");
  RunLoop(*runtime_);
  // 'é' in Latin-1 is one byte (0xe9), invalid UTF-8: decoded as U+FFFD.
  EXPECT_EQ(Eval(*runtime_, "log.join('|') + ' ' + a.bytesWritten + ' ' + b.bytesRead"),
            "shutdown 0|end EOF héllo \uFFFD!|b closed|a closed 9 9");
  EXPECT_EQ(Eval(*runtime_, "[a.closed, a.fd, a.write('x')].join()"), "true,-1,-9");
  EXPECT_THAT(runtime_->DescribePendingWork(), ::testing::IsEmpty());
}

TEST_F(StreamHandleTest, AWriteThatDoesNotFitIsQueuedAndCalledBack) {
  Eval(*runtime_, "globalThis.a = new Pipe(); globalThis.b = new Pipe(); a.open(" +
                      std::to_string(fds_[0]) + "); b.open(" + std::to_string(fds_[1]) + ")");
  EXPECT_EQ(Eval(*runtime_, R"(
    globalThis.received = 0; globalThis.done = -1;
    const big = new Uint8Array(4 << 20).fill(7);
    const result = a.write(big, undefined, (status) => { done = status; a.close(); });
    big.fill(0);  // the queued rest is the buffer's memory, as in Node
    b.readStart((chunk) => {
      if (typeof chunk === 'number') return;
      received += chunk.length;
      if (received === 4 << 20) b.close();
    });
    result + ' ' + (a.writeQueueSize > 0))"), "1 true");
  RunLoop(*runtime_);
  EXPECT_EQ(Eval(*runtime_, "done + ' ' + received + ' ' + a.bytesWritten"), "0 4194304 4194304");
}

TEST_F(StreamHandleTest, BlockingWritesNeverQueue) {
  Eval(*runtime_, "globalThis.a = new Pipe(); a.open(" + std::to_string(fds_[0]) + ");"
                  "a.setBlocking(true)");
  // A reader thread drains the other end while the write waits.
  std::string all;
  int reader_fd = fds_[1];
  std::thread reader([&] {
    char buffer[65536];
    ssize_t n;
    while (all.size() < (1u << 20) && (n = read(reader_fd, buffer, sizeof(buffer))) > 0) {
      all.append(buffer, static_cast<size_t>(n));
    }
  });
  EXPECT_EQ(Eval(*runtime_, "[a.write('x'.repeat(1 << 20)), a.writeQueueSize].join()"), "0,0");
  reader.join();
  EXPECT_EQ(all.size(), 1u << 20);
  Eval(*runtime_, "a.close()");
  RunLoop(*runtime_);
}

TEST_F(StreamHandleTest, TcpEchoOnAnEphemeralPort) {
  EXPECT_EQ(Eval(*runtime_, R"(
    globalThis.log = [];
    const server = new TCP('test server');
    const bound = server.bind('127.0.0.1', 0);
    const listening = server.listen(16, (status) => {
      const peer = new TCP();
      log.push('connection ' + status + ' ' + server.accept(peer));
      peer.readStart((chunk) => {
        if (typeof chunk === 'number') { peer.close(); server.close(); return; }
        peer.write(chunk);  // echo
      });
    });
    globalThis.port = server.getsockname().port;
    const client = new TCP();
    client.connect('127.0.0.1', port, (status) => {
      log.push('connected ' + status + ' ' + (client.getpeername().port === port));
      client.setNoDelay(true);
      client.setKeepAlive(true, 10);
      client.write('ping');
      client.readStart((chunk) => {
        if (typeof chunk === 'number') { log.push('eof'); client.close(); return; }
        log.push('echo ' + new TextDecoder().decode(chunk));
        client.shutdown(() => {});
      });
    });
    [bound, listening, server.getsockname().address, server.getsockname().family,
     port > 0].join())"),
            "0,0,127.0.0.1,IPv4,true");
  RunLoop(*runtime_);
  EXPECT_EQ(Eval(*runtime_, "log.join('|')"), "connection 0 0|connected 0 true|echo ping|eof");
}

TEST_F(StreamHandleTest, RefusedConnectAndBadAddress) {
  EXPECT_EQ(Eval(*runtime_, R"(
    globalThis.result = '';
    const client = new TCP();
    client.connect('127.0.0.1', 1, (status) => {
      result = uvErrorName(status).join(': ');
      client.close();
    });
    new TCP().connect('not an ip', 80, () => {}))"),
            "-22");
  RunLoop(*runtime_);
  EXPECT_EQ(Eval(*runtime_, "result"), "ECONNREFUSED: connection refused");
}

TEST_F(StreamHandleTest, ListeningServerAndOpenPipesAreNamedAsOpen) {
  Eval(*runtime_, "globalThis.s = new TCP('net.Server'); s.bind('127.0.0.1', 0); "
                  "s.listen(1, () => {}); s.unref(); s.hasRef()");
  std::vector<std::string> pending = runtime_->DescribePendingWork();
  ASSERT_EQ(pending.size(), 1u);
  EXPECT_THAT(pending[0], HasSubstr("net.Server created at eval.js:1:"));
  RunLoop(*runtime_);  // unref'd: returns at once
  Eval(*runtime_, "s.close()");
  RunLoop(*runtime_);
  EXPECT_THAT(runtime_->DescribePendingWork(), ::testing::IsEmpty());
}

TEST_F(StreamHandleTest, DestroyedWithHandlesOpenAndRequestsPending) {
  Eval(*runtime_, "globalThis.a = new Pipe(); a.open(" + std::to_string(fds_[0]) + ");"
                  "a.readStart(() => { throw new Error('never'); });"
                  "a.write(new Uint8Array(8 << 20), undefined, () => { throw new Error('never'); });"
                  "globalThis.s = new TCP(); s.bind('127.0.0.1', 0); s.listen(1, () => {});"
                  "globalThis.c = new TCP(); c.connect('127.0.0.1', s.getsockname().port, () => {})");
  runtime_.reset();  // no callback reaches JS; ASan/LSan check the rest
}

TEST(StreamHandlePermissions, NetNeedsThePermission) {
  std::unique_ptr<Runtime> runtime = MakeRuntime(/*net=*/false);
  ASSERT_NE(runtime, nullptr);
  EXPECT_EQ(Eval(*runtime, R"(
    const errors = [];
    for (const f of [() => new TCP().connect('127.0.0.1', 80, () => {}),
                     () => new TCP().bind('0.0.0.0', 8080),
                     () => new Pipe().bind('/tmp/x.sock')]) {
      try { f(); } catch (e) { errors.push(e.code + ' ' + e.permission + ' ' + e.resource); }
    }
    errors.join('|'))"),
            "ERR_ACCESS_DENIED Net 127.0.0.1:80|ERR_ACCESS_DENIED Net 0.0.0.0:8080|"
            "ERR_ACCESS_DENIED Net /tmp/x.sock");
}

TEST(StreamHandleTty, WindowSizeAndRawModeOnAPseudoTerminal) {
  int master = -1;
  int slave = -1;
  winsize size = {};
  size.ws_col = 99;
  size.ws_row = 33;
  ASSERT_EQ(openpty(&master, &slave, nullptr, nullptr, &size), 0);
  std::unique_ptr<Runtime> runtime = MakeRuntime();
  ASSERT_NE(runtime, nullptr);
  std::string fd = std::to_string(slave);
  EXPECT_EQ(Eval(*runtime, "globalThis.t = new TTY(" + fd + "); [guessHandleType(" + fd +
                               "), t.getWindowSize().join('x'), t.setRawMode(true), "
                               "t.setRawMode(false), t.write('hi')].join()"),
            "TTY,99x33,0,0,0");
  char buffer[16] = {};
  ASSERT_EQ(read(master, buffer, 2), 2);
  EXPECT_EQ(std::string(buffer, 2), "hi");
  EXPECT_THAT(Eval(*runtime, "try { new TTY(-1) } catch (e) { e.code }"), "ERR_INVALID_ARG_TYPE");
  Eval(*runtime, "t.close()");
  RunLoop(*runtime);
  runtime.reset();
  close(master);
  close(slave);
}

// A snapshot cannot hold an open handle: a server listening at build time
// does not keep the build waiting, and the build fails naming it; one closed
// before the build ends is fine, and its object comes back closed.
TEST(StreamHandleSnapshot, OpenAtBuildTimeFailsClosedIsRestoredClosed) {
  RuntimeOptions options;
  options.console = false;
  options.permissions = Permissions::All();
  absl::StatusOr<InMemorySnapshot> open = BuildInMemorySnapshotOfModule(
      TestV8(), options, "/build/open.mjs",
      "import net from 'node:net';\nnet.createServer().listen(0, '127.0.0.1');\n");
  ASSERT_FALSE(open.ok());
  EXPECT_THAT(std::string(open.status().message()),
              HasSubstr("net.Server created at file:///build/open.mjs:2:"));
  absl::StatusOr<InMemorySnapshot> closed = BuildInMemorySnapshotOfModule(
      TestV8(), options, "/build/closed.mjs",
      "import net from 'node:net';\nconst s = net.createServer();\n"
      "s.listen(0, '127.0.0.1', () => s.close());\nglobalThis.server = s;\n");
  ASSERT_TRUE(closed.ok()) << closed.status();
  absl::StatusOr<std::unique_ptr<Runtime>> runtime =
      Runtime::CreateFromSnapshot(TestV8(), closed->blob, closed->metadata, options);
  ASSERT_TRUE(runtime.ok()) << runtime.status();
  EXPECT_EQ(Eval(**runtime, "server.listening + ' ' + server.address()"), "false null");
  Eval(**runtime, "globalThis.log = []; server.listen(0, '127.0.0.1', () => { "
                  "log.push(server.address().port > 0); server.close(() => log.push('closed')); })");
  RunLoop(**runtime);
  EXPECT_EQ(Eval(**runtime, "log.join()"), "true,closed");
}

// SIGWINCH reaches a SignalWatch (tty streams' 'resize'); the watcher alone
// never keeps the loop alive, and a runtime may be destroyed with one open.
TEST(StreamHandleSignal, SignalWatchCallsBackAndDoesNotKeepTheLoopAlive) {
  std::unique_ptr<Runtime> runtime = MakeRuntime();
  ASSERT_NE(runtime, nullptr);
  Eval(*runtime, "globalThis.got = 0; globalThis.w = new SignalWatch(28, () => { got++; });"
                 "globalThis.keep = setTimeout(() => {}, 5000)");
  kill(getpid(), SIGWINCH);
  for (int i = 0; i < 200 && Eval(*runtime, "got") == "0"; ++i) {
    ASSERT_TRUE(runtime->PollEventLoop().ok());
    usleep(5000);
  }
  EXPECT_EQ(Eval(*runtime, "clearTimeout(keep); got"), "1");
  RunLoop(*runtime);  // returns: the watcher is unreferenced
  Eval(*runtime, "globalThis.w2 = new SignalWatch(28, () => {})");
  runtime.reset();  // with w2 open
}

// An embedder's runtime without `console` keeps the process's stdio: the
// program's process.stdout and stderr write nowhere, its stdin is empty.
TEST(StreamHandleStdio, WithoutConsoleTheProcessStdioIsNotTheProgramsOwn) {
  std::unique_ptr<Runtime> runtime = MakeRuntime();  // console = false
  ASSERT_NE(runtime, nullptr);
  EXPECT_EQ(Eval(*runtime, "globalThis.log = [];"
                           "[process.stdout.write('not shown\\n', () => log.push('written')),"
                           " process.stdout._type, process.stdout.fd, process.stderr.isTTY,"
                           " process.stdin.fd].join()"),
            "true,,1,,0");
  Eval(*runtime, "process.stdin.on('data', () => log.push('data'));"
                 "process.stdin.on('end', () => log.push('end'))");
  RunLoop(*runtime);
  EXPECT_EQ(Eval(*runtime, "log.join()"), "written,end");
}

TEST(StreamHandleUnwrap, OnlyLiveHandlesOfThisIsolate) {
  std::unique_ptr<Runtime> runtime = MakeRuntime();
  ASSERT_NE(runtime, nullptr);
  absl::StatusOr<v8::Global<v8::Value>> pipe = runtime->ExecuteScript("p.js", "new Pipe()");
  absl::StatusOr<v8::Global<v8::Value>> plain = runtime->ExecuteScript("o.js", "({})");
  ASSERT_TRUE(pipe.ok() && plain.ok());
  v8::Isolate* isolate = runtime->isolate();
  v8::Isolate::Scope isolate_scope(isolate);
  v8::HandleScope handle_scope(isolate);
  v8::Context::Scope context_scope(runtime->context());
  StreamHandle* handle = UnwrapStreamHandle(isolate, pipe->Get(isolate));
  ASSERT_NE(handle, nullptr);
  EXPECT_EQ(handle->kind(), HandleKind::kPipe);
  EXPECT_NE(handle->pipe(), nullptr);
  EXPECT_EQ(UnwrapStreamHandle(isolate, plain->Get(isolate)), nullptr);
}

}  // namespace
}  // namespace toysnap::node
