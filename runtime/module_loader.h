// Loads ES module graphs from disk into an isolate and keeps the module map
// (URL <-> module), which the runtime hands to and takes back from snapshots.
// Owned by Runtime; not for embedders.
#ifndef TOYSNAP_RUNTIME_MODULE_LOADER_H_
#define TOYSNAP_RUNTIME_MODULE_LOADER_H_

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "absl/status/statusor.h"
#include "v8-context.h"
#include "v8-isolate.h"
#include "v8-persistent-handle.h"
#include "v8-script.h"

namespace toysnap {

class ModuleLoader {
 public:
  explicit ModuleLoader(v8::Isolate* isolate);  // not owned; outlives the loader

  // Compiles the graph rooted at `url` (reading files not yet in the map; the
  // root's text is `source` when given) and instantiates it.
  absl::StatusOr<v8::Local<v8::Module>> LoadGraph(v8::Local<v8::Context> context,
                                                  const std::string& url,
                                                  const std::optional<std::string>& source);

  v8::MaybeLocal<v8::Module> Find(const std::string& url) const;
  const std::string* UrlOf(v8::Local<v8::Module> module) const;

  // Every module in load order, for the snapshot; Register restores them.
  const std::vector<std::string>& urls() const { return urls_; }
  std::vector<v8::Local<v8::Module>> modules() const;
  void Register(const std::string& url, v8::Local<v8::Module> module);
  void Clear();

  // import.meta and dynamic import(); V8 does not keep these across snapshots.
  static void InstallHostCallbacks(v8::Isolate* isolate);
  static ModuleLoader* From(v8::Isolate* isolate);
  static void Attach(v8::Isolate* isolate, ModuleLoader* loader);

 private:
  absl::StatusOr<v8::Local<v8::Module>> Compile(v8::Local<v8::Context> context,
                                                const std::string& url,
                                                const std::optional<std::string>& source);
  absl::Status LoadDependencies(v8::Local<v8::Context> context, v8::Local<v8::Module> module,
                                const std::string& url);

  v8::Isolate* isolate_;
  std::vector<std::string> urls_;
  std::vector<v8::Global<v8::Module>> modules_;            // parallel to urls_
  std::unordered_map<std::string, size_t> index_by_url_;
  std::unordered_multimap<int, size_t> index_by_hash_;     // Module::GetIdentityHash
};

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_MODULE_LOADER_H_
