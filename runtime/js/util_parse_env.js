// util.parseEnv: the text of a .env file to an object, as Node 20.20's own
// dotenv parser reads it: KEY=value lines, `export ` prefixes, # comments,
// values in '...', "..." or `...` kept as they are (spanning lines), \n
// expanded inside "...". Keys come out sorted, as Node's parser keeps them in
// an ordered map. Lazy: util.js compiles it on the first call.
(function (natives, internals) {
  'use strict';
  const {
    ArrayPrototypePush, ArrayPrototypeSort, SafeMap, SafeRegExpReplace,
    StringPrototypeIndexOf, StringPrototypeSlice, StringPrototypeStartsWith, TypeError,
  } = internals.strictPrimordials();

  function trimSpaces(text) {
    let start = 0;
    let end = text.length;
    while (start < end && text[start] === ' ') start++;
    while (end > start && text[end - 1] === ' ') end--;
    return start === 0 && end === text.length ? text : StringPrototypeSlice(text, start, end);
  }
  // Node's reading, quirks included: a key is whatever precedes the next '='
  // (even across lines; only lines starting with '#' or a newline are
  // skipped), a value opening with a quote that closes later (maybe lines
  // later) is what lies between, else the rest of the line before any '#';
  // an unclosed quote is kept as the line's text.
  function parseContent(input) {
    const store = new SafeMap();
    let content = trimSpaces(SafeRegExpReplace(/\r/g, input, ''));
    while (content !== '') {
      if (content[0] === '\n' || content[0] === '#') {
        const newline = StringPrototypeIndexOf(content, '\n');
        if (newline !== -1) {
          content = StringPrototypeSlice(content, newline + 1);
          continue;
        }
      }
      const equals = StringPrototypeIndexOf(content, '=');
      if (equals === -1) break;
      let key = trimSpaces(StringPrototypeSlice(content, 0, equals));
      if (StringPrototypeStartsWith(key, 'export ')) key = StringPrototypeSlice(key, 7);
      content = trimSpaces(StringPrototypeSlice(content, equals + 1));
      if (content === '') {
        store.set(key, '');
        break;
      }
      const quote = content[0];
      if (quote === '"' || quote === "'" || quote === '`') {
        const closing = StringPrototypeIndexOf(content, quote, 1);
        const newline = StringPrototypeIndexOf(content, '\n', closing === -1 ? 0 : closing + 1);
        if (closing === -1) {
          if (newline === -1) break;
          store.set(key, StringPrototypeSlice(content, 0, newline));
        } else {
          const value = StringPrototypeSlice(content, 1, closing);
          store.set(key, quote === '"' ? SafeRegExpReplace(/\\n/g, value, '\n') : value);
          if (newline === -1) break;
        }
        content = StringPrototypeSlice(content, newline);
        continue;
      }
      const newline = StringPrototypeIndexOf(content, '\n');
      let value = newline === -1 ? content : StringPrototypeSlice(content, 0, newline);
      const hash = StringPrototypeIndexOf(value, '#');
      if (hash !== -1) value = StringPrototypeSlice(value, 0, hash);
      store.set(key, trimSpaces(value));
      if (newline === -1) break;
      content = StringPrototypeSlice(content, newline);
    }
    return store;
  }

  function parseEnv(content) {
    if (typeof content !== 'string') {
      const error = new TypeError('The "content" argument must be of type string. Received ' +
                                  internals.describeReceived(content));
      error.code = 'ERR_INVALID_ARG_TYPE';
      throw error;
    }
    const store = parseContent(content);
    const keys = [];
    for (const k of store.keys()) ArrayPrototypePush(keys, k);
    ArrayPrototypeSort(keys, (a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const result = {};
    for (let i = 0; i < keys.length; i++) result[keys[i]] = store.get(keys[i]);
    return result;
  }

  return { parseEnv };
})
