// Composes the external-reference table and the bootstrap scripts from the
// registered extensions.
#include "runtime/extension_registry.h"

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "runtime/host_binding.h"
#include "snapshot/base/checksum.h"

namespace toysnap {
namespace {

const EmbeddedSource* FindScript(absl::string_view name) {
  for (const EmbeddedSource& source : BootstrapSources()) {
    if (source.name == name) return &source;
  }
  return nullptr;
}

// Appends one name (its pieces joined) and address to the table; the names,
// each ended by '\0', are also what the fingerprint hashes. No string is made
// per entry: every runtime builds this table at start.
class TableBuilder {
 public:
  explicit TableBuilder(std::vector<intptr_t>* addresses) : addresses_(addresses) {}
  template <typename Address>
  void Add(Address address, std::initializer_list<absl::string_view> name) {
    addresses_->push_back(reinterpret_cast<intptr_t>(address));
    for (absl::string_view piece : name) joined_.append(piece.data(), piece.size());
    joined_.push_back('\0');
  }
  // The hash of what was added since the last call.
  uint64_t TakeFingerprint(absl::string_view salt) {
    uint64_t hash = Checksum64(absl::StrCat(salt, std::string(1, '\0'), joined_));
    total_.append(joined_);
    joined_.clear();
    return hash;
  }
  uint64_t Total() const { return Checksum64(total_); }
  std::string TakeNames() { return std::move(total_); }

