// Loads ES module graphs from disk into an isolate and keeps the module map
// (URL <-> module), which the runtime hands to and takes back from snapshots.
// Owned by Runtime; not for embedders.
#ifndef TOYSNAP_RUNTIME_MODULE_LOADER_H_
#define TOYSNAP_RUNTIME_MODULE_LOADER_H_

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "absl/status/statusor.h"
#include "runtime/embedder_module_loader.h"
#include "runtime/extension.h"
#include "runtime/path_map.h"
#include "v8-context.h"
#include "v8-function-callback.h"
#include "v8-isolate.h"
#include "v8-persistent-handle.h"
#include "v8-script.h"

namespace toysnap {

// How a resolved module is turned into a v8::Module.
// kHost: the namespace of an embedder's extension (host_binding.h).
enum class ModuleFormat { kModule, kCommonJs, kJson, kBuiltin, kHost };

struct ResolvedModule {
  std::string url;  // file: URL, or node:<name> for builtins
  ModuleFormat format = ModuleFormat::kModule;
};

// The modules extension: Node's resolution and CommonJS loader (the bootstrap
// JS in module_*.js, cjs_*.js, modules.js) and the file natives they use.
const Extension& ModulesExtension();

class ImportCallSites;

class ModuleLoader {
 public:
  // None is owned; all outlive the loader. Files are read at
  // path_map->ToDisk(path of URL). `custom`, when not null, is asked first.
  ModuleLoader(v8::Isolate* isolate, const PathMap* path_map,
               ModuleSourceLoader* custom = nullptr);
  ~ModuleLoader();

  // Where import() calls were made from (import_type_check.h).
  ImportCallSites& import_call_sites() { return *import_call_sites_; }

  // The embedder's loader's answer for `specifier` (loading the module, so
  // that its format is known), or nullopt when it has none or leaves it.
  absl::StatusOr<std::optional<ResolvedModule>> ResolveCustom(const std::string& specifier,
                                                              const std::string& referrer_url);

  // The bootstrap JS's `internals`: its resolveImport, loadCommonJs,
  // cjsExportNames and requireBuiltin do Node's resolution and CommonJS. Until
  // attached, only relative, absolute and file: specifiers of ES modules resolve.
  void AttachInternals(v8::Local<v8::Object> internals);
  void DetachInternals();

  // Resolves `specifier` imported from `referrer_url` (or the working directory).
  // When the resolver threw, `thrown` (if given) receives what it threw: an
  // Error with Node's `code` and message, which import() rejects with.
  absl::StatusOr<ResolvedModule> Resolve(v8::Local<v8::Context> context,
                                         const std::string& specifier,
                                         const std::string& referrer_url,
                                         v8::Local<v8::Value>* thrown = nullptr);

  // Loads the graph rooted at `root` (reading files not yet in the map; an ES
  // root's text is `source` when given) and instantiates it. A failed load
  // leaves the map as it found it: every module and resolution it registered
  // is dropped, so a retry starts afresh (and sees files fixed meanwhile).
  // `thrown` (if given) receives the JS value the failure came from (the
  // resolver's Error, a SyntaxError, ...); it stays empty for other failures.
  absl::StatusOr<v8::Local<v8::Module>> LoadGraph(v8::Local<v8::Context> context,
                                                  const ResolvedModule& root,
                                                  const std::optional<std::string>& source,
                                                  v8::Local<v8::Value>* thrown = nullptr);

  v8::MaybeLocal<v8::Module> Find(const std::string& url) const;
  // The module an import of `specifier` from `referrer_url` was linked to.
  v8::MaybeLocal<v8::Module> FindResolution(const std::string& referrer_url,
                                            const std::string& specifier) const;
  const std::string* UrlOf(v8::Local<v8::Module> module) const;

  // Every module in load order, for the snapshot; Register restores them.
  const std::vector<std::string>& urls() const { return urls_; }
  std::vector<v8::Local<v8::Module>> modules() const;
  void Register(const std::string& url, v8::Local<v8::Module> module);
  void Clear();

  // The evaluation steps of JSON, CommonJS and builtin modules. V8 keeps a
  // pointer to it in the heap, so it is one of the external references.
  static v8::MaybeLocal<v8::Value> EvaluateSynthetic(v8::Local<v8::Context> context,
                                                     v8::Local<v8::Module> module);

