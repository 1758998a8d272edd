// TextDecoder's decoder for every encoding but UTF-8 (which web_encoding.h's
// Utf8StreamDecoder does): ICU's converters (libicuuc, which libnode.so.108
// already loads), as Node 20 with full ICU decodes. Included by text_codec.cc.
#ifndef TOYSNAP_RUNTIME_ICU_DECODER_H_
#define TOYSNAP_RUNTIME_ICU_DECODER_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

struct UConverter;

namespace toysnap {

class IcuStreamDecoder {
 public:
  // A decoder for the canonical WHATWG name `encoding`; NotFound if ICU has no
  // converter for it (Node then says the encoding is not supported).
  static absl::StatusOr<IcuStreamDecoder> Create(absl::string_view encoding, bool fatal,
                                                 bool ignore_bom);

  // Appends the UTF-16 text of `bytes` to `out`. With `stream`, an incomplete
  // character at the end waits for the next call. False if the decoder is fatal
  // and the input is invalid; the stream then restarts.
  bool Decode(absl::string_view bytes, bool stream, std::u16string* out);

  const std::string& encoding() const { return encoding_; }
  bool fatal() const { return fatal_; }
  bool ignore_bom() const { return ignore_bom_; }

  // Encoding, flags and the bytes of an unfinished character. ISO-2022-JP's
  // shift state is not kept: a decoder restored mid-stream starts in ASCII.
  std::string Serialize() const;
  static absl::StatusOr<IcuStreamDecoder> Restore(absl::string_view bytes);

 private:
  struct Closer {
    void operator()(UConverter* converter) const;
  };
  IcuStreamDecoder(std::string encoding, bool fatal, bool ignore_bom)
      : encoding_(std::move(encoding)), fatal_(fatal), ignore_bom_(ignore_bom) {}
  void Restart();

  std::string encoding_;
  bool fatal_;
  bool ignore_bom_;
  // Node 20.20 decodes windows-1252 (and so latin1, ascii) byte for byte as
  // ISO-8859-1, without ICU; kept so output matches it.
  bool latin1_ = false;
  bool unicode_ = false;  // UTF-16: a leading BOM is dropped unless ignore_bom_
  bool bom_seen_ = false;
  std::string pending_;  // bytes the converter holds of an unfinished character
  std::unique_ptr<UConverter, Closer> converter_;  // owned; null when latin1_
};

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_ICU_DECODER_H_
