// Unit tests for native classes on bare isolates: state lifetime (GC and
// disposal), brand checks, and a SnapshotCreator round trip of live instances.
#include "runtime/native_classes.h"

#include <memory>
#include <string>

#include "gtest/gtest.h"
#include "runtime/external_references.h"
#include "runtime/natives.h"
#include "runtime/v8_test_environment.h"
#include "v8-array-buffer.h"
#include "v8-context.h"
#include "v8-exception.h"
#include "v8-isolate.h"
#include "v8-primitive.h"
#include "v8-script.h"
#include "v8-snapshot.h"

namespace toysnap {
namespace {

const auto* const kV8 = RegisterV8TestEnvironment();

// Runs `source`; its value as a string, or "threw <name>: <message>".
std::string Eval(v8::Local<v8::Context> context, const std::string& source) {
  v8::Isolate* isolate = context->GetIsolate();
  v8::TryCatch try_catch(isolate);
  v8::Local<v8::Script> script;
  v8::Local<v8::Value> result;
  v8::Local<v8::String> code = v8::String::NewFromUtf8(isolate, source.c_str()).ToLocalChecked();
  if (!v8::Script::Compile(context, code).ToLocal(&script) ||
      !script->Run(context).ToLocal(&result)) {
    v8::String::Utf8Value error(isolate, try_catch.Exception());
    return std::string("threw ") + *error;
  }
  v8::String::Utf8Value text(isolate, result);
  return *text;
}

// Installs the classes as globals, as web.js does with the natives object.
void InstallAsGlobals(v8::Local<v8::Context> context) {
  ASSERT_TRUE(InstallNativeClasses(context, context->Global()).ok());
}

struct IsolateDeleter {
  void operator()(v8::Isolate* isolate) const {
    DisposeNativeClasses(isolate);
    isolate->Dispose();
  }
};
using IsolatePtr = std::unique_ptr<v8::Isolate, IsolateDeleter>;

class NativeClassesTest : public ::testing::Test {
 protected:
  IsolatePtr NewIsolate(v8::StartupData* blob = nullptr) {
    v8::Isolate::CreateParams params;
    params.array_buffer_allocator = allocator_.get();
    params.external_references = ExternalReferences();
    params.snapshot_blob = blob;
    return IsolatePtr(v8::Isolate::New(params));
  }