  // import.meta and dynamic import(); V8 does not keep these across snapshots.
  static void InstallHostCallbacks(v8::Isolate* isolate);
  // The microtask that finishes an import() of a module whose evaluation was
  // still running when import() was called. An external reference.
  static void ContinueImport(const v8::FunctionCallbackInfo<v8::Value>& info);

  // The loader of the isolate's IsolateData, or null.
  static ModuleLoader* From(v8::Isolate* isolate);

  // Node's module.syncBuiltinESMExports(): each evaluated builtin's named ES
  // exports take the current values of its CommonJS exports' properties.
  absl::Status SyncBuiltinExports(v8::Local<v8::Context> context);

 private:
  absl::StatusOr<v8::Local<v8::Module>> LoadAndInstantiate(
      v8::Local<v8::Context> context, const ResolvedModule& root,
      const std::optional<std::string>& source);
  absl::StatusOr<v8::Local<v8::Module>> Compile(v8::Local<v8::Context> context,
                                                const std::string& url,
                                                const std::optional<std::string>& source);
  static v8::MaybeLocal<v8::Value> EvaluateSyntheticSteps(v8::Local<v8::Context> context,
                                                          v8::Local<v8::Module> module);
  absl::StatusOr<v8::Local<v8::Module>> CreateSynthetic(v8::Local<v8::Context> context,
                                                        const ResolvedModule& resolved);
  absl::StatusOr<v8::Local<v8::Module>> Load(v8::Local<v8::Context> context,
                                             const ResolvedModule& resolved);
  absl::Status LoadDependencies(v8::Local<v8::Context> context, v8::Local<v8::Module> module,
                                const std::string& url);
  // The `type` of an import's assertions or attributes; nullopt without one.
  // The import attributes of `request` (key, value), in source order.
  std::vector<std::pair<std::string, std::string>> Attributes(v8::Local<v8::Context> context,
                                                              const std::string& url,
                                                              v8::Local<v8::ModuleRequest> request);
  // The namespace object of the extension serving `url`, from the bootstrap's
  // internals.hostExtensions.
  absl::StatusOr<v8::Local<v8::Object>> HostNamespace(v8::Local<v8::Context> context,
                                                      const std::string& url);
  absl::StatusOr<v8::Local<v8::Value>> CallInternal(v8::Local<v8::Context> context,
                                                    const char* name,
                                                    std::vector<v8::Local<v8::Value>> args);
  // Notes `exception` as the JS reason of the load under way; returns `status`.
  absl::Status Thrown(absl::Status status, v8::Local<v8::Value> exception);
  // Drops every module registered at index `mark` or later, with their
  // resolutions and synthetic-module data.
  void RollBack(v8::Local<v8::Context> context, size_t mark);

  v8::Isolate* isolate_;
  const PathMap* path_map_;
  ModuleSourceLoader* custom_;
  // What `custom_` loaded, by URL, until compiled (JSON: evaluated).
  std::unordered_map<std::string, LoadedModule> custom_sources_;
  std::vector<std::string> urls_;
  std::vector<v8::Global<v8::Module>> modules_;            // parallel to urls_
  std::unordered_map<std::string, size_t> index_by_url_;
  std::unordered_multimap<int, size_t> index_by_hash_;     // Module::GetIdentityHash
  // (referrer URL, specifier) -> resolved URL, filled before instantiation so
  // V8's resolve callback only looks up and never runs JS.
  std::unordered_map<std::string, std::string> resolutions_;
  std::unordered_map<std::string, ModuleFormat> synthetic_formats_;  // by URL
  std::unordered_map<std::string, std::vector<std::string>> synthetic_exports_;  // by URL
  // Import attributes V8 10.2 cannot parse (`with { type: 'json' }`), which
  // Compile blanked out: by URL, (UTF-16 offset of the specifier, attributes).
  std::unordered_map<std::string,
                     std::vector<std::pair<int, std::vector<std::pair<std::string, std::string>>>>>
      attribute_types_;
  v8::Global<v8::Object> internals_;
  std::unique_ptr<ImportCallSites> import_call_sites_;
  // What JS threw to fail the Resolve or LoadGraph under way; empty otherwise.
  v8::Global<v8::Value> thrown_;
};

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_MODULE_LOADER_H_
