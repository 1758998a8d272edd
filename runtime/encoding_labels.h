// The WHATWG Encoding Standard's label table, as Node 20 (full ICU) knows it:
// label -> the canonical name TextDecoder reports. Included by text_codec.cc.
#ifndef TOYSNAP_RUNTIME_ENCODING_LABELS_H_
#define TOYSNAP_RUNTIME_ENCODING_LABELS_H_

#include <optional>

#include "absl/strings/string_view.h"

namespace toysnap {

// The canonical encoding `label` names (ASCII whitespace around it and ASCII
// case ignored), or nullopt if Node 20 does not know it.
std::optional<absl::string_view> EncodingForLabel(absl::string_view label);

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_ENCODING_LABELS_H_
