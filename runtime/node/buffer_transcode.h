// buffer.transcode's conversions on ICU, no V8. Included by buffer.cc.
#ifndef TOYSNAP_RUNTIME_NODE_BUFFER_TRANSCODE_H_
#define TOYSNAP_RUNTIME_NODE_BUFFER_TRANSCODE_H_

#include <cstdint>
#include <vector>

#include "absl/types/span.h"

namespace toysnap::node {

// The encodings Node's transcode converts between (buffer.js's ids).
enum class TranscodeEncoding { kUtf8 = 0, kUcs2 = 1, kLatin1 = 2, kAscii = 3 };

struct TranscodeResult {
  int error;                  // ICU's UErrorCode: 0 on success
  std::vector<uint8_t> bytes;
};

TranscodeResult Transcode(TranscodeEncoding from, TranscodeEncoding to,
                          absl::Span<const uint8_t> source);
// ICU's name for an error code ("U_INVALID_CHAR_FOUND").
const char* TranscodeErrorName(int error);

}  // namespace toysnap::node

#endif  // TOYSNAP_RUNTIME_NODE_BUFFER_TRANSCODE_H_
