// Finds the names a CommonJS module exports, the way Node does when an ES
// module imports it (Node runs the cjs-module-lexer package, not the module).
// One forward scan tracks brackets, strings, comments, templates and regexes
// and matches a fixed set of statement shapes: `exports.a =`, `module.exports
// = { ... }`, `Object.defineProperty(exports, 'a', ...)`, Babel/TypeScript/
// esbuild re-export helpers. Like the real lexer it throws on ES module syntax
// and on unbalanced input; Node then exposes no names, and so must the caller.
// Defines internals.lexCjs(source) -> { exports: string[], reexports: string[] }.
(function (natives, internals) {
  'use strict';
  const {
    ArrayFrom, ArrayPrototypeFilter, ArrayPrototypeMap, ArrayPrototypePop, ArrayPrototypePush,
    ArrayPrototypeSome, Error, NumberParseInt, ObjectCreate, RegExpPrototypeExec, SafeSet,
    StringFromCodePoint, StringPrototypeCharCodeAt, StringPrototypeCodePointAt,
    StringPrototypeIndexOf, StringPrototypeSlice, StringPrototypeStartsWith, SyntaxError,
  } = internals.primordials;

  const ID_START = /[$_\p{ID_Start}]/u;
  const ID_PART = /[$_\u200c\u200d\p{ID_Continue}]/u;

  // Character classes, by code unit.
  const isBr = (c) => c === 10 || c === 13;
  const isBrOrWs = (c) => (c > 8 && c < 14) || c === 32 || c === 160;
  // Chars that may end a punctuator: !%&()*+,-./:;<=>?[]^{}|~
  const isPunctuator = (c) => c === 33 || c === 37 || c === 38 || (c > 39 && c < 48) ||
    (c > 57 && c < 64) || c === 91 || c === 93 || c === 94 || (c > 122 && c < 127);
  // Punctuators after which a `/` starts a regex: all but `)`, `]`, `}` and `/`.
  const isExpressionPunctuator = (c) => c === 33 || c === 37 || c === 38 ||
    (c > 39 && c < 47 && c !== 41) || (c > 57 && c < 64) || c === 91 || c === 94 ||
    (c > 122 && c < 127 && c !== 125);

  function isIdStart(cp) {
    if (cp < 128) return (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122) || cp === 36 || cp === 95;
    return RegExpPrototypeExec(ID_START, StringFromCodePoint(cp)) !== null;
  }
  function isIdPart(cp) {
    if (cp < 128) return isIdStart(cp) || (cp >= 48 && cp <= 57);
    return RegExpPrototypeExec(ID_PART, StringFromCodePoint(cp)) !== null;
  }

  // Decodes a quoted JS string literal; undefined if malformed or if it holds
  // a lone surrogate (such names cannot be exported).
  function decodeName(text) {
    const quote = text[0];
    if (quote !== '"' && quote !== "'") return text;
    let out = '';
    let i = 1;
    const hex = (n) => {
      const digits = StringPrototypeSlice(text, i, i + n);
      if (RegExpPrototypeExec(/^[0-9a-fA-F]+$/, digits) === null || digits.length !== n) throw new SyntaxError();
      i += n;
      return NumberParseInt(digits, 16);
    };
    for (;;) {
      if (i >= text.length) return undefined;
      const ch = text[i++];
      if (ch === quote) break;
      if (ch === '\n' || ch === '\r') return undefined;
      if (ch !== '\\') { out += ch; continue; }
      const esc = text[i++];
      try {
        if (esc === 'x') out += StringFromCodePoint(hex(2));
        else if (esc === 'u' && text[i] === '{') {
          const close = StringPrototypeIndexOf(text, '}', i);
          const cp = NumberParseInt(StringPrototypeSlice(text, i + 1, close), 16);
          if (close < 0 || RegExpPrototypeExec(/^[0-9a-fA-F]+$/, StringPrototypeSlice(text, i + 1, close)) === null ||
              cp > 0x10ffff) return undefined;
          out += StringFromCodePoint(cp);
          i = close + 1;
        } else if (esc === 'u') out += StringFromCodePoint(hex(4));
        else if (esc >= '0' && esc <= '7') {
          let value = +esc;
          for (let left = esc <= '3' ? 2 : 1; left > 0 && text[i] >= '0' && text[i] <= '7'; left--) {
            value = value * 8 + +text[i++];
          }
          out += StringFromCodePoint(value);
        } else if (esc === '\r') { if (text[i] === '\n') i++; }
        else if (esc !== '\n' && esc !== '\u2028' && esc !== '\u2029') {
          out += { __proto__: null, n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v' }[esc] ?? esc;
        }
      } catch { return undefined; }
    }
    for (let k = 0; k < out.length; k++) {
      const unit = StringPrototypeCharCodeAt(out, k) & 0xfc00;
      if (unit === 0xd800 && (StringPrototypeCharCodeAt(out, k + 1) & 0xfc00) === 0xdc00) k++;
      else if (unit === 0xd800 || unit === 0xdc00) return undefined;
    }
    return out;
  }

  const expressionKeywords = ['case', 'debugger', 'delete', 'do', 'else', 'in', 'instanceof', 'new',
    'return', 'throw', 'typeof', 'void', 'yield', 'await'];

  function lexCjs(src) {
    const len = src.length;
    const code = (i) => StringPrototypeCharCodeAt(src, i);
    let pos = -1;
    let depth = 0;                 // open ( { and ${ count
    let templateDepth = -1;        // depth at which the innermost ${ closes
    const templateStack = [];
    const openTokenPos = [];       // per depth: lastTokenPos before the opener
    const openIsClass = [];        // per depth: the `{` opened a class body
    let nextBraceIsClass = false;
    let lastTokenPos = -1;
    let lastSlashWasDivision = false;
    const starBindings = ObjectCreate(null); // `var x = require('y')`: x -> 'y'
    let lastRequireSpecifier = null;
    const names = new SafeSet();
    const unsafeGetters = new SafeSet();
    let reexports = new SafeSet();

    const fail = (message, esmCode) => {
      const error = new Error(message);
      if (esmCode) error.code = 'ERR_LEXER_ESM_SYNTAX';
      throw error;
    };

    // ---- token skippers: each leaves pos on the token's last char -------

    function lineComment() {
      while (++pos < len) if (isBr(code(pos))) return;
    }
    function blockComment() {
      pos++;
      while (++pos < len) if (code(pos) === 42 && code(pos + 1) === 47) { pos++; return; }
    }
    function stringLiteral(quote) {
      while (++pos < len) {
        const ch = code(pos);
        if (ch === quote) return;
        if (ch === 92) {
          if (code(++pos) === 13 && code(pos + 1) === 10) pos++;
        } else if (isBr(ch)) break;
      }
      fail('Unterminated string.');
    }
    // Scans template text up to the closing backtick or the next `${`.
    function templateString() {
      while (++pos < len) {
        const ch = code(pos);
        if (ch === 36 && code(pos + 1) === 123) {
          pos++;
          ArrayPrototypePush(templateStack, templateDepth);
          templateDepth = ++depth;
          return;
        }
        if (ch === 96) return;
        if (ch === 92) pos++;
      }
      fail('Unterminated template.');
    }
    function regularExpression() {
      while (++pos < len) {
        const ch = code(pos);
        if (ch === 47) return;
        if (ch === 91) {
          while (++pos < len && code(pos) !== 93) {
            if (code(pos) === 92) pos++;
            else if (isBr(code(pos))) break;
          }
          if (code(pos) !== 93) fail('Syntax error reading regular expression class.');
        } else if (ch === 92) pos++;
        else if (isBr(ch)) break;
      }
      fail('Syntax error reading regular expression.');
    }
    // Skips whitespace and comments; returns the char code now at pos.
    function skip() {
      let ch;
      do {
        ch = code(pos);
        if (ch === 47) {
          const next = code(pos + 1);
          if (next === 47) lineComment();
          else if (next === 42) blockComment();
          else return ch;
        } else if (!isBrOrWs(ch)) return ch;
      } while (++pos < len);
      return ch;
    }
    function identifier() {
      let cp = StringPrototypeCodePointAt(src, pos);
      if (cp === undefined || !isIdStart(cp)) return false;
      pos += cp > 0xffff ? 2 : 1;
      while ((cp = StringPrototypeCodePointAt(src, pos)) !== undefined && cp !== 0 && isIdPart(cp)) pos += cp > 0xffff ? 2 : 1;
      return true;
    }

    // ---- small matchers for the statement shapes --------------------------

    // After whitespace/comments, consumes `word` if the source has it here.
    function eat(word) {
      skip();
      if (!StringPrototypeStartsWith(src, word, pos)) return false;
      pos += word.length;
      return true;
    }
    function eatIdentifier() {
      skip();
      const start = pos;
      return identifier() ? StringPrototypeSlice(src, start, pos) : null;
    }
    // Consumes a quoted string and returns its source text, or null.
    function eatString() {
      const ch = skip();
      if (ch !== 39 && ch !== 34) return null;
      const start = pos;
      stringLiteral(ch);
      return StringPrototypeSlice(src, start, ++pos);
    }
    // `exports` or `module.exports`.
    function eatExportsObject() {
      const start = pos;
      skip();
      if (StringPrototypeStartsWith(src, 'module', pos)) {
        pos += 6;
        if (!eat('.')) { pos = start; return false; }
        skip();
      }
      if (StringPrototypeStartsWith(src, 'exports', pos)) { pos += 7; return true; }
      pos = start;
      return false;
    }

    const keywordStart = (at) => at === 0 || isBrOrWs(code(at - 1)) ||
      (isPunctuator(code(at - 1)) && code(at - 1) !== 46);
    // True if `word` ends at `at` and starts at a keyword boundary.
    const endsWithKeyword = (at, word) => at >= word.length - 1 &&
      StringPrototypeStartsWith(src, word, at - word.length + 1) && keywordStart(at - word.length + 1);

    // A `/` after these keywords starts a regex.
    function isExpressionKeyword(at) {
      return ArrayPrototypeSome(expressionKeywords, (word) => endsWithKeyword(at, word));
    }
    // True if `word` ends at `at` (no boundary check, as in cjs-module-lexer).
    const has = (word, at) => at - word.length + 1 >= 0 && StringPrototypeStartsWith(src, word, at - word.length + 1);
    // `)` closing these makes a following `/` a regex: if (...) /re/.
    const isParenKeyword = (at) => has('while', at) || has('for', at) || has('if', at);
    // A `{` after these opens a block, so a `/` after its `}` starts a regex.
    function isExpressionTerminator(at) {
      const ch = code(at);
      if (ch === 62) return code(at - 1) === 61;
      if (ch === 59 || ch === 41) return true;
      return has('catch', at) || has('finally', at) || has('else', at);
    }

    function slashStartsRegex() {
      const last = code(lastTokenPos);
      const before = code(lastTokenPos - 1);
      return (isExpressionPunctuator(last) && !(last === 46 && before >= 48 && before <= 57) &&
          !(last === 43 && before === 43) && !(last === 45 && before === 45)) ||
        (last === 41 && isParenKeyword(openTokenPos[depth])) ||
        (last === 125 && (isExpressionTerminator(openTokenPos[depth]) || openIsClass[depth])) ||
        (last === 47 && lastSlashWasDivision) ||
        isExpressionKeyword(lastTokenPos) || !last;
    }

    // ---- statement shapes ---------------------------------------------------

    // `require('x')` at pos; records it by `kind`, leaves pos on `)`.
    function tryRequire(kind) {
      const start = pos;
      if (StringPrototypeStartsWith(src, 'require', pos)) {
        pos += 7;
        if (eat('(')) {
          const text = eatString();
          if (text !== null && skip() === 41) {
            if (kind === 'import') lastRequireSpecifier = decodeName(text);
            else reexports.add(decodeName(text));
            return true;
          }
        }
      }
      pos = start;
      return false;
    }

    // Before a `require(...)` ending a `var|let|const name =`, remember name.
    function recordStarBinding(at) {
      while (at >= 0 && code(at) === 32) at--;
      if (code(at) !== 61) return;
      at--;
      while (at >= 0 && code(at) === 32) at--;
      const idEnd = at;
      let startsId = false;
      for (;;) {
        let cp = code(at);
        if ((cp & 0xfc00) === 0xdc00) cp = ((code(at - 1) & 0x3ff) << 10 | (cp & 0x3ff)) + 0x10000;
        if (!cp || at < 0) break;
        if (cp === 92) return;
        if (!isIdPart(cp)) break;
        startsId = isIdStart(cp);
        at -= cp > 0xffff ? 2 : 1;
      }
      if (!startsId || code(at) !== 32) return;
      const id = StringPrototypeSlice(src, at + 1, idEnd + 1);
      while (at >= 0 && code(at) === 32) at--;
      if (!(has('var', at) || has('let', at) || has('const', at))) return;
      starBindings[id] = lastRequireSpecifier;
    }

    // exports.a = / exports['a'] = / module.exports = {...} | require('x')
    // pos is on the `e` of `exports`.
    function tryExportsAssign(isModuleExports) {
      pos += 7;
      const revert = pos - 1;
      const ch = skip();
      if (ch === 46) {
        pos++;
        const name = eatIdentifier();
        if (name !== null && skip() === 61) { names.add(name); return; }
      } else if (ch === 91) {
        pos++;
        const text = eatString();
        if (text !== null && eat(']') && skip() === 61) names.add(decodeName(text));
      } else if (ch === 61 && isModuleExports) {
        if (reexports.size) reexports = new SafeSet();
        pos++;
        const next = skip();
        if (next === 123) { tryObjectLiteral(); return; }
        if (next === 114) tryRequire('reexport');
      }
      pos = revert;
    }

    // module.exports = { a, b: c, 'd': e, ...require('x'), ...f }
    // Stops at the first shape it does not know, keeping what it found.
    function tryObjectLiteral() {
      const revert = pos - 1;
      while (++pos < len) {
        let ch = skip();
        const start = pos;
        if (identifier()) {
          const end = pos;
          ch = skip();
          if (ch === 58) {
            pos++;
            skip();
            if (!identifier()) { pos = revert; return; }
            ch = code(pos);
          }
          names.add(StringPrototypeSlice(src, start, end));
        } else if (ch === 46 && StringPrototypeStartsWith(src, '..', pos + 1)) {
          pos += 3;
          if (code(pos) === 114 && tryRequire('reexport')) pos++;
          else if (!identifier()) { pos = revert; return; }
          ch = skip();
        } else if (ch === 39 || ch === 34) {
          stringLiteral(ch);
          const text = StringPrototypeSlice(src, start, ++pos);
          ch = skip();
          if (ch === 58) {
            pos++;
            skip();
            if (!identifier()) { pos = revert; return; }
            ch = code(pos);
            names.add(decodeName(text));
          }
        } else { pos = revert; return; }
        if (ch === 125) return;
        if (ch !== 44) { pos = revert; return; }
      }
    }

    // Object.defineProperty(exports, 'a', { [enumerable: true,] value: ... })
    // or with a getter that only returns `id`, `id.prop` or `id['prop']`.
    // A defineProperty of any other shape marks the name unsafe (never exported).
    function tryDefineProperty() {
      pos += 14;
      const revert = pos - 1;
      let text = null;
      if (eat('(') && eatExportsObject() && eat(',') && (text = eatString()) !== null &&
          eat(',') && eat('{')) {
        const enumerableOk = skip() !== 101 ||
          (eat('enumerable') && eat(':') && eat('true') && eat(','));
        if (enumerableOk && skip() === 118) {
          if (eat('value') && skip() === 58) {
            names.add(decodeName(text));
            pos = revert;
            return;
          }
        } else if (enumerableOk && skip() === 103 && eat('get') && getterBody()) {
          names.add(decodeName(text));
          return;
        }
      }
      if (text !== null) unsafeGetters.add(decodeName(text));
      pos = revert;
    }

    // `: function name? () { return a.b; } })` or `() { return a['b'] } })`
    function getterBody() {
      if (skip() === 58) {
        pos++;
        if (!eat('function')) return false;
        const after = pos;
        if (skip() !== 40 && (after === pos || !identifier())) return false;
      }
      if (!(eat('(') && eat(')') && eat('{') && eat('return') && eatIdentifier() !== null)) return false;
      const ch = skip();
      if (ch === 46) {
        pos++;
        if (eatIdentifier() === null) return false;
      } else if (ch === 91) {
        pos++;
        if (eatString() === null || !eat(']')) return false;
      }
      if (skip() === 59) pos++;
      if (!eat('}')) return false;
      if (skip() === 44) pos++;
      return eat('}') && skip() === 41;
    }

    // Object.prototype.hasOwnProperty.call(obj, key)  (or Object.hasOwnProperty...)
    function eatHasOwnCall(key) {
      if (!eat('Object') || !eat('.')) return false;
      if (skip() === 112 && !(eat('prototype') && eat('.'))) return false;
      return eat('hasOwnProperty') && eat('.') && eat('call') && eat('(') &&
        eatIdentifier() !== null && eat(',') && eat(key) && eat(')');
    }

    // Babel/TypeScript re-export of a required binding `x`:
    // Object.keys(x).forEach(function (k) { if (k === "default" || k === "__esModule") return;
    //   [guards...] exports[k] = x[k] | Object.defineProperty(exports, k, {enumerable: true,
    //   get: function () { return x[k]; }}); });
    function tryKeysForEach() {
      pos += 4;
      let revert = pos - 1;
      if (!eat('(')) return void (pos = revert);
      const id = eatIdentifier();
      if (id === null || skip() !== 41) return void (pos = revert);
      revert = pos++;
      if (!(eat('.') && eat('forEach'))) return void (pos = revert);
      revert = pos - 1;
      if (!(eat('(') && eat('function') && eat('('))) return void (pos = revert);
      const key = eatIdentifier();
      if (key === null || !(eat(')') && eat('{') && eat('if') && eat('(') && eat(key))) {
        return void (pos = revert);
      }
      if (!forEachGuards(id, key) || !forEachCopy(id, key) || !eat('}') || skip() !== 41) {
        return void (pos = revert);
      }
      const specifier = starBindings[id];
      if (specifier) {
        reexports.add(specifier);
        pos = revert;
      }
    }

    // 'word' or "word".
    function eatQuoted(word) {
      const quote = skip();
      if ((quote !== 34 && quote !== 39) || !StringPrototypeStartsWith(src, word, pos + 1) || code(pos + 1 + word.length) !== quote) {
        return false;
      }
      pos += word.length + 2;
      return true;
    }
    // `return` with an optional `;`.
    function eatReturn() {
      if (!eat('return')) return false;
      if (skip() === 59) pos++;
      return true;
    }

    // The `if` guards after `if (k`, through the closing `)` (and `return;`).
    function forEachGuards(id, key) {
      if (eat('===')) {
        if (!(eatQuoted('default') && eat('||') && eat(key) && eat('===') && eatQuoted('__esModule') &&
            eat(')') && eatReturn())) return false;
        if (skip() !== 105 || code(pos + 1) !== 102) return true;
        pos += 2;
        if (!eat('(')) return false;
        const inner = pos;
        if (eatHasOwnCall(key)) {
          if (!(eat(')') && eatReturn())) return false;
          if (skip() !== 105 || code(pos + 1) !== 102) return true;
          pos += 2;
          if (!eat('(')) return false;
        } else pos = inner;
        // k in exports && exports[k] === x[k]) return;
        return eat(key) && eat('in ') && eatExportsObject() && eat('&&') && eatExportsObject() &&
          eat('[') && eat(key) && eat(']') && eat('===') && eat(id) && eat('[') && eat(key) &&
          eat(']') && eat(')') && eatReturn();
      }
      if (eat('!==')) {
        if (!eatQuoted('default')) return false;
        if (eat('&&')) {
          if (!eat('!')) return false;
          skip();
          if (StringPrototypeStartsWith(src, 'Object', pos) && code(pos + 6) === 46) {
            if (!eatHasOwnCall(key)) return false;
          } else if (!(eatIdentifier() !== null && eat('.') && eat('hasOwnProperty') && eat('(') &&
              eat(key) && eat(')'))) return false;
        }
        return eat(')');
      }
      return false;
    }

    // exports[k] = x[k];  or the equivalent Object.defineProperty getter.
    function forEachCopy(id, key) {
      skip();
      if (eatExportsObject()) {
        if (!(eat('[') && eat(key) && eat(']') && eat('=') && eat(id) && eat('[') && eat(key) && eat(']'))) {
          return false;
        }
        if (skip() === 59) pos++;
        return true;
      }
      if (!(eat('Object') && eat('.') && eat('defineProperty') && eat('(') && eatExportsObject() &&
          eat(',') && eat(key) && eat(',') && eat('{') && eat('enumerable') && eat(':') &&
          eat('true') && eat(',') && eat('get'))) return false;
      if (skip() === 58) {
        pos++;
        if (!eat('function')) return false;
        const after = pos;
        if (skip() !== 40 && (after === pos || !identifier())) return false;
      }
      if (!(eat('(') && eat(')') && eat('{') && eat('return') && eat(id) && eat('[') && eat(key) &&
          eat(']'))) return false;
      if (skip() === 59) pos++;
      if (!eat('}')) return false;
      if (skip() === 44) pos++;
      if (!(eat('}') && eat(')'))) return false;
      if (skip() === 59) pos++;
      return true;
    }

    // `import(` is fine anywhere; `import x`/`import.meta` are ESM syntax.
    function checkImport() {
      const start = pos;
      pos += 6;
      const ch = skip();
      if (ch === 40) { openTokenPos[depth++] = start; return; }
      if (ch === 46) fail('Unexpected import.meta in CJS module.', true);
      if (pos === start + 6 && ch !== 34 && ch !== 39 && ch !== 123 && ch !== 42) return;
      fail('Unexpected import statement in CJS module.', true);
    }
    function checkExport() {
      pos += 6;
      const start = pos;
      const ch = skip();
      if (pos === start && !isPunctuator(ch)) return;
      fail('Unexpected export statement in CJS module.', true);
    }

    // ---- main scan -------------------------------------------------------------

    if (code(0) === 35 && code(1) === 33) {
      if (len === 2) return { exports: [], reexports: [] };
      pos = 1;
      while (++pos < len && !isBr(code(pos)));
    }

    while (++pos < len) {
      const ch = code(pos);
      if (ch === 32 || (ch < 14 && ch > 8)) continue;

      if (depth === 0 && (ch === 105 || ch === 114 || ch === 95)) {
        topLevelWord(ch);
        lastTokenPos = pos;
        continue;
      }

      switch (ch) {
        case 101: // e
          if (StringPrototypeStartsWith(src, 'xport', pos + 1) && keywordStart(pos)) {
            if (code(pos + 6) === 115) tryExportsAssign(false);
            else if (depth === 0) checkExport();
          }
          break;
        case 99: // c
          if (keywordStart(pos) && StringPrototypeStartsWith(src, 'lass', pos + 1) && isBrOrWs(code(pos + 5))) {
            nextBraceIsClass = true;
          }
          break;
        case 109: // m
          if (StringPrototypeStartsWith(src, 'odule', pos + 1) && keywordStart(pos)) {
            pos += 6;
            const revert = pos - 1;
            if (skip() === 46) {
              pos++;
              if (skip() === 101 && StringPrototypeStartsWith(src, 'exports', pos)) { tryExportsAssign(true); break; }
            }
            pos = revert;
          }
          break;
        case 79: // O
          if (StringPrototypeStartsWith(src, 'bject', pos + 1) && keywordStart(pos)) objectCall(depth === 0);
          break;
        case 40: // (
          openTokenPos[depth++] = lastTokenPos;
          break;
        case 41: // )
          if (depth === 0) fail('Unexpected closing bracket.');
          depth--;
          break;
        case 123: // {
          openIsClass[depth] = nextBraceIsClass;
          nextBraceIsClass = false;
          openTokenPos[depth++] = lastTokenPos;
          break;
        case 125: // }
          if (depth === 0) fail('Unexpected closing brace.');
          if (depth-- === templateDepth) {
            templateDepth = ArrayPrototypePop(templateStack);
            templateString();
          } else if (templateDepth !== -1 && depth < templateDepth) {
            fail('Unexpected closing brace.');
          }
          break;
        case 39: case 34:
          stringLiteral(ch);
          break;
        case 47: { // /
          const next = code(pos + 1);
          if (next === 47) { lineComment(); continue; }
          if (next === 42) { blockComment(); continue; }
          if (slashStartsRegex()) {
            regularExpression();
            lastSlashWasDivision = false;
          } else {
            lastSlashWasDivision = true;
          }
          break;
        }
        case 96: // `
          templateString();
          break;
      }
      lastTokenPos = pos;
    }
    if (templateDepth !== -1) fail('Unterminated template.');
    if (depth) fail('Unterminated braces.');

    // Top-level `import`, `require(...)`, `_interopRequireWildcard(require(...))`
    // and `__export(require(...))` / `__exportStar(require(...))`.
    function topLevelWord(ch) {
      if (ch === 105) {
        if (StringPrototypeStartsWith(src, 'mport', pos + 1) && keywordStart(pos)) checkImport();
        return;
      }
      const start = pos;
      if (ch === 114) {
        if (tryRequire('import') && keywordStart(start)) recordStarBinding(start - 1);
        return;
      }
      const afterWordBoundary = keywordStart(pos) || code(pos - 1) === 46;
      if (StringPrototypeStartsWith(src, '_interopRequireWildcard', pos) && afterWordBoundary) {
        pos += 23;
        if (code(pos) === 40) {
          pos++;
          openTokenPos[depth++] = lastTokenPos;
          if (tryRequire('import') && keywordStart(start)) recordStarBinding(start - 1);
        }
      } else if (StringPrototypeStartsWith(src, '__export', pos) && afterWordBoundary) {
        pos += 8;
        if (StringPrototypeStartsWith(src, 'Star', pos)) pos += 4;
        if (code(pos) === 40) {
          openTokenPos[depth++] = lastTokenPos;
          if (code(pos + 1) === 114) {
            pos++;
            tryRequire('reexport');
          }
        }
      }
    }

    // `Object.defineProperty(...)` or (top level only) `Object.keys(...)...`.
    function objectCall(allowKeys) {
      pos += 6;
      const revert = pos - 1;
      if (skip() === 46) {
        pos++;
        const ch = skip();
        if (ch === 100 && StringPrototypeStartsWith(src, 'defineProperty', pos)) return tryDefineProperty();
        if (allowKeys && ch === 107 && StringPrototypeStartsWith(src, 'keys', pos)) return tryKeysForEach();
      }
      pos = revert;
    }

    return {
      exports: ArrayPrototypeMap(ArrayPrototypeFilter(ArrayFrom(names),
        (name) => name !== undefined && !unsafeGetters.has(name)), detached),
      reexports: ArrayPrototypeMap(ArrayPrototypeFilter(ArrayFrom(reexports), (name) => name !== undefined), detached),
    };
  }

  // A slice of the source keeps the whole source alive, in the snapshot too; a
  // property key is an internalized string of its own.
  function detached(text) {
    for (const key in { [text]: 0 }) return key;
  }

  internals.lexCjs = lexCjs;
})