 private:
  std::vector<intptr_t>* addresses_;
  std::string joined_;
  std::string total_;
};

void AddClass(TableBuilder& table, const NativeClass& cls) {
  absl::string_view prefix(cls.name);
  absl::AlphaNum version(cls.state_version);
  table.Add(cls.constructor, {prefix, "#", version.Piece()});
  if (cls.constructor_data != nullptr) table.Add(cls.constructor_data, {prefix, "# data"});
  // Each method and, when it has one, its data (NativeMethod::data).
  for (const NativeMethod& method : cls.methods) {
    table.Add(method.callback, {prefix, ".", method.name});
    if (method.data != nullptr) table.Add(method.data, {prefix, ".", method.name, " data"});
  }
  for (const NativeMethod& getter : cls.getters) {
    table.Add(getter.callback, {prefix, ".get ", getter.name});
    if (getter.data != nullptr) table.Add(getter.data, {prefix, ".get ", getter.name, " data"});
  }
  for (const NativeMethod& setter : cls.setters) {
    table.Add(setter.callback, {prefix, ".set ", setter.name});
    if (setter.data != nullptr) table.Add(setter.data, {prefix, ".set ", setter.name, " data"});
  }
  for (const NativeMethod& method : cls.statics) {
    table.Add(method.callback, {prefix, "::", method.name});
    if (method.data != nullptr) table.Add(method.data, {prefix, "::", method.name, " data"});
  }
}

}  // namespace

ExtensionRegistry::ExtensionRegistry(std::vector<const Extension*> extensions)
    : extensions_(std::move(extensions)) {
  TableBuilder table(&addresses_);
  // Names are the extensions' static literals: views, no copies (every
  // runtime builds this table at start).
  absl::flat_hash_set<absl::string_view> extension_names, native_names;
  native_names.reserve(512);
  size_t entries = 1;
  for (const Extension* extension : extensions_) {
    entries += extension->functions.size() + extension->callbacks.size() +
               extension->references.size();
    for (const NativeFunction& fn : extension->functions) entries += fn.data != nullptr;
    for (bool lazy : {false, true}) {
      for (const NativeClass* cls : lazy ? extension->lazy_classes : extension->classes) {
        entries += 1 + cls->methods.size() + cls->getters.size() + cls->setters.size() +
                   cls->statics.size();
      }
    }
  }
  addresses_.reserve(entries);
  auto fail = [this](std::string message) {
    if (status_.ok()) status_ = absl::InternalError(std::move(message));
  };
  // Only embedders' extensions (Extension::host) fill these.
  absl::flat_hash_set<absl::string_view> module_names, own_names;
  for (const Extension* extension : extensions_) {
    if (!extension_names.insert(extension->name).second) {
      fail(absl::StrCat("two extensions are named ", extension->name));
    }
    const HostBinding* host = extension->host;
    // An embedder's functions live in its own namespace, so only clash there.
    if (host != nullptr) {
      own_names.clear();
      if (!host->status.ok()) {
        fail(absl::StrCat("extension ", extension->name, ": ", host->status.message()));
      }
      if (host->serves_namespace && !module_names.insert(host->namespace_module).second) {
        fail(absl::StrCat("two extensions serve the module ", host->namespace_module));
      }
      for (const auto& [specifier, source] : host->modules) {
        if (!module_names.insert(specifier).second) {
          fail(absl::StrCat("extension ", extension->name, " serves ", specifier,
                            ", which another module already has"));
        }
        host_modules_.push_back({extension, specifier, &source});
      }
      if (host->serves_namespace) {
        host_modules_.push_back({extension, host->namespace_module, nullptr});
      }
    }
    for (const NativeFunction& fn : extension->functions) {
      if (!(host != nullptr ? own_names : native_names).insert(fn.name).second) {
        fail(absl::StrCat("extension ", extension->name,
                          host != nullptr ? " defines the function " : " defines natives.",
                          fn.name, " again"));
      }
      table.Add(fn.callback, {extension->name, ":", fn.name});
      if (fn.data != nullptr) table.Add(fn.data, {extension->name, ":", fn.name, " data"});
    }
    for (const NativeFunction& fn : extension->callbacks) {
      table.Add(fn.callback, {extension->name, ":callback ", fn.name});
    }
    for (bool lazy : {false, true}) {
      for (const NativeClass* cls : lazy ? extension->lazy_classes : extension->classes) {
        // Class names are global: a snapshot names each instance's class.
        if (!native_names.insert(cls->name).second) {
          fail(absl::StrCat("extension ", extension->name, " defines ",
                            host != nullptr ? "the class " : "natives.", cls->name,
                            host != nullptr ? ", a name another extension's class has" : " again"));
        }
        if (cls->parent != nullptr && FindClass(cls->parent->name) != cls->parent) {
          fail(absl::StrCat("class ", cls->name, " extends ", cls->parent->name,
                            ", which no earlier extension or class registered"));
        }
        AddClass(table, *cls);
        (lazy || host != nullptr ? lazy_classes_ : classes_).push_back(cls);
      }
    }
    for (const ExternalReference& reference : extension->references) {
      table.Add(reference.address, {extension->name, ":", reference.name});
    }
    // The scripts' checksums are in the salt, not the table: the table's names
    // line up with its addresses. Each file is looked up once (every runtime
    // does this at start).
    std::string salt = absl::StrCat(extension->name, "@", extension->version);
    for (bool lazy : {false, true}) {
      for (absl::string_view file : lazy ? extension->lazy_js : extension->js) {
        const EmbeddedSource* source = FindScript(file);
        if (source == nullptr) {
          fail(absl::StrCat("extension ", extension->name, " names ", file,
                            ", which is not embedded"));
          continue;
        }
        if (lazy) {
          lazy_scripts_.push_back(*source);
        } else {
          scripts_.push_back(*source);
          script_extensions_.push_back(extension);
        }
        absl::StrAppend(&salt, ";", file, "=", source->checksum);
      }
    }
    uint64_t hash = table.TakeFingerprint(salt);
    stamps_.push_back({extension->name, static_cast<uint32_t>(extension->version), hash});
  }
  addresses_.push_back(0);
  std::string stamps;
  for (const ExtensionStamp& stamp : stamps_) {
    absl::StrAppend(&stamps, stamp.name, "@", stamp.version, ":", stamp.fingerprint, "\n");
  }
  // The slots are no extension's, but a table with another count misreads.
  fingerprint_ = Checksum64(
      absl::StrCat(stamps, table.Total(), "source slots ", kSourceSlotCount));
  joined_names_ = table.TakeNames();
}

std::vector<intptr_t> ExtensionRegistry::ExternalReferencesWith(
    const std::array<intptr_t, kSourceSlotCount>& slots) const {
  std::vector<intptr_t> table;
  table.reserve(addresses_.size() + slots.size());
  table.assign(addresses_.begin(), addresses_.end() - 1);  // without the 0
  table.insert(table.end(), slots.begin(), slots.end());
  table.push_back(0);
  return table;
}

const std::vector<std::string>& ExtensionRegistry::reference_names() const {
  absl::call_once(names_once_, [this] {
    for (absl::string_view name : absl::StrSplit(joined_names_, '\0', absl::SkipEmpty())) {
      names_.emplace_back(name);
    }
  });
  return names_;
}

const EmbeddedSource* ExtensionRegistry::FindLazyScript(absl::string_view name) const {
  for (const EmbeddedSource& source : lazy_scripts_) {
    if (source.name == name) return &source;
  }
  return nullptr;
}

const ExtensionRegistry::HostModule* ExtensionRegistry::FindHostModule(
    absl::string_view specifier) const {
  for (const HostModule& module : host_modules_) {
    if (module.specifier == specifier) return &module;
  }
  return nullptr;
}

const NativeClass* ExtensionRegistry::FindClass(absl::string_view name) const {
  for (const std::vector<const NativeClass*>* list : {&classes_, &lazy_classes_}) {
    for (const NativeClass* cls : *list) {
      if (name == cls->name) return cls;
    }
  }
  return nullptr;
}

absl::Status ExtensionRegistry::CheckCompatible(
    const std::vector<ExtensionStamp>& recorded) const {
  for (size_t i = 0; i < recorded.size() || i < stamps_.size(); ++i) {
    if (i >= stamps_.size()) {
      return absl::FailedPreconditionError(absl::StrCat(
          "the snapshot was built with extension '", recorded[i].name,
          "', which this runtime does not have"));
    }
    const ExtensionStamp& here = stamps_[i];
    if (i >= recorded.size() || recorded[i].name != here.name) {
      return absl::FailedPreconditionError(absl::StrCat(
          "this runtime has extension '", here.name, "' where the snapshot has ",
          i >= recorded.size() ? std::string("none") : absl::StrCat("'", recorded[i].name, "'")));
    }
    if (recorded[i].version != here.version || recorded[i].fingerprint != here.fingerprint) {
      std::string how = recorded[i].version != here.version
                            ? absl::StrCat("version ", recorded[i].version, " vs ", here.version)
                            : "its natives or JavaScript changed";
      return absl::FailedPreconditionError(absl::StrCat(
          "extension '", here.name, "' differs from the one the snapshot was built with (", how,
          "); rebuild the snapshot"));
    }
  }
  return absl::OkStatus();
}

}  // namespace toysnap
