// Builds the external-reference table from every list of native callbacks.
#include "runtime/external_references.h"

#include "runtime/module_loader.h"
#include "runtime/native_classes.h"
#include "runtime/natives.h"
#include "snapshot/checksum.h"

// V8 10.2 leaves the accessors of module namespace objects out of its own
// external-reference table, so serializing any `import * as ns` object aborts
// unless the embedder lists them. libnode.so exports both.
namespace v8::internal {
class Accessors {
 public:
  static void ModuleNamespaceEntryGetter(v8::Local<v8::Name> name,
                                         const v8::PropertyCallbackInfo<v8::Value>& info);
  static void ModuleNamespaceEntrySetter(v8::Local<v8::Name> name, v8::Local<v8::Value> value,
                                         const v8::PropertyCallbackInfo<v8::Boolean>& info);
};
}  // namespace v8::internal

namespace toysnap {
namespace {

struct Table {
  std::vector<intptr_t> addresses;  // null-terminated
  std::vector<std::string> names;
  uint64_t fingerprint = 0;
};

template <typename Callback>
void Add(Table& table, std::string name, Callback callback) {
  table.addresses.push_back(reinterpret_cast<intptr_t>(callback));
  table.names.push_back(std::move(name));
}

Table BuildTable() {
  Table table;
  for (const NativeFunction& fn : NativeFunctions()) Add(table, fn.name, fn.callback);
  for (const NativeFunction& fn : InternalCallbacks()) Add(table, fn.name, fn.callback);
  for (const NativeClass* cls : NativeClasses()) {
    Add(table, std::string(cls->name) + "#" + std::to_string(cls->state_version),
        cls->constructor);
    for (const NativeMethod& method : cls->methods) {
      Add(table, std::string(cls->name) + "." + method.name, method.callback);
    }
    for (const NativeMethod& getter : cls->getters) {
      Add(table, std::string(cls->name) + ".get " + getter.name, getter.callback);
    }
  }
  Add(table, "ModuleLoader::EvaluateSynthetic", ModuleLoader::EvaluateSynthetic);
  Add(table, "ModuleLoader::ContinueImport", ModuleLoader::ContinueImport);
  Add(table, "v8:ModuleNamespaceEntryGetter",
      v8::internal::Accessors::ModuleNamespaceEntryGetter);
  Add(table, "v8:ModuleNamespaceEntrySetter",
      v8::internal::Accessors::ModuleNamespaceEntrySetter);
  table.addresses.push_back(0);
  std::string joined;
  for (const std::string& name : table.names) joined.append(name).push_back('\0');
  table.fingerprint = Checksum64(joined);
  return table;
}

const Table& TheTable() {
  static const Table* const table = new Table(BuildTable());
  return *table;
}

}  // namespace

const intptr_t* ExternalReferences() { return TheTable().addresses.data(); }

const std::vector<std::string>& ExternalReferenceNames() { return TheTable().names; }

uint64_t ExternalReferencesFingerprint() { return TheTable().fingerprint; }

}  // namespace toysnap
