// Build tool: wraps the CommonJS files of installed npm packages into one
// bootstrap script, so the runtime can evaluate them without a file system.
// Used by //runtime/node to build npm's readable-stream, string_decoder and
// core-js in.
//
//   embed_cjs OUT.js ROOT FILE...
//
// Each FILE lies under ROOT (a node_modules folder); its id is its path below
// ROOT ("readable-stream/lib/stream.js"). OUT.js evaluates, as every bootstrap
// script does, to a function(natives, internals), which returns a list of
//   [id, { specifier: id of the file it names, or null if not bundled },
//    (function (exports, require, module, __filename, __dirname) { source })]
// The specifiers are the string literals the file passes to require(); a
// relative one that names no FILE fails the build, so a package upgrade that
// adds a file cannot go unnoticed. Bare ones (null) are left to the runtime to
// map onto its own builtins. Sources are copied unchanged, in their own strict
// or sloppy mode (the outer function adds no "use strict").
//
//   embed_cjs --entry=ID... OUT.js ROOT FILE...
//
// With entries, FILEs are only the pool to draw from: OUT.js holds the entries
// and what they require, directly or not, and nothing else (core-js: a few
// modules of its hundreds, with the internals they need).
#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <queue>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct File {
  std::string id;
  std::string source;
};

bool StartsWith(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

std::string Dirname(const std::string& id) {
  size_t slash = id.find_last_of('/');
  return slash == std::string::npos ? "" : id.substr(0, slash);
}

// "a/b/../c/./d" -> "a/c/d"; false when ".." climbs above the root.
bool Normalize(const std::string& path, std::string* out) {
  std::vector<std::string> parts;
  std::stringstream in(path);
  std::string part;
  while (std::getline(in, part, '/')) {
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (parts.empty()) return false;
      parts.pop_back();
      continue;
    }
    parts.push_back(part);
  }
  out->clear();
  for (const std::string& p : parts) {
    if (!out->empty()) out->push_back('/');
    out->append(p);
  }
  return true;
}

// Node's order for a relative request: the file, then .js, then a folder's index.js.
bool ResolveRelative(const std::string& from, const std::string& request,
                     const std::map<std::string, size_t>& ids, std::string* id) {
  std::string base;
  if (!Normalize(Dirname(from) + "/" + request, &base)) return false;
  for (const std::string& candidate : {base, base + ".js", base + "/index.js"}) {
    if (ids.count(candidate) > 0) {
      *id = candidate;
      return true;
    }
  }
  return false;
}

// A JavaScript string literal for `text` (ids and specifiers: printable ASCII).
std::string Quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "'";
}

}  // namespace

// The string literals `source` passes to require(), each mapped to the id of
// the file it names, or to "" for a bare one; false (with a message) when a
// relative one names no file in `ids`.
bool Requires(const File& file, const std::map<std::string, size_t>& ids,
              std::map<std::string, std::string>* requires) {
  static const std::regex require_call("\\brequire\\((['\"])([^'\"]+)\\1\\)");
  for (std::sregex_iterator it(file.source.begin(), file.source.end(), require_call), end;
       it != end; ++it) {
    std::string request = (*it)[2].str();
    std::string id;
    if (StartsWith(request, "./") || StartsWith(request, "../")) {
      if (!ResolveRelative(file.id, request, ids, &id)) {
        std::cerr << "embed_cjs: " << file.id << " requires '" << request
                  << "', which is not among the files given\n";
        return false;
      }
    }
    (*requires)[request] = id;
  }
  return true;
}

int main(int argc, char** argv) {
  std::vector<std::string> entries;
  int first = 1;
  while (first < argc && StartsWith(argv[first], "--entry=")) {
    entries.push_back(std::string(argv[first]).substr(8));
    ++first;
  }
  if (argc - first < 3) {
    std::cerr << "usage: embed_cjs [--entry=ID...] OUT.js ROOT FILE...\n";
    return 2;
  }
  const char* out_path = argv[first];
  std::string root = argv[first + 1];
  if (!root.empty() && root.back() != '/') root.push_back('/');
  std::vector<File> files;
  for (int i = first + 2; i < argc; ++i) {
    std::string path = argv[i];
    if (!StartsWith(path, root)) {
      std::cerr << "embed_cjs: " << path << " is not under " << root << "\n";
      return 1;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::cerr << "embed_cjs: cannot read " << path << "\n";
      return 1;
    }
    std::string source((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    files.push_back({path.substr(root.size()), std::move(source)});
  }
  // In id order, whatever order the build listed them in: reproducible output.
  std::sort(files.begin(), files.end(), [](const File& a, const File& b) { return a.id < b.id; });
  std::map<std::string, size_t> ids;
  for (size_t i = 0; i < files.size(); ++i) ids[files[i].id] = i;

  // Which files to emit: all of them, or what the entries reach.
  std::set<std::string> wanted;
  if (entries.empty()) {
    for (const File& file : files) wanted.insert(file.id);
  } else {
    std::queue<std::string> pending;
    for (const std::string& entry : entries) {
      if (ids.count(entry) == 0) {
        std::cerr << "embed_cjs: entry " << entry << " is not among the files given\n";
        return 1;
      }
      if (wanted.insert(entry).second) pending.push(entry);
    }
    while (!pending.empty()) {
      std::map<std::string, std::string> requires;
      if (!Requires(files[ids[pending.front()]], ids, &requires)) return 1;
      pending.pop();
      for (const auto& entry : requires) {
        if (!entry.second.empty() && wanted.insert(entry.second).second) pending.push(entry.second);
      }
    }
  }

  std::ostringstream out;
  out << "// Generated by //tools:embed_cjs from the npm packages under " << root
      << ". Do not edit.\n(function (natives, internals) {\n  return [\n";
  for (const File& file : files) {
    if (wanted.count(file.id) == 0) continue;
    std::map<std::string, std::string> requires;
    if (!Requires(file, ids, &requires)) return 1;
    out << "[" << Quote(file.id) << ", {";
    const char* separator = "";
    for (const auto& entry : requires) {
      out << separator << Quote(entry.first) << ": "
          << (entry.second.empty() ? "null" : Quote(entry.second));
      separator = ", ";
    }
    // The source starts on a line of its own, so a leading 'use strict' stays
    // the function body's directive. The parentheses tell V8 the function runs
    // soon (each runs once, when first required): it is compiled in the one
    // pass, not pre-parsed first and parsed again when called.
    out << "}, (function (exports, require, module, __filename, __dirname) {\n"
        << file.source << "\n})],\n";
  }
  out << "  ];\n})\n";
  std::ofstream result(out_path, std::ios::binary);
  result << out.str();
  return result.good() ? 0 : 1;
}
