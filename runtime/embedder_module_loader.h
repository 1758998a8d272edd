// An embedder's module loader (RuntimeOptions::module_loader): where import
// specifiers resolve and where module sources come from (memory, a database),
// as deno_core's ModuleLoader trait. A runtime asks it first; what it leaves
// (std::nullopt) goes to the default loader: Node's resolution on the file
// system, under the fs-read permission. Embedders include this header.
#ifndef TOYSNAP_RUNTIME_EMBEDDER_MODULE_LOADER_H_
#define TOYSNAP_RUNTIME_EMBEDDER_MODULE_LOADER_H_

#include <map>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace toysnap {

struct LoadedModule {
  enum class Kind { kJavaScript, kJson };
  std::string source;
  Kind kind = Kind::kJavaScript;
};

// Called on the thread of the runtime that imports; one loader shared by
// runtimes on several threads must be thread-safe. Modules it loads are in
// the module map like any other, so a snapshot keeps them (by URL) and a
// restored runtime does not load them again.
class ModuleSourceLoader {
 public:
  virtual ~ModuleSourceLoader() = default;
  // The URL that `specifier`, imported by the module at `referrer_url` (a
  // file: URL of the working directory for the main module), names; nullopt
  // leaves it to the default loader. An error fails the import with its
  // message.
  virtual absl::StatusOr<std::optional<std::string>> Resolve(const std::string& specifier,
                                                             const std::string& referrer_url) = 0;
  // The module at `url`, a URL that Resolve returned.
  virtual absl::StatusOr<LoadedModule> Load(const std::string& url) = 0;
};

// Modules from memory under one URL scheme ("mem:/app/main.js"). Specifiers
// with the scheme, and relative ones ("./util.js", "../lib/x.js") imported
// by its modules, resolve to it; everything else goes to the default loader.
// Add() every module before a runtime uses the loader; reading is then
// thread-safe.
class InMemoryModuleLoader : public ModuleSourceLoader {
 public:
  explicit InMemoryModuleLoader(std::string scheme = "mem:");
  void Add(const std::string& url, std::string source,
           LoadedModule::Kind kind = LoadedModule::Kind::kJavaScript);

  absl::StatusOr<std::optional<std::string>> Resolve(const std::string& specifier,
                                                     const std::string& referrer_url) override;
  absl::StatusOr<LoadedModule> Load(const std::string& url) override;

 private:
  std::string scheme_;
  std::map<std::string, LoadedModule> modules_;  // by URL
};

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_EMBEDDER_MODULE_LOADER_H_
