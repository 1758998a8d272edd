// Recognises one import attributes clause at a position V8 pointed at; see
// import_attributes.h. The clause's grammar is small (string or identifier
// keys, string values), so it is read here token by token.
#include "runtime/import_attributes.h"

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

}  // namespace

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
