// Recognises one import attributes clause at a position V8 pointed at, and
// the `with` option of a dynamic import() call; see import_attributes.h. The
// grammar is small (string or identifier keys, string values), so it is read
// here token by token.
#include "runtime/import_attributes.h"

#include <string>
#include <vector>

namespace toysnap {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }
bool IsIdentifierChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '$' || (static_cast<unsigned char>(c) >= 0x80);
}

// Skips whitespace and comments forward from `at`; false on an unclosed comment.
bool SkipForward(const std::string& s, size_t* at) {
  while (*at < s.size()) {
    if (IsSpace(s[*at])) {
      ++*at;
    } else if (s.compare(*at, 2, "//") == 0) {
      while (*at < s.size() && s[*at] != '\n' && s[*at] != '\r') ++*at;
    } else if (s.compare(*at, 2, "/*") == 0) {
      size_t end = s.find("*/", *at + 2);
      if (end == std::string::npos) return false;
      *at = end + 2;
    } else {
      return true;
    }
  }
  return true;
}

// A string literal without escapes at `at` (its quote); its text and the
// offset after it.
bool ReadString(const std::string& s, size_t* at, std::string* text) {
  char quote = s[*at];
  if (quote != '\'' && quote != '"') return false;
  size_t end = *at + 1;
  while (end < s.size() && s[end] != quote) {
    if (s[end] == '\\' || s[end] == '\n' || s[end] == '\r') return false;
    ++end;
  }
  if (end >= s.size()) return false;
  *text = s.substr(*at + 1, end - *at - 1);
  *at = end + 1;
  return true;
}

bool ReadIdentifier(const std::string& s, size_t* at, std::string* name) {
  size_t end = *at;
  while (end < s.size() && IsIdentifierChar(s[end])) ++end;
  if (end == *at || (s[*at] >= '0' && s[*at] <= '9')) return false;
  *name = s.substr(*at, end - *at);
  *at = end;
  return true;
}

// The specifier string that ends right before `end` (whitespace between
// allowed), preceded by `from` or `import`: the offset of its opening quote.
std::optional<size_t> SpecifierBefore(const std::string& s, size_t end) {
  while (end > 0 && IsSpace(s[end - 1])) --end;
  if (end < 2 || (s[end - 1] != '\'' && s[end - 1] != '"')) return std::nullopt;
  char quote = s[end - 1];
  size_t open = end - 1;
  while (open > 0) {
    --open;
    if (s[open] == '\n' || s[open] == '\r') return std::nullopt;
    if (s[open] != quote) continue;
    size_t backslashes = 0;
    while (open >= backslashes + 1 && s[open - backslashes - 1] == '\\') ++backslashes;
    if (backslashes % 2 == 0) break;
  }
  if (s[open] != quote || open == end - 1) return std::nullopt;
  size_t word_end = open;
  while (word_end > 0 && IsSpace(s[word_end - 1])) --word_end;
  for (const char* keyword : {"from", "import"}) {
    std::string word(keyword);
    if (word_end < word.size() || s.compare(word_end - word.size(), word.size(), word) != 0) {
      continue;
    }
    size_t start = word_end - word.size();
    if (start > 0 && (IsIdentifierChar(s[start - 1]) || s[start - 1] == '.')) continue;
    return open;
  }
  return std::nullopt;
}


// Skips one expression from `at` up to a ',' or `close` at its own depth,
// through brackets, strings, templates and comments; false where it cannot
// tell (a '/' that may start a regular expression, unbalanced text).
bool SkipExpression(const std::string& s, size_t* at, char close) {
  std::vector<char> open;
  while (true) {
    if (!SkipForward(s, at) || *at >= s.size()) return false;
    char c = s[*at];
    if (open.empty() && (c == ',' || c == close)) return true;
    if (c == '\'' || c == '"') {
      std::string ignored;
      if (!ReadString(s, at, &ignored)) return false;
      continue;
    }
    if (c == '`') {  // a template: `${` opens a brace to match
      for (++*at; *at < s.size() && s[*at] != '`'; ++*at) {
        if (s[*at] == '\\') ++*at;
        if (s.compare(*at, 2, "${") == 0) return false;
      }
      if (*at >= s.size()) return false;
      ++*at;
      continue;
    }
    if (c == '/') return false;
    if (c == '(' || c == '[' || c == '{') {
      open.push_back(c == '(' ? ')' : c == '[' ? ']' : '}');
    } else if (c == ')' || c == ']' || c == '}') {
      if (open.empty() || open.back() != c) return false;
      open.pop_back();
    }
    ++*at;
  }
}

bool IsWord(const std::string& s, size_t at, const char* word) {
  size_t n = std::char_traits<char>::length(word);
  return s.compare(at, n, word) == 0 && (at + n >= s.size() || !IsIdentifierChar(s[at + n]));
}

