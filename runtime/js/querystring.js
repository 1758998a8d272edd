// Node 20's `querystring` (parse, stringify, escape, unescape and their
// aliases), with Node's encoding rules: only alphanumerics and !'()*-._~ stay
// unescaped, '+' reads as a space, malformed escapes decode leniently, and
// parse stops after maxKeys pairs (1000 by default; 0 or less: no limit).
(function (natives, internals) {
  'use strict';
  const {
    ArrayIsArray, MathAbs, NumberIsFinite, ObjectKeys, RegExpPrototypeExec, String,
    StringPrototypeCharCodeAt, StringPrototypeIndexOf, StringPrototypeSlice, StringPrototypeSplit,
    SafeRegExpReplace, URIError, Uint8Array, decodeURIComponent,
  } = internals.primordials;
  const { nodeError } = internals.nodeErrors;

  const hexDigits = '0123456789ABCDEF';
  const percent = (byte) => `%${hexDigits[byte >> 4]}${hexDigits[byte & 15]}`;
  // 1 for the ASCII characters escape() leaves as they are.
  const unescaped = new Uint8Array(128);
  const kept = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!'()*-._~";
  for (let i = 0; i < kept.length; i++) unescaped[StringPrototypeCharCodeAt(kept, i)] = 1;

  // Percent-encodes `text` as UTF-8. As Node, a high surrogate takes the next
  // unit as its pair unchecked; only one at the very end is an error.
  function encodeText(text) {
    let out = '';
    let from = 0;
    for (let i = 0; i < text.length; i++) {
      let c = StringPrototypeCharCodeAt(text, i);
      if (c < 0x80 && unescaped[c] === 1) continue;
      if (from < i) out += StringPrototypeSlice(text, from, i);
      if (c < 0x80) {
        out += percent(c);
      } else if (c < 0x800) {
        out += percent(0xc0 | (c >> 6)) + percent(0x80 | (c & 0x3f));
      } else if (c < 0xd800 || c >= 0xe000) {
        out += percent(0xe0 | (c >> 12)) + percent(0x80 | ((c >> 6) & 0x3f)) + percent(0x80 | (c & 0x3f));
      } else {
        if (++i >= text.length) throw nodeError(URIError, 'ERR_INVALID_URI', 'URI malformed');
        c = 0x10000 + (((c & 0x3ff) << 10) | (StringPrototypeCharCodeAt(text, i) & 0x3ff));
        out += percent(0xf0 | (c >> 18)) + percent(0x80 | ((c >> 12) & 0x3f)) +
          percent(0x80 | ((c >> 6) & 0x3f)) + percent(0x80 | (c & 0x3f));
      }
      from = i + 1;
    }
    if (from === 0) return text;
    return from < text.length ? out + StringPrototypeSlice(text, from) : out;
  }

  function hexValue(code) {
    if (code >= 48 && code <= 57) return code - 48;
    if (code >= 65 && code <= 70) return code - 55;
    if (code >= 97 && code <= 102) return code - 87;
    return -1;
  }

  // Bytes of `text` with each valid %XX decoded (and '+' as ' ' if asked);
  // other characters keep their low byte.
  function unescapeBuffer(text, decodeSpaces) {
    const { Buffer } = internals.buffer;
    text = `${text}`;
    const out = Buffer.allocUnsafe(text.length);
    let length = 0;
    let decoded = false;
    for (let i = 0; i < text.length; i++) {
      const c = StringPrototypeCharCodeAt(text, i);
      if (c === 43 && decodeSpaces) {
        out[length++] = 32;
        continue;
      }
      if (c === 37 && i < text.length - 2) {
        const high = hexValue(StringPrototypeCharCodeAt(text, i + 1));
        const low = high < 0 ? -1 : hexValue(StringPrototypeCharCodeAt(text, i + 2));
        if (low >= 0) {
          out[length++] = high * 16 + low;
          decoded = true;
          i += 2;
          continue;
        }
      }
      out[length++] = c;
    }
    return decoded ? out.slice(0, length) : out;
  }

  function unescape(text, decodeSpaces) {
    try {
      return decodeURIComponent(text);
    } catch {
      return exports.unescapeBuffer(text, decodeSpaces).toString();
    }
  }

  function escape(value) {
    if (typeof value !== 'string') value = typeof value === 'object' ? String(value) : `${value}`;
    return encodeText(value);
  }

  function primitiveText(value) {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' && NumberIsFinite(value)) return `${value}`;
    if (typeof value === 'bigint') return `${value}`;
    if (typeof value === 'boolean') return value ? 'true' : 'false';
    return '';
  }

  function stringify(object, sep, eq, options) {
    sep = sep || '&';
    eq = eq || '=';
    let encode = exports.escape;
    if (options && typeof options.encodeURIComponent === 'function') encode = options.encodeURIComponent;
    // The default encoder is skipped where it would change nothing (as Node does).
    const convert = encode === escape ? (value) => {
      if (typeof value === 'string') return value.length ? encode(value) : '';
      if (typeof value === 'number' && NumberIsFinite(value)) {
        return MathAbs(value) < 1e21 ? `${value}` : encode(`${value}`);
      }
      return primitiveText(value);
    } : (value) => encode(primitiveText(value));
    if (object === null || typeof object !== 'object') return '';
    const keys = ObjectKeys(object);
    let fields = '';
    for (let i = 0; i < keys.length; i++) {
      const value = object[keys[i]];
      const prefix = convert(keys[i]) + eq;
      if (ArrayIsArray(value)) {
        if (value.length === 0) continue;
        for (let j = 0; j < value.length; j++) {
          if (fields) fields += sep;
          fields += prefix + convert(value[j]);
        }
      } else {
        if (fields) fields += sep;
        fields += prefix + convert(value);
      }
    }
    return fields;
  }

  const escapedByte = /%[0-9a-fA-F]{2}/;
  const plus = /\+/g;

  function parse(text, sep, eq, options) {
    const result = { __proto__: null };
    if (typeof text !== 'string' || text.length === 0) return result;
    sep = sep ? String(sep) : '&';
    eq = eq ? String(eq) : '=';
    let pairs = 1000;
    if (options && typeof options.maxKeys === 'number') pairs = options.maxKeys > 0 ? options.maxKeys : -1;
    let decode = exports.unescape;
    if (options && typeof options.decodeURIComponent === 'function') decode = options.decodeURIComponent;
    const custom = decode !== unescape;
    const space = custom ? '%20' : ' ';

    const decodePart = (part) => {
      const spaced = SafeRegExpReplace(plus, part, space);
      if (spaced.length === 0 || (!custom && RegExpPrototypeExec(escapedByte, part) === null)) return spaced;
      try {
        return decode(spaced);
      } catch {
        return exports.unescape(spaced, true);
      }
    };

    const pieces = sep.length > 0 ? StringPrototypeSplit(text, sep) : [text];
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i];
      if (piece.length === 0) {
        // An empty pair counts against maxKeys; a trailing one is not there.
        if (i === pieces.length - 1 || --pairs === 0) return result;
        continue;
      }
      const at = StringPrototypeIndexOf(piece, eq);
      const key = decodePart(at === -1 ? piece : StringPrototypeSlice(piece, 0, at));
      const value = at === -1 ? '' : decodePart(StringPrototypeSlice(piece, at + eq.length));
      const current = result[key];
      if (current === undefined) result[key] = value;
      else if (current.pop) current[current.length] = value;
      else result[key] = [current, value];
      if (i < pieces.length - 1 && --pairs === 0) return result;
    }
    return result;
  }

  const exports = {
    unescapeBuffer, unescape, escape, stringify, encode: stringify, parse, decode: parse,
  };
  return exports;
})
