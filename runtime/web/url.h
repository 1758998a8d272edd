// Native halves of runtime/js/url.js (URL, URLSearchParams, node:url's
// domainToASCII/domainToUnicode): stateless calls into ada. A URL's state is
// its href and the offsets of its parts in the JS heap, so a URL made at
// build time needs nothing from C++ after a restore. UrlExtension() registers them with
// url.js (builtin_extensions.cc).
#ifndef TOYSNAP_RUNTIME_WEB_URL_H_
#define TOYSNAP_RUNTIME_WEB_URL_H_

#include "runtime/extension.h"
#include "v8-function-callback.h"

namespace toysnap::web {

const Extension& UrlExtension();

// urlParse(input, base, components) -> the href, with the offsets of its
// parts (UrlComponents' fields in order) written into the Uint32Array
// `components`; undefined when `input` resolved against `base` (or undefined)
// is no valid URL.
void UrlParse(const v8::FunctionCallbackInfo<v8::Value>& info);

// urlCanParse(input, base?) -> boolean.
void UrlCanParse(const v8::FunctionCallbackInfo<v8::Value>& info);

// urlUpdate(href, part, value, components) -> as urlParse, for `href` after
// the setter of UrlPart `part` took `value`; undefined when the URL refuses it.
void UrlUpdate(const v8::FunctionCallbackInfo<v8::Value>& info);

// urlOrigin(href) -> the URL's origin ('null' for an opaque one).
void UrlOrigin(const v8::FunctionCallbackInfo<v8::Value>& info);

// urlencodedParse(query) -> [name, value, name, value, ...], decoded; bytes
// that are not UTF-8 become U+FFFD.
void UrlencodedParse(const v8::FunctionCallbackInfo<v8::Value>& info);

// urlencodedSerialize([name, value, ...]) -> the application/x-www-form-urlencoded string.
void UrlencodedSerialize(const v8::FunctionCallbackInfo<v8::Value>& info);

// domainToASCII(domain) / domainToUnicode(domain) -> string, '' when invalid.
void UrlDomainToAscii(const v8::FunctionCallbackInfo<v8::Value>& info);
void UrlDomainToUnicode(const v8::FunctionCallbackInfo<v8::Value>& info);

}  // namespace toysnap::web

#endif  // TOYSNAP_RUNTIME_WEB_URL_H_
