// The web extension: runtime/js/web.js and its native halves (clocks, base64,
// structuredClone, randomness, TextEncoder/TextDecoder), and EventTarget,
// Event and AbortController (runtime/js/event_target.js, JavaScript only).
// Registered in builtin_extensions.cc.
//
// Functions taking a `makeDOMException(message, name)` argument throw what it
// returns; web.js passes its DOMException so errors match Node's.
#ifndef TOYSNAP_RUNTIME_WEB_NATIVES_H_
#define TOYSNAP_RUNTIME_WEB_NATIVES_H_

#include "runtime/extension.h"
#include "v8-function-callback.h"

namespace toysnap {

const Extension& WebExtension();

// wallClockNow(): milliseconds since the Unix epoch on the runtime's clock
// (clock.h), with sub-ms precision.
void WallClockNow(const v8::FunctionCallbackInfo<v8::Value>& info);

// atob(string, makeDOMException) / btoa(string, makeDOMException).
void Atob(const v8::FunctionCallbackInfo<v8::Value>& info);
void Btoa(const v8::FunctionCallbackInfo<v8::Value>& info);

// structuredClone(value, transferList: Array, makeDOMException).
void StructuredClone(const v8::FunctionCallbackInfo<v8::Value>& info);

// getRandomValues(typedArray, makeDOMException) fills and returns the array from
// getrandom(2); randomUUID() returns a fresh version 4 UUID. Nothing is cached,
// so a restored snapshot never repeats the values of another process.
void GetRandomValues(const v8::FunctionCallbackInfo<v8::Value>& info);
void RandomUuid(const v8::FunctionCallbackInfo<v8::Value>& info);

}  // namespace toysnap

#endif  // TOYSNAP_RUNTIME_WEB_NATIVES_H_
