// InMemoryModuleLoader: URL arithmetic on "<scheme>/path" URLs.
#include "runtime/embedder_module_loader.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace toysnap {
namespace {

// "/a/b/../c/./d" -> "/a/c/d"; ".." above the root stays at the root.
std::string Normalize(absl::string_view path) {
  std::vector<absl::string_view> parts;
  for (absl::string_view part : absl::StrSplit(path, '/', absl::SkipEmpty())) {
    if (part == ".") continue;
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
      continue;
    }
    parts.push_back(part);
  }
  return absl::StrCat("/", absl::StrJoin(parts, "/"));
}

}  // namespace

InMemoryModuleLoader::InMemoryModuleLoader(std::string scheme) : scheme_(std::move(scheme)) {}

void InMemoryModuleLoader::Add(const std::string& url, std::string source, LoadedModule::Kind kind) {
  std::string key = url;
  if (key.rfind(scheme_, 0) == 0) key = scheme_ + Normalize(key.substr(scheme_.size()));
  modules_[key] = LoadedModule{std::move(source), kind};
}

absl::StatusOr<std::optional<std::string>> InMemoryModuleLoader::Resolve(
    const std::string& specifier, const std::string& referrer_url) {
  std::string url;
  if (specifier.rfind(scheme_, 0) == 0) {
    url = scheme_ + Normalize(specifier.substr(scheme_.size()));
  } else if ((specifier.rfind("./", 0) == 0 || specifier.rfind("../", 0) == 0) &&
             referrer_url.rfind(scheme_, 0) == 0) {
    std::string base = referrer_url.substr(scheme_.size());
    base = base.substr(0, base.rfind('/') + 1);
    url = scheme_ + Normalize(base + specifier);
  } else {
    return std::nullopt;
  }
  if (modules_.count(url) == 0) {
    return absl::NotFoundError(absl::StrCat("no module ", url, " (imported by ", referrer_url, ")"));
  }
  return url;
}

absl::StatusOr<LoadedModule> InMemoryModuleLoader::Load(const std::string& url) {
  auto it = modules_.find(url);
  if (it == modules_.end()) return absl::NotFoundError(absl::StrCat("no module ", url));
  return it->second;
}

}  // namespace toysnap
