// Specifier resolution for ES modules on the local file system.
#include "runtime/module_resolver.h"

#include <sys/stat.h>
#include <unistd.h>

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace toysnap {
namespace {

constexpr absl::string_view kFileScheme = "file://";

bool IsUnreserved(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '.' ||
         c == '_' || c == '-' || c == '~' || c == '@' || c == '+' || c == ',' || c == '=' ||
         c == '!' || c == '$' || c == '&' || c == '\'' || c == '(' || c == ')' || c == '*' ||
         c == ';' || c == ':';
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = absl::ascii_tolower(static_cast<unsigned char>(c));
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::string NormalizePath(absl::string_view absolute) {
  std::vector<absl::string_view> parts;
  for (absl::string_view part : absl::StrSplit(absolute, '/', absl::SkipEmpty())) {
    if (part == ".") continue;
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
      continue;
    }
    parts.push_back(part);
  }
  return absl::StrCat("/", absl::StrJoin(parts, "/"));
}

bool IsRegularFile(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::string DirName(absl::string_view path) {
  size_t slash = path.rfind('/');
  return slash == 0 || slash == absl::string_view::npos ? "/" : std::string(path.substr(0, slash));
}

}  // namespace

std::string PathToFileUrl(absl::string_view absolute_path) {
  std::string url(kFileScheme);
  for (char c : absolute_path) {
    if (IsUnreserved(c)) {
      url.push_back(c);
    } else {
      absl::StrAppend(&url, "%", absl::AsciiStrToUpper(absl::StrCat(
                                     absl::Hex(static_cast<unsigned char>(c), absl::kZeroPad2))));
    }
  }
  return url;
}

absl::StatusOr<std::string> FileUrlToPath(absl::string_view url) {
  if (!absl::StartsWith(url, kFileScheme)) {
    return absl::InvalidArgumentError(absl::StrCat("not a file: URL: ", url));
  }
  absl::string_view rest = url.substr(kFileScheme.size());
  if (absl::StartsWith(rest, "localhost/")) rest.remove_prefix(9);
  if (!absl::StartsWith(rest, "/")) {
    return absl::InvalidArgumentError(absl::StrCat("file: URL must be absolute: ", url));
  }
  std::string path;
  for (size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '%' && i + 2 < rest.size()) {
      int hi = HexValue(rest[i + 1]), lo = HexValue(rest[i + 2]);
      if (hi < 0 || lo < 0) return absl::InvalidArgumentError(absl::StrCat("bad escape in ", url));
      path.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else if (rest[i] == '?' || rest[i] == '#') {
      break;
    } else {
      path.push_back(rest[i]);
    }
  }
  return path;
}

absl::StatusOr<std::string> AbsolutePath(absl::string_view path) {
  if (absl::StartsWith(path, "/")) return NormalizePath(path);
  char cwd[4096];
  if (getcwd(cwd, sizeof(cwd)) == nullptr) {
    return absl::InternalError("cannot read the current working directory");
  }
  return NormalizePath(absl::StrCat(cwd, "/", path));
}

absl::StatusOr<std::string> ResolveSpecifier(absl::string_view specifier,
                                             absl::string_view referrer_url) {
  std::string candidate;
  if (absl::StartsWith(specifier, kFileScheme)) {
    absl::StatusOr<std::string> path = FileUrlToPath(specifier);
    if (!path.ok()) return path.status();
    candidate = NormalizePath(*path);
  } else if (absl::StartsWith(specifier, "/")) {
    candidate = NormalizePath(specifier);
  } else if (absl::StartsWith(specifier, "./") || absl::StartsWith(specifier, "../") ||
             specifier == "." || specifier == "..") {
    absl::StatusOr<std::string> referrer = FileUrlToPath(referrer_url);
    if (!referrer.ok()) return referrer.status();
    candidate = NormalizePath(absl::StrCat(DirName(*referrer), "/", specifier));
  } else {
    return absl::NotFoundError(absl::StrCat(
        "cannot resolve '", specifier, "': bare package specifiers are not supported yet"));
  }
  if (!IsRegularFile(candidate)) {
    return absl::NotFoundError(
        absl::StrCat("cannot resolve '", specifier, "': no file at ", candidate));
  }
  return PathToFileUrl(candidate);
}

}  // namespace toysnap
