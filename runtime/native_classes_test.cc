// Unit tests for native classes on bare isolates: state lifetime (GC and
// disposal), brand checks, and a SnapshotCreator round trip of live instances.
#include "runtime/native_classes.h"

#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "runtime/builtin_extensions.h"
#include "runtime/extension_registry.h"
#include "runtime/isolate_data.h"
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

// A parent class with a read-write accessor and a static, and a subclass that
// inherits them: what EventTarget -> AbortSignal and the stream classes need.
class LabelState : public NativeState {
 public:
  explicit LabelState(std::string label) : label(std::move(label)) {}
  std::string Serialize() const override { return label; }
  std::string label;
};

extern const NativeClass kLabeledClass;
extern const NativeClass kTaggedClass;

void LabeledConstruct(const v8::FunctionCallbackInfo<v8::Value>& info) {
  WrapNativeState(info.This(), kLabeledClass, std::make_unique<LabelState>("none"));
}
void TaggedConstruct(const v8::FunctionCallbackInfo<v8::Value>& info) {
  WrapNativeState(info.This(), kTaggedClass, std::make_unique<LabelState>("tagged"));
}
void GetLabel(const v8::FunctionCallbackInfo<v8::Value>& info) {
  auto* state = UnwrapNativeState<LabelState>(info, kLabeledClass);
  if (state == nullptr) return;
  info.GetReturnValue().Set(
      v8::String::NewFromUtf8(info.GetIsolate(), state->label.c_str()).ToLocalChecked());
}
void SetLabel(const v8::FunctionCallbackInfo<v8::Value>& info) {
  auto* state = UnwrapNativeState<LabelState>(info, kLabeledClass);
  if (state == nullptr) return;
  v8::String::Utf8Value text(info.GetIsolate(), info[0]);
  state->label = *text;
}
void Shout(const v8::FunctionCallbackInfo<v8::Value>& info) {
  auto* state = UnwrapNativeState<LabelState>(info, kTaggedClass);
  if (state == nullptr) return;
  info.GetReturnValue().Set(
      v8::String::NewFromUtf8(info.GetIsolate(), (state->label + "!").c_str()).ToLocalChecked());
}
void Kind(const v8::FunctionCallbackInfo<v8::Value>& info) {
  info.GetReturnValue().Set(v8::String::NewFromUtf8Literal(info.GetIsolate(), "labeled"));
}
absl::StatusOr<std::unique_ptr<NativeState>> RestoreLabel(absl::string_view bytes) {
  return std::make_unique<LabelState>(std::string(bytes));
}

constexpr NativeMethod kLabelGetters[] = {{"label", GetLabel, 0}};
constexpr NativeMethod kLabelSetters[] = {{"label", SetLabel, 1}};
constexpr NativeMethod kLabelStatics[] = {{"kind", Kind, 0}};
constexpr NativeMethod kTaggedMethods[] = {{"shout", Shout, 0}};
const NativeClass kLabeledClass = {"Labeled", LabeledConstruct, 0, {}, kLabelGetters,
                                   RestoreLabel, 1, kLabelSetters, kLabelStatics};
const NativeClass kTaggedClass = {"Tagged", TaggedConstruct, 0, kTaggedMethods, {},
                                  RestoreLabel, 1, {}, {}, &kLabeledClass};
const NativeClass* const kTestClasses[] = {&kLabeledClass, &kTaggedClass};
const Extension kTestExtension{"test-classes", 1, {}, {}, kTestClasses, {}, {}};

std::vector<const Extension*> TestExtensions() {
  std::vector<const Extension*> extensions = BuiltinExtensions();
  extensions.push_back(&kTestExtension);
  return extensions;
}

// Installs the classes as globals, with TextEncoder and TextDecoder (lazy
// classes web.js installs at their first use).
void InstallAsGlobals(v8::Local<v8::Context> context) {
  IsolateData* data = IsolateData::From(context->GetIsolate());
  ASSERT_NE(data, nullptr);
  std::vector<const NativeClass*> classes = data->extensions().classes();
  for (const char* name : {"TextEncoder", "TextDecoder"}) {
    const NativeClass* cls = data->extensions().FindClass(name);
    ASSERT_NE(cls, nullptr);
    classes.push_back(cls);
  }
  ASSERT_TRUE(InstallNativeClasses(context, context->Global(), classes).ok());
}

// An isolate with its IsolateData, freed in the right order.
struct TestIsolate {
  std::unique_ptr<IsolateData> data;
  v8::Isolate* isolate = nullptr;
  ~TestIsolate() {
    if (isolate == nullptr) return;
    DisposeNativeClasses(isolate);
    isolate->Dispose();
  }
};

