// The v8 extension's heap statistics, flags and version tag natives, and the
// extension itself (the serializer natives are v8_serdes.cc's).
#include "runtime/node/v8_module.h"

#include <string>
#include <vector>

#include "runtime/isolate_data.h"
#include "v8-container.h"
#include "v8-initialization.h"
#include "v8-primitive.h"
#include "v8-script.h"
#include "v8-statistics.h"

namespace toysnap::node {
namespace {

v8::Local<v8::Array> Numbers(v8::Isolate* isolate, const std::vector<double>& values) {
  std::vector<v8::Local<v8::Value>> items;
  for (double value : values) items.push_back(v8::Number::New(isolate, value));
  return v8::Array::New(isolate, items.data(), items.size());
}

// In the order of Node's getHeapStatistics() keys.
void HeapStatistics(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::HeapStatistics s;
  isolate->GetHeapStatistics(&s);
  info.GetReturnValue().Set(Numbers(
      isolate, {static_cast<double>(s.total_heap_size()),
                static_cast<double>(s.total_heap_size_executable()),
                static_cast<double>(s.total_physical_size()),
                static_cast<double>(s.total_available_size()),
                static_cast<double>(s.used_heap_size()), static_cast<double>(s.heap_size_limit()),
                static_cast<double>(s.malloced_memory()),
                static_cast<double>(s.peak_malloced_memory()),
                static_cast<double>(s.does_zap_garbage()),
                static_cast<double>(s.number_of_native_contexts()),
                static_cast<double>(s.number_of_detached_contexts()),
                static_cast<double>(s.total_global_handles_size()),
                static_cast<double>(s.used_global_handles_size()),
                static_cast<double>(s.external_memory())}));
}

// [[name, size, used, available, physical], ...]
void HeapSpaceStatistics(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  std::vector<v8::Local<v8::Value>> spaces;
  for (size_t i = 0; i < isolate->NumberOfHeapSpaces(); ++i) {
    v8::HeapSpaceStatistics s;
    if (!isolate->GetHeapSpaceStatistics(&s, i)) continue;
    v8::Local<v8::String> name;
    if (!v8::String::NewFromUtf8(isolate, s.space_name()).ToLocal(&name)) return;
    v8::Local<v8::Value> entry[] = {
        name, v8::Number::New(isolate, static_cast<double>(s.space_size())),
        v8::Number::New(isolate, static_cast<double>(s.space_used_size())),
        v8::Number::New(isolate, static_cast<double>(s.space_available_size())),
        v8::Number::New(isolate, static_cast<double>(s.physical_space_size()))};
    spaces.push_back(v8::Array::New(isolate, entry, 5));
  }
  info.GetReturnValue().Set(v8::Array::New(isolate, spaces.data(), spaces.size()));
}

// [code_and_metadata_size, bytecode_and_metadata_size,
//  external_script_source_size, cpu_profiler_metadata_size]
void HeapCodeStatistics(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::Isolate* isolate = info.GetIsolate();
  v8::HeapCodeStatistics s;
  isolate->GetHeapCodeAndMetadataStatistics(&s);
  info.GetReturnValue().Set(Numbers(
      isolate, {static_cast<double>(s.code_and_metadata_size()),
                static_cast<double>(s.bytecode_and_metadata_size()),
                static_cast<double>(s.external_script_source_size()),
                static_cast<double>(s.cpu_profiler_metadata_size())}));
}

void CachedDataVersionTag(const v8::FunctionCallbackInfo<v8::Value>& info) {
  info.GetReturnValue().Set(v8::ScriptCompiler::CachedDataVersionTag());
}

void SetFlagsFromString(const v8::FunctionCallbackInfo<v8::Value>& info) {
  v8::String::Utf8Value flags(info.GetIsolate(), info[0]);
  if (*flags != nullptr) v8::V8::SetFlagsFromString(*flags, flags.length());
}

std::vector<NativeFunction> AllFunctions() {
  std::vector<NativeFunction> all = {
      {"v8HeapStatistics", HeapStatistics, 0},
      {"v8HeapSpaceStatistics", HeapSpaceStatistics, 0},
      {"v8HeapCodeStatistics", HeapCodeStatistics, 0},
      {"v8CachedDataVersionTag", CachedDataVersionTag, 0},
      {"v8SetFlagsFromString", SetFlagsFromString, 1},
  };
  all.insert(all.end(), kV8SerdesFunctions, kV8SerdesFunctions + kV8SerdesFunctionCount);
  return all;
}

std::unique_ptr<ExtensionState> CreateState() { return std::make_unique<V8State>(); }

constexpr absl::string_view kLazyJs[] = {"v8.js"};
constexpr absl::string_view kJs[] = {"v8_builtin.js"};

}  // namespace

V8State* V8StateOf(v8::Isolate* isolate) {
  IsolateData* data = IsolateData::From(isolate);
  return data == nullptr ? nullptr : static_cast<V8State*>(data->StateOf(V8Extension()));
}

const Extension& V8Extension() {
  static const std::vector<NativeFunction> kFunctions = AllFunctions();
  static const Extension kExtension{"v8", 1, kFunctions, {}, {}, {}, kJs, CreateState, kLazyJs};
  return kExtension;
}

}  // namespace toysnap::node
