// Turns import specifiers into file: URLs, the keys of the module map. Included by
// the module loader and by error reporting (which shows URLs as paths).
#ifndef TOYSNAP_RUNTIME_MODULE_RESOLVER_H_
#define TOYSNAP_RUNTIME_MODULE_RESOLVER_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace toysnap {

// "/a b/c.js" -> "file:///a%20b/c.js". The path must be absolute.
std::string PathToFileUrl(absl::string_view absolute_path);

// "file:///a%20b/c.js" -> "/a b/c.js"; anything else is an InvalidArgument error.
absl::StatusOr<std::string> FileUrlToPath(absl::string_view url);

// Makes `path` absolute against the working directory and removes "." and "..".
absl::StatusOr<std::string> AbsolutePath(absl::string_view path);

// Resolves `specifier` imported by the module at `referrer_url` to the file: URL
// of an existing file. Relative ("./x.js", "../x.js"), absolute and file: URL
// specifiers are supported; errors list what was tried.
absl::StatusOr<std::string> ResolveSpecifier(absl::string_view specifier,
                                             absl::string_view referrer_url);

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_MODULE_RESOLVER_H_
