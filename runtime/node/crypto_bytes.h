// Bytes in and out of the crypto extension: JS strings decoded with one of
// Buffer's encodings (what hash.update(string, encoding) hashes), and bytes
// encoded as a digest's output (hex, base64, ... or an ArrayBuffer that JS
// wraps as a Buffer). Included by runtime/node/crypto*.cc.
#ifndef TOYSNAP_RUNTIME_NODE_CRYPTO_BYTES_H_
#define TOYSNAP_RUNTIME_NODE_CRYPTO_BYTES_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "v8-array-buffer.h"
#include "v8-isolate.h"
#include "v8-local-handle.h"
#include "v8-value.h"

namespace toysnap::node {

enum class Encoding { kUtf8, kLatin1, kAscii, kUcs2, kHex, kBase64, kBase64Url, kBuffer };

// Node's ParseEncoding: case-insensitive names and aliases ('binary',
// 'utf-8', 'ucs-2', 'utf-16le'); anything else (undefined included) is
// `fallback`.
Encoding ParseEncoding(v8::Isolate* isolate, v8::Local<v8::Value> value, Encoding fallback);

// The bytes `text` stands for in `encoding` (kBuffer reads as UTF-8), the way
// Buffer.from(text, encoding) decodes it: lenient base64, hex up to the first
// bad pair, lone surrogates as U+FFFD in UTF-8.
std::string DecodeString(v8::Isolate* isolate, v8::Local<v8::String> text, Encoding encoding);

// `bytes` as a JS string in `encoding`, or as a new ArrayBuffer for kBuffer.
// Empty with an exception pending when V8 cannot make it (too long).
v8::MaybeLocal<v8::Value> EncodeBytes(v8::Isolate* isolate, absl::Span<const uint8_t> bytes,
                                      Encoding encoding);

// A new ArrayBuffer holding a copy of `bytes`.
v8::Local<v8::ArrayBuffer> NewArrayBufferCopy(v8::Isolate* isolate,
                                              absl::Span<const uint8_t> bytes);

// The bytes of a string (decoded with `encoding`), ArrayBuffer or view in
// `value`, copied; false when it is none of those (nothing thrown).
bool ReadBytes(v8::Isolate* isolate, v8::Local<v8::Value> value, Encoding encoding,
               std::string* out);

}  // namespace toysnap::node

#endif  // TOYSNAP_RUNTIME_NODE_CRYPTO_BYTES_H_
