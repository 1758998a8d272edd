// The `type` import attribute, checked as Node 20 checks it, for static
// imports and import() alike; and what an import() call asks for, which V8
// 10.2 only half tells the host. Included by module_loader.cc only.
#ifndef TOYSNAP_RUNTIME_IMPORT_TYPE_CHECK_H_
#define TOYSNAP_RUNTIME_IMPORT_TYPE_CHECK_H_

#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "v8-context.h"
#include "v8-debug.h"
#include "v8-primitive.h"

namespace toysnap {

struct TypeMismatch {
  std::string message;  // Node's wording
  const char* code;     // Node 20's code (ERR_IMPORT_ASSERTION_TYPE_*)
};

// What an import asks for: its `type` and its first other attribute.
struct ImportRequest {
  std::optional<std::string> type;
  std::optional<std::pair<std::string, std::string>> unsupported;  // key, value
};
ImportRequest RequestOf(const std::vector<std::pair<std::string, std::string>>& attributes);

// Node 20's checks, in its order: an attribute other than `type` is
// unsupported (unless the module is `loaded` and its type fits: Node's cache
// answers then); a JSON module needs `type: 'json'`; any other needs no type,
// and one it has is unsupported (not 'json') or wrong for it.
std::optional<TypeMismatch> CheckImport(const std::string& url, bool is_json, bool loaded,
                                        const ImportRequest& request);

// What the import() call under way (the innermost JS frame) asks for.
struct ImportCallType {
  bool known = false;     // false: its options cannot be read; check nothing
  ImportRequest request;  // what it asks for
  const char* type_error = nullptr; // the TypeError Node's V8 throws for a malformed `with`
};

// The scripts that called import(), by script id: where each line starts
// (UTF-16 offsets), so that reading a call copies only a window of its
// source, however large the script. One per ModuleLoader.
class ImportCallSites {
 public:
  // Up to 64 KiB of the frame's script from the frame's position, as UTF-8;
  // nullopt if the frame has no source.
  std::optional<std::string> TextFrom(v8::Isolate* isolate, v8::Local<v8::StackFrame> frame);

 private:
  std::unordered_map<int, std::vector<int>> line_starts_;
};

// From V8's `import_assertions` (`{ assert: {...} }`, key-value pairs) or,
// without them, from the source text of the call of `specifier` (`{ with:
// {...} }`).
ImportCallType TypeOfImportCall(v8::Local<v8::Context> context, const std::string& specifier,
                                v8::Local<v8::FixedArray> import_assertions,
                                ImportCallSites* sites);

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_IMPORT_TYPE_CHECK_H_