  std::unique_ptr<v8::ArrayBuffer::Allocator> allocator_{
      v8::ArrayBuffer::Allocator::NewDefaultAllocator()};
};

TEST_F(NativeClassesTest, StatesAreFreedByGcAndByDisposal) {
  IsolatePtr isolate = NewIsolate();
  v8::Isolate::Scope isolate_scope(isolate.get());
  v8::HandleScope handle_scope(isolate.get());
  v8::Local<v8::Context> context = v8::Context::New(isolate.get());
  v8::Context::Scope context_scope(context);
  InstallAsGlobals(context);
  EXPECT_EQ(Eval(context,
                 "for (let i = 0; i < 50; ++i) new TextDecoder(); "
                 "globalThis.kept = [new TextDecoder(), new TextEncoder()]; 'ok'"),
            "ok");
  EXPECT_EQ(LiveNativeStateCount(isolate.get()), 52u);
  isolate->LowMemoryNotification();
  EXPECT_EQ(LiveNativeStateCount(isolate.get()), 2u);
  EXPECT_EQ(Eval(context, "kept[0].decode(new Uint8Array([0x68, 0x69]))"), "hi");
  DisposeNativeClasses(isolate.get());
  EXPECT_EQ(LiveNativeStateCount(isolate.get()), 0u);
  // Without states the instances are unusable, but nothing crashes, even once
  // new states exist again.
  EXPECT_EQ(Eval(context, "kept[0].decode()"), "threw TypeError: Illegal invocation");
  EXPECT_EQ(Eval(context, "new TextDecoder().decode(new Uint8Array([0x6f, 0x6b]))"), "ok");
  EXPECT_EQ(Eval(context, "kept[1].encode('x')"), "threw TypeError: Illegal invocation");
}

TEST_F(NativeClassesTest, ForgedReceiversThrowIllegalInvocation) {
  IsolatePtr isolate = NewIsolate();
  v8::Isolate::Scope isolate_scope(isolate.get());
  v8::HandleScope handle_scope(isolate.get());
  v8::Local<v8::Context> context = v8::Context::New(isolate.get());
  v8::Context::Scope context_scope(context);
  InstallAsGlobals(context);
  const char* calls[] = {
      "TextDecoder.prototype.decode.call(Object.create(TextDecoder.prototype))",
      "TextDecoder.prototype.decode.call(new TextEncoder())",
      "TextEncoder.prototype.encode.call({})",
      "TextEncoder.prototype.encodeInto.call(new TextDecoder(), 'a', new Uint8Array(1))",
      "Object.getOwnPropertyDescriptor(TextDecoder.prototype, 'fatal').get.call(new Uint8Array(2))",
      "Object.create(TextEncoder.prototype).encoding",
      "TextDecoder.prototype.decode.call(undefined)",
  };
  for (const char* call : calls) {
    EXPECT_EQ(Eval(context, call), "threw TypeError: Illegal invocation") << call;
  }
  EXPECT_EQ(Eval(context, "TextDecoder()"),
            "threw TypeError: Class constructor TextDecoder cannot be invoked without 'new'");
  EXPECT_EQ(
      Eval(context, "class Sub extends TextDecoder {}; new Sub().decode(new Uint8Array([0x41]))"),
      "A");
  EXPECT_EQ(Eval(context, "Object.prototype.toString.call(new TextEncoder())"),
            "[object TextEncoder]");
}

TEST_F(NativeClassesTest, LiveInstancesSurviveASnapshot) {
  v8::StartupData blob{nullptr, 0};
  {
    v8::SnapshotCreator creator(ExternalReferences());
    v8::Isolate* isolate = creator.GetIsolate();
    {
      v8::HandleScope handle_scope(isolate);
      v8::Local<v8::Context> context = v8::Context::New(isolate);
      v8::Context::Scope context_scope(context);
      InstallAsGlobals(context);
      // Buffers carry embedder fields too; the serializer must skip them.
      EXPECT_EQ(Eval(context, R"(
          globalThis.decoder = new TextDecoder('utf-8', {ignoreBOM: true});
          globalThis.first = decoder.decode(new Uint8Array([0x41, 0xF0, 0x9F]), {stream: true});
          globalThis.encoder = new TextEncoder();
          globalThis.bytes = encoder.encode('kept');
          globalThis.forged = Object.create(TextDecoder.prototype);
          first)"),
                "A");
      creator.SetDefaultContext(context,
                                v8::SerializeInternalFieldsCallback(SerializeInternalField));
    }
    PrepareNativeClassesForSnapshot(isolate);
    blob = creator.CreateBlob(v8::SnapshotCreator::FunctionCodeHandling::kKeep);
    DisposeNativeClasses(isolate);
  }
  ASSERT_NE(blob.data, nullptr);
  std::unique_ptr<const char[]> blob_owner(blob.data);
  for (int run = 0; run < 2; ++run) {  // each restore gets states of its own
    IsolatePtr isolate = NewIsolate(&blob);
    v8::Isolate::Scope isolate_scope(isolate.get());
    v8::HandleScope handle_scope(isolate.get());
    v8::Local<v8::Context> context =
        v8::Context::New(isolate.get(), nullptr, {}, {},
                         v8::DeserializeInternalFieldsCallback(DeserializeInternalField));
    v8::Context::Scope context_scope(context);
    EXPECT_EQ(LiveNativeStateCount(isolate.get()), 2u);
    EXPECT_EQ(
        Eval(context, "first + decoder.decode(new Uint8Array([0x98, 0x80, 0xEF, 0xBB, 0xBF]))"),
        "A\xF0\x9F\x98\x80\xEF\xBB\xBF");
    EXPECT_EQ(Eval(context, "decoder.ignoreBOM + ' ' + decoder.fatal + ' ' + bytes.join()"),
              "true false 107,101,112,116");
    EXPECT_EQ(Eval(context, "encoder.encode('\\u00e9').join() + ' ' + new TextEncoder().encoding"),
              "195,169 utf-8");
    EXPECT_EQ(Eval(context, "forged.decode()"), "threw TypeError: Illegal invocation");
    EXPECT_EQ(LiveNativeStateCount(isolate.get()), 3u);
  }
}

}  // namespace
}  // namespace toysnap
