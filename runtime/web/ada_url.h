// WHATWG URLs and application/x-www-form-urlencoded lists in C++, on ada (the
// parser Node uses, exported by libnode.so.108). No V8 here; included by
// runtime/web/url.cc, which gives it to JavaScript.
#ifndef TOYSNAP_RUNTIME_WEB_ADA_URL_H_
#define TOYSNAP_RUNTIME_WEB_ADA_URL_H_

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"

namespace toysnap::web {

// A URL's parts in the order the URL class's record holds them; the values
// are what the WHATWG getters of the same names return.
enum class UrlPart {
  kHref,
  kOrigin,
  kProtocol,
  kUsername,
  kPassword,
  kHost,
  kHostname,
  kPort,
  kPathname,
  kSearch,
  kHash,
};
inline constexpr int kUrlPartCount = 11;

// Where each part lies in a URL's href, as ada's url_aggregator keeps it:
// byte offsets, which are also UTF-16 indices because an href is ASCII.
// `port` is the port's number; kUrlOmitted marks an absent part.
inline constexpr uint32_t kUrlOmitted = 0xffffffff;
struct UrlComponents {
  uint32_t protocol_end;
  uint32_t username_end;
  uint32_t host_start;
  uint32_t host_end;
  uint32_t port;
  uint32_t pathname_start;
  uint32_t search_start;
  uint32_t hash_start;
};
inline constexpr int kUrlComponentCount = 8;

// One parsed, valid URL. Owns its ada object.
class AdaUrl {
 public:
  // nullopt when `input` (resolved against `base`, when given) is no valid URL;
  // so is an invalid base. Both are UTF-8.
  static std::optional<AdaUrl> Parse(absl::string_view input,
                                     std::optional<absl::string_view> base = std::nullopt);
  static bool CanParse(absl::string_view input,
                       std::optional<absl::string_view> base = std::nullopt);

  std::string Get(UrlPart part) const;
  std::array<std::string, kUrlPartCount> GetAll() const;
  // The serialized URL without a copy; valid until this URL changes.
  absl::string_view Href() const;
  UrlComponents Components() const;

  // The setter of `part` (every part but kOrigin); false when the URL refuses
  // `value` and stays as it was. kSearch and kHash always accept.
  bool Set(UrlPart part, absl::string_view value);

 private:
  struct Free {
    void operator()(void* url) const;
  };
  explicit AdaUrl(void* url) : url_(url) {}
  bool Apply(UrlPart part, absl::string_view value);  // ada's setter, as is
  std::unique_ptr<void, Free> url_;  // owned ada_url, always valid
};

using NameValue = std::pair<std::string, std::string>;

// The name-value pairs of a urlencoded string (a leading '?' is skipped),
// percent-decoded; the bytes are as decoded, so not always UTF-8.
std::vector<NameValue> ParseUrlencoded(absl::string_view query);

// The urlencoded serialization of `pairs` (UTF-8 in, ASCII out).
std::string SerializeUrlencoded(
    const std::vector<std::pair<absl::string_view, absl::string_view>>& pairs);

// Node's url.domainToASCII / domainToUnicode: the host as a special URL would
// hold it (IDNA-processed), or "" when it is not a valid domain.
std::string DomainToAscii(absl::string_view domain);
std::string DomainToUnicode(absl::string_view domain);

}  // namespace toysnap::web

#endif  // TOYSNAP_RUNTIME_WEB_ADA_URL_H_
