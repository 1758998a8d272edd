// The async context: V8 10.2 keeps continuation-preserved embedder data with
// promise reactions (the design rests on it), AsyncContextScope nests, and
// AsyncCallback / SavedAsyncContext call back inside the context they kept.
#include "runtime/async_context.h"

#include <memory>
#include <string>

#include "gtest/gtest.h"
#include "runtime/v8_test_environment.h"
#include "v8-array-buffer.h"
#include "v8-function.h"
#include "v8-primitive.h"
#include "v8-script.h"

namespace toysnap {
namespace {

const auto* const kV8 = RegisterV8TestEnvironment();

class AsyncContextTest : public ::testing::Test {
 protected:
  void SetUp() override {
    allocator_.reset(v8::ArrayBuffer::Allocator::NewDefaultAllocator());
    v8::Isolate::CreateParams params;
    params.array_buffer_allocator = allocator_.get();
    isolate_ = v8::Isolate::New(params);
  }
  void TearDown() override { isolate_->Dispose(); }

  v8::Local<v8::Value> Run(v8::Local<v8::Context> context, const char* source) {
    v8::Local<v8::Script> script =
        v8::Script::Compile(context, v8::String::NewFromUtf8(isolate_, source).ToLocalChecked())
            .ToLocalChecked();
    return script->Run(context).ToLocalChecked();
  }
  std::string Text(v8::Local<v8::Value> value) { return *v8::String::Utf8Value(isolate_, value); }
  v8::Local<v8::String> Str(const char* text) {
    return v8::String::NewFromUtf8(isolate_, text).ToLocalChecked();
  }

  std::unique_ptr<v8::ArrayBuffer::Allocator> allocator_;
  v8::Isolate* isolate_ = nullptr;
};

// frame() reads the current async context from JS; setFrame(v) sets it.
void InstallFrameFunctions(v8::Local<v8::Context> context) {
  v8::Isolate* isolate = context->GetIsolate();
  auto frame = [](const v8::FunctionCallbackInfo<v8::Value>& info) {
    info.GetReturnValue().Set(
        info.GetIsolate()->GetCurrentContext()->GetContinuationPreservedEmbedderData());
  };
  auto set_frame = [](const v8::FunctionCallbackInfo<v8::Value>& info) {
    info.GetIsolate()->GetCurrentContext()->SetContinuationPreservedEmbedderData(info[0]);
  };
  context->Global()
      ->Set(context, v8::String::NewFromUtf8Literal(isolate, "frame"),
            v8::Function::New(context, frame).ToLocalChecked())
      .Check();
  context->Global()
      ->Set(context, v8::String::NewFromUtf8Literal(isolate, "setFrame"),
            v8::Function::New(context, set_frame).ToLocalChecked())
      .Check();
}

TEST_F(AsyncContextTest, PromiseReactionsRunInTheContextOfThen) {
  v8::Isolate::Scope isolate_scope(isolate_);
  v8::HandleScope handle_scope(isolate_);
  v8::Local<v8::Context> context = v8::Context::New(isolate_);
  v8::Context::Scope context_scope(context);
  InstallFrameFunctions(context);
  Run(context, R"(
    globalThis.log = [];
    let resolve;
    const p = new Promise((r) => { resolve = r; });
    setFrame('a');
    p.then(() => log.push('then:' + frame()));
    setFrame('b');
    (async () => { await p; log.push('await:' + frame()); })();
    setFrame(undefined);
    resolve();
  )");
  isolate_->PerformMicrotaskCheckpoint();
  EXPECT_EQ(Text(Run(context, "log.join(',') + ' now:' + frame()")), "then:a,await:b now:undefined");
}

TEST_F(AsyncContextTest, ScopesNestAndRestore) {
  v8::Isolate::Scope isolate_scope(isolate_);
  v8::HandleScope handle_scope(isolate_);
  v8::Local<v8::Context> context = v8::Context::New(isolate_);
  v8::Context::Scope context_scope(context);
  {
    AsyncContextScope outer(context, Str("outer"));
    {
      AsyncContextScope inner(context, Str("inner"));
      EXPECT_EQ(Text(context->GetContinuationPreservedEmbedderData()), "inner");
    }
    EXPECT_EQ(Text(context->GetContinuationPreservedEmbedderData()), "outer");
  }
  EXPECT_TRUE(context->GetContinuationPreservedEmbedderData()->IsUndefined());
}

TEST_F(AsyncContextTest, CallbacksRunInTheContextTheyWereKeptIn) {
  v8::Isolate::Scope isolate_scope(isolate_);
  v8::HandleScope handle_scope(isolate_);
  v8::Local<v8::Context> context = v8::Context::New(isolate_);
  v8::Context::Scope context_scope(context);
  InstallFrameFunctions(context);
  v8::Local<v8::Function> report = Run(context, "() => String(frame())").As<v8::Function>();

  AsyncCallback kept_in_store;
  AsyncCallback kept_in_root;
  SavedAsyncContext saved;
  {
    AsyncContextScope store(context, Str("request-1"));
    kept_in_store.Reset(isolate_, report);
    saved.Capture(isolate_);
  }
  kept_in_root.Reset(isolate_, report);

  AsyncContextScope elsewhere(context, Str("elsewhere"));
  EXPECT_EQ(Text(kept_in_store.Call(context, v8::Undefined(isolate_), 0, nullptr).ToLocalChecked()),
            "request-1");
  EXPECT_EQ(Text(kept_in_root.Call(context, v8::Undefined(isolate_), 0, nullptr).ToLocalChecked()),
            "undefined");
  EXPECT_EQ(Text(context->GetContinuationPreservedEmbedderData()), "elsewhere");
  EXPECT_EQ(Text(saved.Get(isolate_)), "request-1");

  // A handle's callbacks take the handle's context, not the caller's.
  AsyncCallback with_saved;
  with_saved.Reset(isolate_, report, saved);
  EXPECT_EQ(Text(with_saved.Call(context, v8::Undefined(isolate_), 0, nullptr).ToLocalChecked()),
            "request-1");
  saved.Reset();
  EXPECT_TRUE(saved.Get(isolate_)->IsUndefined());
  kept_in_store.Reset();
  EXPECT_TRUE(kept_in_store.IsEmpty());
}

}  // namespace
}  // namespace toysnap
