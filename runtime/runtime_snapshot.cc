// Runtime, the hand-over to and from snapshots: the files a build read (for
// incremental rebuilds), the state handed to a SnapshotCreator, and what a
// restored runtime takes back from the snapshot's context.
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/types/span.h"
#include "runtime/native_classes.h"
#include "runtime/node/vm.h"
#include "runtime/runtime.h"
#include "runtime/runtime_internal.h"
#include "runtime/v8_process.h"
#include "snapshot/base/checksum.h"
#include "snapshot/base/file_io.h"
#include "snapshot/base/status_macros.h"
#include "v8-primitive.h"

namespace toysnap {

using runtime_internal::ContextScope;
using runtime_internal::OnMessage;

namespace {

bool NamesAnyOf(absl::string_view source, absl::Span<const absl::string_view> names) {
  for (absl::string_view name : names) {
    if (absl::StrContains(source, name)) return true;
  }
  return false;
}

// Whether a file the program reads names a method language.js installs from
// core-js. Only timing depends on it: a restored program that calls one the
// scan missed (a computed name) loads core-js then, as a runtime from source
// does.
bool NamesLanguageFeature(absl::string_view source) {
  static constexpr absl::string_view kNames[] = {
      "toSorted", "toReversed", "toSpliced", "isWellFormed", "toWellFormed",
      ".with(",   "'with'",     "\"with\"",
  };
  return NamesAnyOf(source, kNames);
}

// Whether a file the program reads names process.stdout or stderr: the
// build then compiles their stream code (stdio.js's warmUpStdio), which the
// first write after a restore would otherwise compile. A miss only costs that.
bool NamesStdio(absl::string_view source) {
  static constexpr absl::string_view kNames[] = {
      "process.stdout", "process.stderr", "stdout.write", "stderr.write",
  };
  return NamesAnyOf(source, kNames);
}

}  // namespace

// Only a snapshot records its inputs (for incremental rebuilds): a fresh or
// restored runtime would only pay a checksum per read and grow the map.
void Runtime::RecordFileRead(absl::string_view path, absl::string_view content) {
  if (owned_isolate_ != nullptr) return;  // not a SnapshotCreator's isolate
  FileInput& input = file_inputs_[std::string(path)];
  input.path = std::string(path);
  input.kind = 1;
  input.content_hash = Checksum64(content);
  if (!language_features_named_) language_features_named_ = NamesLanguageFeature(content);
  if (!stdio_named_) stdio_named_ = NamesStdio(content);
}

absl::Status Runtime::PreloadNamedBuiltins() {
  RETURN_IF_ERROR(CheckUsable());
  ContextScope scope(*this);
  if (language_features_named_) RETURN_IF_ERROR(CallInternal("loadLanguageFeatures", {}));
  if (stdio_named_ && !stdio_warmed_) {
    stdio_warmed_ = true;
    RETURN_IF_ERROR(CallInternal("warmUpStdio", {}));
  }
  return absl::OkStatus();
}

void Runtime::RecordFileProbe(absl::string_view path, int kind) {
  if (owned_isolate_ != nullptr) return;  // as RecordFileRead
  auto [it, added] = file_inputs_.try_emplace(std::string(path));
  if (!added) return;  // a read already says more
  it->second.path = std::string(path);
  it->second.kind = kind;
  // A rebuild compares a file's contents, so a file only looked at (an
  // existsSync) is recorded with them too, or it would never seem unchanged.
  if (kind == 1) {
    absl::StatusOr<std::string> content = ReadFile(options_.path_map.ToDisk(path));
    if (content.ok()) it->second.content_hash = Checksum64(*content);
  }
}

std::vector<FileInput> Runtime::FileInputs() const {
  std::vector<FileInput> inputs;
  for (const auto& [path, input] : file_inputs_) inputs.push_back(input);
  return inputs;
}

// The snapshot holds, in context data, one array [internals] followed by every
// module in load order; metadata records the array's index and the module URLs.
absl::StatusOr<SnapshotMetadata> Runtime::HandToCreator(v8::SnapshotCreator* creator,
                                                        ArrayBufferRepairs* repairs) {
  RETURN_IF_ERROR(CheckUsable());
  // An open handle holds its object with a global handle, which V8's
  // CreateBlob would abort on; and a snapshot cannot hold it anyway.
  std::vector<std::string> open = loop_->OpenResources();
  if (!open.empty()) {
    return absl::FailedPreconditionError(absl::StrCat(
        "still open, and a snapshot cannot hold it: ", absl::StrJoin(open, "; ")));
  }
  SnapshotMetadata metadata;
  {
    ContextScope scope(*this);
    RETURN_IF_ERROR(CallInternal("beforeSnapshot", {}));
    v8::Local<v8::Context> context = scope.context();
    v8::Local<v8::Value> items[] = {internals_.Get(isolate_)};
    v8::Local<v8::Array> host_data = v8::Array::New(isolate_, items, 1);
    metadata.context_data_index = static_cast<uint32_t>(creator->AddData(context, host_data));
    std::vector<v8::Local<v8::Module>> modules = modules_->modules();
    for (size_t i = 0; i < modules.size(); ++i) {
      size_t index = creator->AddData(context, modules[i]);
      if (index != metadata.context_data_index + 1 + i) {
        return absl::InternalError("snapshot data indices are not consecutive");
      }
    }
    metadata.modules = modules_->urls();
    metadata.commonjs_modules = CommonJsModules();
    metadata.file_inputs = FileInputs();
    metadata.entry_module = main_url_;
    metadata.v8_flags = std::string(V8Flags());
    metadata.extensions = registry_->stamps();
    creator->SetDefaultContext(
        context, v8::SerializeInternalFieldsCallback(SerializeInternalField, repairs));
    // vm's contexts in a restored isolate start from this pristine one
    // (Context::New there would copy the program's own context).
    v8::Local<v8::Context> vm_context;
    if (!node::NewVmContext(isolate_).ToLocal(&vm_context) ||
        creator->AddContext(vm_context, v8::SerializeInternalFieldsCallback(
                                            SerializeInternalField, repairs)) !=
            node::kVmContextSnapshotIndex) {
      return absl::InternalError("cannot add vm's pristine context to the snapshot");
    }
  }
  // CreateBlob refuses any live global handle, weak ones included.
  PrepareNativeClassesForSnapshot(isolate_);
  // Message listeners live in the heap; the restored isolate installs its own.
  isolate_->RemoveMessageListeners(OnMessage);
  guard_->Stop();
  metadata.has_main = false;
  modules_->Clear();
  loop_->Detach();
  internals_.Reset();
  context_.Reset();
  return metadata;
}

std::vector<std::string> Runtime::CommonJsModules() {
  std::vector<std::string> files;
  v8::Local<v8::Value> list;
  if (!CallInternal("cjsModuleList", {}, &list).ok() || !list->IsArray()) return files;
  v8::Local<v8::Array> array = list.As<v8::Array>();
  for (uint32_t i = 0; i < array->Length(); ++i) {
    v8::Local<v8::Value> item;
    if (!array->Get(context(), i).ToLocal(&item)) continue;
    v8::String::Utf8Value text(isolate_, item);
    if (*text) files.emplace_back(*text, text.length());
  }
  return files;
}

absl::Status Runtime::RestoreFromSnapshot(const SnapshotMetadata& metadata) {
  v8::Isolate::Scope isolate_scope(isolate_);
  v8::HandleScope handle_scope(isolate_);
  v8::Local<v8::Context> context = v8::Context::New(
      isolate_, nullptr, {}, {}, v8::DeserializeInternalFieldsCallback(DeserializeInternalField));
  context_.Reset(isolate_, context);
  v8::Context::Scope context_scope(context);
  v8::Local<v8::Array> host_data;
  v8::Local<v8::Value> internals;
  if (!context->GetDataFromSnapshotOnce<v8::Array>(metadata.context_data_index)
           .ToLocal(&host_data) ||
      !host_data->Get(context, 0).ToLocal(&internals) || !internals->IsObject()) {
    return absl::DataLossError("snapshot lacks the runtime's state; rebuild it");
  }
  for (size_t i = 0; i < metadata.modules.size(); ++i) {
    v8::Local<v8::Module> module;
    if (!context->GetDataFromSnapshotOnce<v8::Module>(metadata.context_data_index + 1 + i)
             .ToLocal(&module)) {
      return absl::DataLossError(
          absl::StrCat("snapshot lacks module ", metadata.modules[i], "; rebuild it"));
    }
    modules_->Register(metadata.modules[i], module);
  }
  main_url_ = metadata.entry_module;
  RETURN_IF_ERROR(AttachInternals(internals.As<v8::Object>()));
  return CallInternal("onRestore", {});
}

}  // namespace toysnap