class IsolatePtr {
 public:
  explicit IsolatePtr(std::unique_ptr<TestIsolate> isolate) : isolate_(std::move(isolate)) {}
  v8::Isolate* get() const { return isolate_->isolate; }
  v8::Isolate* operator->() const { return isolate_->isolate; }

 private:
  std::unique_ptr<TestIsolate> isolate_;
};

class NativeClassesTest : public ::testing::Test {
 protected:
  IsolatePtr NewIsolate(v8::StartupData* blob = nullptr) {
    v8::Isolate::CreateParams params;
    params.array_buffer_allocator = allocator_.get();
    params.external_references = registry_.external_references();
    params.snapshot_blob = blob;
    auto isolate = std::make_unique<TestIsolate>();
    isolate->data = std::make_unique<IsolateData>(&registry_);
    isolate->isolate = v8::Isolate::New(params);
    isolate->data->AttachTo(isolate->isolate);
    return IsolatePtr(std::move(isolate));
  }

  ExtensionRegistry registry_{TestExtensions()};
  std::unique_ptr<v8::ArrayBuffer::Allocator> allocator_{
      v8::ArrayBuffer::Allocator::NewDefaultAllocator()};
};

TEST_F(NativeClassesTest, SubclassesInheritMethodsAccessorsAndTheBrand) {
  ASSERT_TRUE(registry_.status().ok()) << registry_.status();
  IsolatePtr isolate = NewIsolate();
  v8::Isolate::Scope isolate_scope(isolate.get());
  v8::HandleScope handle_scope(isolate.get());
  v8::Local<v8::Context> context = v8::Context::New(isolate.get());
  v8::Context::Scope context_scope(context);
  InstallAsGlobals(context);
  EXPECT_EQ(Eval(context, "const t = new Tagged(); t.label = 'x'; t.label + ' ' + t.shout()"),
            "x x!");
  EXPECT_EQ(Eval(context, "(t instanceof Labeled) + ' ' + Object.getPrototypeOf(Tagged)"
                          ".name + ' ' + Labeled.kind()"),
            "true Labeled labeled");
  EXPECT_EQ(Eval(context, "const l = new Labeled(); l.label = 'y'; l.label"), "y");
  // A parent instance is not a subclass instance.
  EXPECT_EQ(Eval(context, "Tagged.prototype.shout.call(l)"), "threw TypeError: Illegal invocation");
  EXPECT_EQ(Eval(context, "Object.getOwnPropertyDescriptor(Labeled.prototype, 'label')"
                          ".set.call({}, 'z')"),
            "threw TypeError: Illegal invocation");
}

TEST(ExtensionRegistryClassesTest, ASubclassMustComeAfterItsParent) {
  const NativeClass* const reversed[] = {&kTaggedClass, &kLabeledClass};
  const Extension extension{"reversed", 1, {}, {}, reversed, {}, {}};
  ExtensionRegistry registry({&extension});
  EXPECT_FALSE(registry.status().ok());
  EXPECT_NE(std::string(registry.status().message()).find("Tagged extends Labeled"),
            std::string::npos)
      << registry.status();
}

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
    v8::SnapshotCreator creator(registry_.external_references());
    v8::Isolate* isolate = creator.GetIsolate();
    IsolateData data(&registry_);
    data.AttachTo(isolate);
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
          globalThis.tagged = new Tagged();
          tagged.label = 'kept too';
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
    EXPECT_EQ(LiveNativeStateCount(isolate.get()), 3u);
    EXPECT_EQ(Eval(context, "tagged.label + ' ' + tagged.shout()"), "kept too kept too!");
    EXPECT_EQ(
        Eval(context, "first + decoder.decode(new Uint8Array([0x98, 0x80, 0xEF, 0xBB, 0xBF]))"),
        "A\xF0\x9F\x98\x80\xEF\xBB\xBF");
    EXPECT_EQ(Eval(context, "decoder.ignoreBOM + ' ' + decoder.fatal + ' ' + bytes.join()"),
              "true false 107,101,112,116");
    EXPECT_EQ(Eval(context, "encoder.encode('\\u00e9').join() + ' ' + new TextEncoder().encoding"),
              "195,169 utf-8");
    EXPECT_EQ(Eval(context, "forged.decode()"), "threw TypeError: Illegal invocation");
    EXPECT_EQ(LiveNativeStateCount(isolate.get()), 4u);
  }
}

}  // namespace
}  // namespace toysnap
