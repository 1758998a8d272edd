// Immutable bytes that several owners share: an owned string or part of a
// read-only file mapping. Copies share the bytes; the bytes live as long as the
// last copy.
#ifndef TOYSNAP_SNAPSHOT_BASE_SHARED_BYTES_H_
#define TOYSNAP_SNAPSHOT_BASE_SHARED_BYTES_H_

#include <cstddef>
#include <memory>
#include <string>
#include <utility>

#include "absl/strings/string_view.h"

namespace toysnap {

class SharedBytes {
 public:
  SharedBytes() = default;
  explicit SharedBytes(std::string bytes)
      : SharedBytes(std::make_shared<const std::string>(std::move(bytes))) {}
  // Implicit: callers holding a shared string pass it as is.
  SharedBytes(std::shared_ptr<const std::string> bytes)  // NOLINT(runtime/explicit)
      : owner_(bytes), bytes_(bytes ? absl::string_view(*bytes) : absl::string_view()) {}
  // `bytes` stays valid while `owner` lives.
  SharedBytes(std::shared_ptr<const void> owner, absl::string_view bytes)
      : owner_(std::move(owner)), bytes_(bytes) {}

  absl::string_view view() const { return bytes_; }
  const char* data() const { return bytes_.data(); }
  size_t size() const { return bytes_.size(); }

  // Part of these bytes, sharing their owner; clamped like string_view::substr.
  SharedBytes Subrange(size_t offset, size_t length) const {
    return SharedBytes(owner_, bytes_.substr(std::min(offset, bytes_.size()), length));
  }

 private:
  std::shared_ptr<const void> owner_;
  absl::string_view bytes_;
};

}  // namespace toysnap

#endif  // TOYSNAP_SNAPSHOT_BASE_SHARED_BYTES_H_
