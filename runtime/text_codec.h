// TextEncoder and TextDecoder (WHATWG Encoding; TextDecoder has every
// encoding Node 20 with full ICU has) as native classes.
// Included by web_natives.cc, whose extension lists them.
#ifndef TOYSNAP_RUNTIME_TEXT_CODEC_H_
#define TOYSNAP_RUNTIME_TEXT_CODEC_H_

#include "runtime/native_classes.h"

namespace toysnap {

extern const NativeClass kTextEncoderClass;
extern const NativeClass kTextDecoderClass;

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_TEXT_CODEC_H_