// A primitive literal at `at` (number, true, false, null): its length, or 0.
size_t PrimitiveLength(const std::string& s, size_t at) {
  for (const char* word : {"true", "false", "null"}) {
    if (IsWord(s, at, word)) return std::char_traits<char>::length(word);
  }
  size_t end = at;
  if (end < s.size() && s[end] == '-') ++end;
  size_t digits = end;
  while (end < s.size() && (IsIdentifierChar(s[end]) || s[end] == '.')) ++end;
  return digits < s.size() && s[digits] >= '0' && s[digits] <= '9' ? end - at : 0;
}

// `{ key: 'value', ... }` at `at`, into `call`.
void ReadAttributesObject(const std::string& s, size_t* at, ImportCallWith* call) {
  ++*at;
  while (true) {
    if (!SkipForward(s, at) || *at >= s.size()) return;
    if (s[*at] == '}') {
      ++*at;
      call->kind = ImportCallWith::Kind::kAttributes;
      return;
    }
    std::string key, value;
    if (!ReadString(s, at, &key) && !ReadIdentifier(s, at, &key)) return;
    if (!SkipForward(s, at) || *at >= s.size() || s[*at] != ':') return;
    ++*at;
    if (!SkipForward(s, at) || *at >= s.size()) return;
    if (PrimitiveLength(s, *at) > 0) {
      call->kind = ImportCallWith::Kind::kNotString;
      return;
    }
    if (!ReadString(s, at, &value)) return;
    call->attributes.emplace_back(key, value);
    if (!SkipForward(s, at) || *at >= s.size()) return;
    if (s[*at] == ',') {
      ++*at;
    } else if (s[*at] != '}') {
      return;
    }
  }
}


// A string or a template without substitutions at `at`; its text.
bool ReadPlainLiteral(const std::string& s, size_t* at, std::string* text) {
  if (*at < s.size() && s[*at] == '`') {
    size_t end = *at + 1;
    while (end < s.size() && s[end] != '`') {
      if (s[end] == '\\' || s.compare(end, 2, "${") == 0) return false;
      ++end;
    }
    if (end >= s.size()) return false;
    *text = s.substr(*at + 1, end - *at - 1);
    *at = end + 1;
    return true;
  }
  return ReadString(s, at, text);
}

// Skips a string or template at `at` (escapes allowed, substitutions
// counted as braces); false if it does not end.
bool SkipQuoted(const std::string& s, size_t* at) {
  char quote = s[*at];
  int braces = 0;
  for (++*at; *at < s.size(); ++*at) {
    char c = s[*at];
    if (c == '\\') {
      ++*at;
    } else if (quote == '`' && s.compare(*at, 2, "${") == 0) {
      ++braces;
      ++*at;
    } else if (quote == '`' && braces > 0 && c == '}') {
      --braces;
    } else if (c == quote && braces == 0) {
      ++*at;
      return true;
    } else if (quote != '`' && (c == '\n' || c == '\r')) {
      return false;
    }
  }
  return false;
}

// Offsets of the `import(` calls from `from` to the end of the statement
// there (a ';' or a closing bracket at its level); at most 64 KiB on.
std::vector<size_t> ImportCallsFrom(const std::string& s, size_t from) {
  std::vector<size_t> calls;
  int depth = 0;
  size_t at = from;
  while (at < s.size() && at - from < 65536) {
    if (!SkipForward(s, &at) || at >= s.size()) break;
    char c = s[at];
    if (c == '\'' || c == '"' || c == '`') {
      if (!SkipQuoted(s, &at)) break;
    } else if (IsIdentifierChar(c)) {
      size_t start = at;
      while (at < s.size() && IsIdentifierChar(s[at])) ++at;
      size_t next = at;
      if (IsWord(s, start, "import") && (start == 0 || s[start - 1] != '.') &&
          SkipForward(s, &next) && next < s.size() && s[next] == '(') {
        calls.push_back(start);
      }
    } else {
      if (c == '(' || c == '[' || c == '{') ++depth;
      if ((c == ')' || c == ']' || c == '}') && --depth < 0) break;
      if (c == ';' && depth == 0) break;
      ++at;
    }
  }
  return calls;
}

bool SameRequest(const ImportCallWith& a, const ImportCallWith& b) {
  return a.kind == b.kind && a.attributes == b.attributes;
}

}  // namespace

