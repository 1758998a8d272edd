// util.MIMEType and util.MIMEParams: WHATWG MIME type parsing and
// serialization (type/subtype as lowercase HTTP tokens, parameters with the
// first value of each name kept, quoted strings unescaped) with Node's
// ERR_INVALID_MIME_SYNTAX errors. Lazy: util.js compiles it on first use.
(function (natives, internals) {
  'use strict';
  const {
    ObjectDefineProperty, RegExpPrototypeExec, SafeMap, SafeWeakMap, StringFromCharCode,
    StringPrototypeCharCodeAt, StringPrototypeIndexOf, StringPrototypeSlice, SymbolIterator,
    TypeError,
  } = internals.strictPrimordials();

  const tokenChar = /^[!#$%&'*+\-.^_`|~A-Za-z0-9]$/;
  const quotedStringChar = /^[\t\u0020-~\u0080-\u00FF]$/;
  const isWhitespace = (c) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
  // Index of the first character that is not in `ok` (-1: none).
  function firstInvalid(text, ok) {
    for (let i = 0; i < text.length; i++) if (RegExpPrototypeExec(ok, text[i]) === null) return i;
    return -1;
  }
  // ASCII only: the spec lowercases A-Z, nothing else.
  function asciiLower(text) {
    let out = '';
    for (let i = 0; i < text.length; i++) {
      const code = StringPrototypeCharCodeAt(text, i);
      out += code >= 65 && code <= 90 ? StringFromCharCode(code + 32) : text[i];
    }
    return out;
  }

  function syntaxError(production, text, index) {
    const error = new TypeError(`The MIME syntax for a ${production} in "${text}" is invalid` +
                                (index !== -1 ? ` at ${index}` : ''));
    error.code = 'ERR_INVALID_MIME_SYNTAX';
    return error;
  }
  function trimEnd(text) {
    let end = text.length;
    while (end > 0 && isWhitespace(text[end - 1])) end--;
    return StringPrototypeSlice(text, 0, end);
  }

  // A parameter value as the serializer writes it: bare if it is a token,
  // else quoted with " and \ escaped.
  function serializeValue(value) {
    if (value.length === 0) return '""';
    if (firstInvalid(value, tokenChar) === -1) return value;
    let escaped = '';
    for (let i = 0; i < value.length; i++) {
      const c = value[i];
      escaped += c === '"' || c === '\\' ? `\\${c}` : c;
    }
    return `"${escaped}"`;
  }

  const kData = new SafeWeakMap();  // MIMEParams -> SafeMap
  class MIMEParams {
    constructor() { kData.set(this, new SafeMap()); }
    delete(name) { kData.get(this).delete(name); }
    get(name) {
      const data = kData.get(this);
      return data.has(name) ? data.get(name) : null;
    }
    has(name) { return kData.get(this).has(name); }
    set(name, value) {
      name = `${name}`;
      value = `${value}`;
      const badName = firstInvalid(name, tokenChar);
      if (name.length === 0 || badName !== -1) throw syntaxError('parameter name', name, badName);
      const badValue = firstInvalid(value, quotedStringChar);
      if (badValue !== -1) throw syntaxError('parameter value', value, badValue);
      kData.get(this).set(name, value);
    }
    *entries() { for (const entry of kData.get(this).entries()) yield [entry[0], entry[1]]; }
    *keys() { for (const key of kData.get(this).keys()) yield key; }
    *values() { for (const value of kData.get(this).values()) yield value; }
    toString() {
      let text = '';
      for (const entry of kData.get(this).entries()) {
        if (text.length > 0) text += ';';
        text += `${entry[0]}=${serializeValue(entry[1])}`;
      }
      return text;
    }
    toJSON() { return this.toString(); }
  }
  ObjectDefineProperty(MIMEParams.prototype, SymbolIterator, {
    __proto__: null, value: MIMEParams.prototype.entries, writable: true, configurable: true,
  });

  // The parameters after `position` in `text` (the spec's loop): names are
  // lowercased, a value is a quoted string or runs to the next ';', and a
  // name seen before, an invalid name or value, or a missing value is dropped.
  function parseParameters(text, position, data) {
    const end = trimEnd(text).length;
    while (position < end) {
      while (position < end && isWhitespace(text[position])) position++;
      let nameEnd = position;
      while (nameEnd < text.length && text[nameEnd] !== ';' && text[nameEnd] !== '=') nameEnd++;
      const name = asciiLower(StringPrototypeSlice(text, position, nameEnd));
      position = nameEnd;
      if (position < end) {
        const c = text[position];
        position++;
        if (c === ';') continue;
      }
      if (position >= end) break;
      let value;
      if (text[position] === '"') {
        position++;
        value = '';
        for (;;) {
          if (position >= text.length) break;
          const c = text[position];
          if (c === '\\') {
            position++;
            if (position >= text.length) {
              value += '\\';
              break;
            }
            value += text[position++];
          } else if (c === '"') {
            position++;
            break;
          } else {
            value += c;
            position++;
          }
        }
        // What follows the closing quote up to ';' is ignored.
        const next = StringPrototypeIndexOf(text, ';', position);
        position = next === -1 ? text.length : next;
      } else {
        const next = StringPrototypeIndexOf(text, ';', position);
        const raw = next === -1 ? StringPrototypeSlice(text, position) : StringPrototypeSlice(text, position, next);
        position += raw.length;
        value = trimEnd(raw);
        if (value === '') continue;
      }
      if (name !== '' && firstInvalid(name, tokenChar) === -1 &&
          firstInvalid(value, quotedStringChar) === -1 && !data.has(name)) {
        data.set(name, value);
      }
      position++;
    }
  }

  const kType = new SafeWeakMap();  // MIMEType -> {type, subtype, params}
  function setToken(mime, key, production, value) {
    value = `${value}`;
    const bad = firstInvalid(value, tokenChar);
    if (value.length === 0 || bad !== -1) throw syntaxError(production, value, bad);
    kType.get(mime)[key] = asciiLower(value);
  }

  class MIMEType {
    constructor(input) {
      const text = `${input}`;
      let position = 0;
      while (position < text.length && isWhitespace(text[position])) position++;
      const slash = StringPrototypeIndexOf(text, '/', position);
      const type = slash === -1 ? StringPrototypeSlice(text, position) : StringPrototypeSlice(text, position, slash);
      const badType = firstInvalid(type, tokenChar);
      if (type === '' || badType !== -1 || slash === -1) throw syntaxError('type', text, badType);
      position = slash + 1;
      const semicolon = StringPrototypeIndexOf(text, ';', position);
      const rawSubtype = semicolon === -1 ? StringPrototypeSlice(text, position) : StringPrototypeSlice(text, position, semicolon);
      position += rawSubtype.length + (semicolon === -1 ? 0 : 1);
      const subtype = trimEnd(rawSubtype);
      const badSubtype = firstInvalid(subtype, tokenChar);
      if (subtype === '' || badSubtype !== -1) throw syntaxError('subtype', text, badSubtype);
      const params = new MIMEParams();
      parseParameters(text, position, kData.get(params));
      kType.set(this, { type: asciiLower(type), subtype: asciiLower(subtype), params });
    }
    get type() { return kType.get(this).type; }
    set type(value) { setToken(this, 'type', 'type', value); }
    get subtype() { return kType.get(this).subtype; }
    set subtype(value) { setToken(this, 'subtype', 'subtype', value); }
    get essence() { return `${this.type}/${this.subtype}`; }
    get params() { return kType.get(this).params; }
    toString() {
      const params = kType.get(this).params.toString();
      return params.length > 0 ? `${this.essence};${params}` : this.essence;
    }
  }
  ObjectDefineProperty(MIMEType.prototype, 'toJSON', {
    __proto__: null, value: MIMEType.prototype.toString, writable: true, configurable: true,
  });

  return { MIMEType, MIMEParams };
})
