// WHATWG encoding algorithms with no V8 dependency: the streaming UTF-8 decoder
// behind TextDecoder and forgiving-base64 behind atob. Included by text_codec.cc
// and web_natives.cc; unit-tested in web_encoding_test.cc.
#ifndef TOYSNAP_RUNTIME_WEB_ENCODING_H_
#define TOYSNAP_RUNTIME_WEB_ENCODING_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace toysnap {

// Whether `label` names UTF-8 in the WHATWG Encoding Standard (ASCII whitespace
// around it and ASCII case ignored).
bool IsUtf8Label(absl::string_view label);

// A TextDecoder's UTF-8 decoder: WHATWG Encoding's decode() steps with the
// UTF-8 decoder, U+FFFD per maximal subpart, BOM handling and streaming.
class Utf8StreamDecoder {
 public:
  Utf8StreamDecoder(bool fatal, bool ignore_bom) : fatal_(fatal), ignore_bom_(ignore_bom) {}

  // Appends the UTF-16 text of `bytes` to `out`. With `stream`, an incomplete
  // sequence at the end waits for the next call; without, the stream ends here.
  // False if the decoder is fatal and the input is invalid; the stream then restarts.
  bool Decode(absl::string_view bytes, bool stream, std::u16string* out);

  bool fatal() const { return fatal_; }
  bool ignore_bom() const { return ignore_bom_; }

  // The whole state, mid-stream too, in a few bytes; Restore() takes them back.
  std::string Serialize() const;
  static absl::StatusOr<Utf8StreamDecoder> Restore(absl::string_view bytes);

 private:
  void ResetSequence();
  bool Error(std::u16string* out);
  void Emit(uint32_t code_point, std::u16string* out);

  bool fatal_;
  bool ignore_bom_;
  bool do_not_flush_ = false;
  bool bom_seen_ = false;
  // The WHATWG UTF-8 decoder's variables.
  uint32_t code_point_ = 0;
  uint8_t bytes_needed_ = 0;
  uint8_t bytes_seen_ = 0;
  uint8_t lower_ = 0x80;
  uint8_t upper_ = 0xBF;
};

// WHATWG forgiving-base64 decode of a Latin-1 string. Errors carry Node's atob()
// messages, checked in Node's order so the same input gets the same message.
absl::StatusOr<std::string> ForgivingBase64Decode(absl::string_view input);

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_WEB_ENCODING_H_
