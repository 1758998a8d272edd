// The C++ wrapper over ada's C API: every ada object has one owner here.
#include "runtime/web/ada_url.h"

#include "runtime/web/ada_c.h"

namespace toysnap::web {
namespace {

std::string Copy(ada_string text) {
  return text.data == nullptr ? std::string() : std::string(text.data, text.length);
}

std::string Take(ada_owned_string text) {
  std::string copy = text.data == nullptr ? std::string() : std::string(text.data, text.length);
  ada_free_owned_string(text);
  return copy;
}

struct ParamsFree {
  void operator()(void* params) const { ada_free_search_params(params); }
};
using Params = std::unique_ptr<void, ParamsFree>;

struct EntriesFree {
  void operator()(void* entries) const { ada_free_search_params_entries_iter(entries); }
};

}  // namespace

void AdaUrl::Free::operator()(void* url) const { ada_free(url); }

std::optional<AdaUrl> AdaUrl::Parse(absl::string_view input,
                                    std::optional<absl::string_view> base) {
  ada_url url = base ? ada_parse_with_base(input.data(), input.size(), base->data(), base->size())
                     : ada_parse(input.data(), input.size());
  if (!ada_is_valid(url)) {
    ada_free(url);
    return std::nullopt;
  }
  return AdaUrl(url);
}

bool AdaUrl::CanParse(absl::string_view input, std::optional<absl::string_view> base) {
  return base ? ada_can_parse_with_base(input.data(), input.size(), base->data(), base->size())
              : ada_can_parse(input.data(), input.size());
}

std::string AdaUrl::Get(UrlPart part) const {
  void* url = url_.get();
  switch (part) {
    case UrlPart::kHref: return Copy(ada_get_href(url));
    case UrlPart::kOrigin: return Take(ada_get_origin(url));
    case UrlPart::kProtocol: return Copy(ada_get_protocol(url));
    case UrlPart::kUsername: return Copy(ada_get_username(url));
    case UrlPart::kPassword: return Copy(ada_get_password(url));
    case UrlPart::kHost: return Copy(ada_get_host(url));
    case UrlPart::kHostname: return Copy(ada_get_hostname(url));
    case UrlPart::kPort: return Copy(ada_get_port(url));
    case UrlPart::kPathname: return Copy(ada_get_pathname(url));
    case UrlPart::kSearch: return Copy(ada_get_search(url));
    case UrlPart::kHash: return Copy(ada_get_hash(url));
  }
  return "";
}

absl::string_view AdaUrl::Href() const {
  ada_string href = ada_get_href(url_.get());
  return href.data == nullptr ? absl::string_view() : absl::string_view(href.data, href.length);
}

UrlComponents AdaUrl::Components() const {
  const ada_url_components* c = ada_get_components(url_.get());
  return {c->protocol_end, c->username_end,   c->host_start,   c->host_end,
          c->port,         c->pathname_start, c->search_start, c->hash_start};
}

std::array<std::string, kUrlPartCount> AdaUrl::GetAll() const {
  std::array<std::string, kUrlPartCount> parts;
  for (int i = 0; i < kUrlPartCount; ++i) parts[i] = Get(static_cast<UrlPart>(i));
  return parts;
}

bool AdaUrl::Set(UrlPart part, absl::string_view value) {
  std::string before = Get(UrlPart::kHref);
  if (Apply(part, value)) return true;
  // ada 2.7.8's host and hostname setters can leave the URL inconsistent when
  // they refuse a value (a later port is then dropped), so a refused change
  // starts over from the href it had.
  ada_url fresh = ada_parse(before.data(), before.size());
  if (ada_is_valid(fresh)) {
    url_.reset(fresh);
  } else {
    ada_free(fresh);  // cannot happen: `before` was a valid URL's href
  }
  return false;
}

bool AdaUrl::Apply(UrlPart part, absl::string_view value) {
  void* url = url_.get();
  const char* data = value.data();
  size_t size = value.size();
  switch (part) {
    case UrlPart::kHref: return ada_set_href(url, data, size);
    case UrlPart::kOrigin: return false;  // read-only
    case UrlPart::kProtocol: return ada_set_protocol(url, data, size);
    case UrlPart::kUsername: return ada_set_username(url, data, size);
    case UrlPart::kPassword: return ada_set_password(url, data, size);
    case UrlPart::kHost: return ada_set_host(url, data, size);
    case UrlPart::kHostname: return ada_set_hostname(url, data, size);
    case UrlPart::kPort: return ada_set_port(url, data, size);
    case UrlPart::kPathname: return ada_set_pathname(url, data, size);
    case UrlPart::kSearch: ada_set_search(url, data, size); return true;
    case UrlPart::kHash: ada_set_hash(url, data, size); return true;
  }
  return false;
}

std::vector<NameValue> ParseUrlencoded(absl::string_view query) {
  Params params(ada_parse_search_params(query.data(), query.size()));
  std::unique_ptr<void, EntriesFree> entries(ada_search_params_get_entries(params.get()));
  std::vector<NameValue> pairs;
  while (ada_search_params_entries_iter_has_next(entries.get())) {
    ada_string_pair pair = ada_search_params_entries_iter_next(entries.get());
    pairs.emplace_back(Copy(pair.key), Copy(pair.value));
  }
  return pairs;
}

std::string SerializeUrlencoded(
    const std::vector<std::pair<absl::string_view, absl::string_view>>& pairs) {
  Params params(ada_parse_search_params("", 0));
  for (const auto& [name, value] : pairs) {
    ada_search_params_append(params.get(), name.data(), name.size(), value.data(), value.size());
  }
  std::string text = Take(ada_search_params_to_string(params.get()));
  // ada 2.7.8 leaves the backslash out of the urlencoded percent-encode set (which
  // holds it, as Node encodes it); the output is ASCII, so escaping it after
  // the fact is exact.
  std::string escaped;
  escaped.reserve(text.size());
  for (char c : text) {
    if (c == '\\') {
      escaped += "%5C";
    } else {
      escaped += c;
    }
  }
  return escaped;
}

// As Node does: the hostname setter of a special URL runs the host parser
// (IDNA, IPv4, forbidden code points) and refuses what it rejects.
std::string DomainToAscii(absl::string_view domain) {
  if (domain.empty()) return "";
  std::optional<AdaUrl> url = AdaUrl::Parse("ws://x");
  if (!url || !url->Set(UrlPart::kHostname, domain)) return "";
  return url->Get(UrlPart::kHostname);
}

std::string DomainToUnicode(absl::string_view domain) {
  std::string ascii = DomainToAscii(domain);
  if (ascii.empty()) return "";
  return Take(ada_idna_to_unicode(ascii.data(), ascii.size()));
}

}  // namespace toysnap::web