ImportCallWith ReadImportCallWith(const std::string& s, size_t import_offset) {
  ImportCallWith call;
  size_t at = import_offset;
  if (!IsWord(s, at, "import")) return call;
  at += 6;
  if (!SkipForward(s, &at) || at >= s.size() || s[at] != '(') return call;
  ++at;
  if (!SkipForward(s, &at) || at >= s.size()) return call;
  size_t argument = at;
  std::string literal;
  if (ReadPlainLiteral(s, &argument, &literal) && SkipForward(s, &argument) &&
      argument < s.size() && (s[argument] == ',' || s[argument] == ')')) {
    call.specifier = literal;
  }
  std::optional<std::string> specifier = call.specifier;
  if (!SkipExpression(s, &at, ')')) return call;
  if (s[at] == ',') {
    ++at;
    if (!SkipForward(s, &at) || at >= s.size()) return call;
  }
  if (s[at] == ')') {
    call.kind = ImportCallWith::Kind::kAbsent;
    return call;
  }
  call.specifier.reset();  // unknown calls match no specifier
  if (s[at] != '{') return call;  // options from a variable or a call
  ++at;
  ImportCallWith found;
  found.kind = ImportCallWith::Kind::kAbsent;
  found.specifier = specifier;
  while (true) {
    if (!SkipForward(s, &at) || at >= s.size()) return call;
    if (s[at] == '}') break;
    std::string key;
    if (!ReadString(s, &at, &key) && !ReadIdentifier(s, &at, &key)) return call;
    if (!SkipForward(s, &at) || at >= s.size() || s[at] != ':') return call;
    ++at;
    if (!SkipForward(s, &at) || at >= s.size()) return call;
    if (key == "with" && !IsWord(s, at, "undefined")) {
      if (size_t length = PrimitiveLength(s, at); length > 0 || s[at] == '\'' || s[at] == '"') {
        found.kind = ImportCallWith::Kind::kNotObject;
        std::string ignored;
        if (length > 0) {
          at += length;
        } else if (!ReadString(s, &at, &ignored)) {
          return call;
        }
      } else if (s[at] == '{') {
        ReadAttributesObject(s, &at, &found);
        if (found.kind == ImportCallWith::Kind::kNotString) return found;
        if (found.kind != ImportCallWith::Kind::kAttributes) return call;
      } else {
        return call;
      }
    } else if (!SkipExpression(s, &at, '}')) {
      return call;
    }
    if (!SkipForward(s, &at) || at >= s.size()) return call;
    if (s[at] == ',') {
      ++at;
    } else if (s[at] != '}') {
      return call;
    }
  }
  ++at;
  // The object must be the whole argument, not part of an expression.
  if (!SkipForward(s, &at) || at >= s.size()) return call;
  if (s[at] == ',') {
    ++at;
    if (!SkipForward(s, &at) || at >= s.size()) return call;
  }
  return s[at] == ')' ? found : call;
}

ImportCallWith ReadImportCallIn(const std::string& s, size_t statement_offset,
                                const std::string& specifier) {
  std::vector<ImportCallWith> matching;
  std::vector<size_t> calls = ImportCallsFrom(s, statement_offset);
  for (size_t offset : calls) {
    ImportCallWith call = ReadImportCallWith(s, offset);
    if (calls.size() == 1 ? call.specifier.value_or(specifier) == specifier
                          : call.specifier == specifier) {
      matching.push_back(std::move(call));
    }
  }
  if (matching.empty()) return {};
  for (const ImportCallWith& call : matching) {
    if (!SameRequest(call, matching.front())) return {};
  }
  return matching.front();
}

std::optional<WithClause> BlankWithClause(std::string* source, size_t with_offset) {
  const std::string& s = *source;
  if (with_offset + 4 > s.size() || s.compare(with_offset, 4, "with") != 0 ||
      (with_offset + 4 < s.size() && IsIdentifierChar(s[with_offset + 4]))) {
    return std::nullopt;
  }
  std::optional<size_t> specifier = SpecifierBefore(s, with_offset);
  if (!specifier) return std::nullopt;
  WithClause clause{*specifier, {}};
  size_t at = with_offset + 4;
  if (!SkipForward(s, &at) || at >= s.size() || s[at] != '{') return std::nullopt;
  ++at;
  while (true) {
    if (!SkipForward(s, &at) || at >= s.size()) return std::nullopt;
    if (s[at] == '}') break;
    std::string key, value;
    if (!ReadString(s, &at, &key) && !ReadIdentifier(s, &at, &key)) return std::nullopt;
    if (!SkipForward(s, &at) || at >= s.size() || s[at] != ':') return std::nullopt;
    ++at;
    if (!SkipForward(s, &at) || at >= s.size() || !ReadString(s, &at, &value)) return std::nullopt;
    clause.attributes.emplace_back(key, value);
    if (!SkipForward(s, &at) || at >= s.size()) return std::nullopt;
    if (s[at] == ',') {
      ++at;
    } else if (s[at] != '}') {
      return std::nullopt;
    }
  }
  for (size_t i = with_offset; i <= at; ++i) {
    if (s[i] != '\n' && s[i] != '\r') (*source)[i] = ' ';
  }
  return clause;
}

size_t Utf16ToByteOffset(const std::string& utf8, size_t utf16_offset) {
  size_t units = 0, i = 0;
  while (i < utf8.size() && units < utf16_offset) {
    unsigned char c = static_cast<unsigned char>(utf8[i]);
    size_t length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    units += length == 4 ? 2 : 1;
    i += length;
  }
  return i < utf8.size() ? i : utf8.size();
}

size_t ByteToUtf16Offset(const std::string& utf8, size_t byte_offset) {
  size_t units = 0;
  for (size_t i = 0; i < byte_offset && i < utf8.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(utf8[i]);
    if ((c & 0xC0) != 0x80) units += c >= 0xF0 ? 2 : 1;
  }
  return units;
}

}  // namespace toysnap
