// Import attributes (`import x from './x.json' with { type: 'json' }`) for a
// V8 that parses only import assertions (`assert { ... }`). The module loader
// (module_loader.cc) compiles a module; where V8 10.2 rejects a `with`, it asks
// BlankWithClause whether that `with` begins an attributes clause and, if so,
// compiles the source with the clause blanked out and takes the attributes
// from here. Blanking keeps every other character, and every line break, where
// it was, so errors and stack traces still name the right line and column.
#ifndef TOYSNAP_RUNTIME_IMPORT_ATTRIBUTES_H_
#define TOYSNAP_RUNTIME_IMPORT_ATTRIBUTES_H_

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace toysnap {

struct WithClause {
  size_t specifier_offset;  // byte offset of the specifier's opening quote
  std::vector<std::pair<std::string, std::string>> attributes;  // key, value
};

// `source` is UTF-8 module text and `with_offset` the byte offset of the
// token V8 rejected. When the token is `with` right after the specifier of an
// import or export-from declaration (`from 'x'` or `import 'x'`), followed by
// `{ key: 'value', ... }`, replaces `with` and the braces' text by spaces
// (line breaks stay) and returns what it held; otherwise leaves `source` as
// it is and returns nullopt (V8's SyntaxError then stands).
std::optional<WithClause> BlankWithClause(std::string* source, size_t with_offset);

// What the text of a dynamic `import(specifier, options)` says of its `with`
// attributes. V8 10.2 reads only `options.assert` and tells the host nothing
// more, so the loader reads the call's source (the calling frame's script at
// the position of `import`).
struct ImportCallWith {
  enum class Kind {
    kUnknown,     // text the reader does not follow (a variable, a spread...)
    kAbsent,      // no options, or options without `with`
    kAttributes,  // `with: { key: 'value', ... }`
    kNotObject,   // `with:` a primitive literal
    kNotString,   // an attribute value that is a literal but not a string
  };
  Kind kind = Kind::kUnknown;
  std::vector<std::pair<std::string, std::string>> attributes;  // key, value
  std::optional<std::string> specifier;  // the first argument, when a plain string
};
// The call whose `import` keyword is at `import_offset`.
ImportCallWith ReadImportCallWith(const std::string& source, size_t import_offset);
// The call of `specifier` in the statement (or expression) V8 places at
// `statement_offset`: V8 10.2 positions a frame there, not at the call. With
// several calls there, the one whose literal specifier matches decides, and
// kUnknown if that leaves any doubt.
ImportCallWith ReadImportCallIn(const std::string& source, size_t statement_offset,
                                const std::string& specifier);

// V8 counts positions in UTF-16 code units; the loader holds UTF-8.
size_t Utf16ToByteOffset(const std::string& utf8, size_t utf16_offset);
size_t ByteToUtf16Offset(const std::string& utf8, size_t byte_offset);

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_IMPORT_ATTRIBUTES_H_
