// util.parseArgs as Node 20.20 has it: the arguments become tokens (options,
// positionals, the `--` terminator), tokens become values and positionals,
// then defaults fill what is missing; `strict` checks usage, `tokens` returns
// the tokens, `allowNegative` reads --no-NAME as NAME=false. Lazy: util.js
// compiles it on the first call.
(function (natives, internals) {
  'use strict';
  const {
    ArrayIsArray, ArrayPrototypeIncludes, ArrayPrototypePush,
    ArrayPrototypeShift, ArrayPrototypeSlice, ArrayPrototypeUnshift, JSONStringify,
    ObjectKeys, ObjectPrototypeHasOwnProperty, StringPrototypeCharAt, StringPrototypeIncludes,
    StringPrototypeIndexOf, StringPrototypeSlice, StringPrototypeStartsWith, TypeError,
  } = internals.strictPrimordials();
  const { process } = globalThis;
  const describe = internals.describeReceived;

  const hasOwn = (object, key) => ObjectPrototypeHasOwnProperty(object, key);
  const getOwn = (object, key) => (hasOwn(object, key) ? object[key] : undefined);
  const optionGetOwn = (options, name, key) =>
    (hasOwn(options, name) ? getOwn(options[name], key) : undefined);

  function coded(code, message) {
    const error = new TypeError(message);
    error.code = code;
    return error;
  }
  function invalidArgType(name, expected, value) {
    const kind = StringPrototypeIncludes(name, '.') ? 'property' : 'argument';
    return coded('ERR_INVALID_ARG_TYPE', `The "${name}" ${kind} must be ${expected}. Received ${describe(value)}`);
  }
  function validateObject(value, name) {
    if (value === null || typeof value !== 'object' || ArrayIsArray(value)) {
      throw invalidArgType(name, 'of type object', value);
    }
  }
  function validateBoolean(value, name) {
    if (typeof value !== 'boolean') throw invalidArgType(name, 'of type boolean', value);
  }
  function validateString(value, name) {
    if (typeof value !== 'string') throw invalidArgType(name, 'of type string', value);
  }
  function validateArray(value, name) {
    if (!ArrayIsArray(value)) throw invalidArgType(name, 'an instance of Array', value);
  }
  function arrayOf(check) {
    return (value, name) => {
      validateArray(value, name);
      for (let i = 0; i < value.length; i++) check(value[i], `${name}[${i}]`);
    };
  }

  // ---- phase 1: arguments to tokens ------------------------------------------

  function longOptionForShort(short, options) {
    const names = ObjectKeys(options);
    for (let i = 0; i < names.length; i++) {
      if (getOwn(options[names[i]], 'short') === short) return names[i];
    }
    return short;
  }
  const isLoneShortOption = (arg) =>
    arg.length === 2 && StringPrototypeCharAt(arg, 0) === '-' && StringPrototypeCharAt(arg, 1) !== '-';
  const isLoneLongOption = (arg) =>
    arg.length > 2 && StringPrototypeStartsWith(arg, '--') && !StringPrototypeIncludes(arg, '=', 3);
  const isLongOptionAndValue = (arg) =>
    arg.length > 2 && StringPrototypeStartsWith(arg, '--') && StringPrototypeIncludes(arg, '=', 3);
  const isShortWithMore = (arg) =>
    arg.length > 2 && StringPrototypeCharAt(arg, 0) === '-' && StringPrototypeCharAt(arg, 1) !== '-';
  const shortTakesString = (arg, options) =>
    optionGetOwn(options, longOptionForShort(StringPrototypeCharAt(arg, 1), options), 'type') === 'string';
  const isOptionValue = (value) => value != null;
  const isOptionLikeValue = (value) => value != null && value.length > 1 && StringPrototypeCharAt(value, 0) === '-';

  function argsToTokens(args, options) {
    const tokens = [];
    let index = -1;
    let groupCount = 0;
    const remaining = ArrayPrototypeSlice(args);
    while (remaining.length > 0) {
      const arg = ArrayPrototypeShift(remaining);
      const next = remaining[0];
      if (groupCount > 0) groupCount--; else index++;

      if (arg === '--') {
        ArrayPrototypePush(tokens, { kind: 'option-terminator', index });
        for (let i = 0; i < remaining.length; i++) {
          ArrayPrototypePush(tokens, { kind: 'positional', index: ++index, value: remaining[i] });
        }
        break;
      }
      if (isLoneShortOption(arg)) {
        const name = longOptionForShort(StringPrototypeCharAt(arg, 1), options);
        let value;
        let inlineValue;
        if (optionGetOwn(options, name, 'type') === 'string' && isOptionValue(next)) {
          value = ArrayPrototypeShift(remaining);
          inlineValue = false;
        }
        ArrayPrototypePush(tokens, { kind: 'option', name, rawName: arg, index, value, inlineValue });
        if (value != null) ++index;
        continue;
      }
      if (isShortWithMore(arg) && !shortTakesString(arg, options)) {
        // A group: -abc is -a -b -c; a string option inside takes the rest (-abfFILE).
        const expanded = [];
        for (let i = 1; i < arg.length; i++) {
          const short = StringPrototypeCharAt(arg, i);
          const name = longOptionForShort(short, options);
          if (optionGetOwn(options, name, 'type') !== 'string' || i === arg.length - 1) {
            ArrayPrototypePush(expanded, `-${short}`);
          } else {
            ArrayPrototypePush(expanded, `-${StringPrototypeSlice(arg, i)}`);
            break;
          }
        }
        for (let i = expanded.length - 1; i >= 0; i--) ArrayPrototypeUnshift(remaining, expanded[i]);
        groupCount = expanded.length;
        continue;
      }
      if (isShortWithMore(arg)) {
        const short = StringPrototypeCharAt(arg, 1);
        const name = longOptionForShort(short, options);
        ArrayPrototypePush(tokens, {
          kind: 'option', name, rawName: `-${short}`, index,
          value: StringPrototypeSlice(arg, 2), inlineValue: true,
        });
        continue;
      }
      if (isLoneLongOption(arg)) {
        const name = StringPrototypeSlice(arg, 2);
        let value;
        let inlineValue;
        if (optionGetOwn(options, name, 'type') === 'string' && isOptionValue(next)) {
          value = ArrayPrototypeShift(remaining);
          inlineValue = false;
        }
        ArrayPrototypePush(tokens, { kind: 'option', name, rawName: arg, index, value, inlineValue });
        if (value != null) ++index;
        continue;
      }
      if (isLongOptionAndValue(arg)) {
        const equals = StringPrototypeIndexOf(arg, '=');
        const name = StringPrototypeSlice(arg, 2, equals);
        ArrayPrototypePush(tokens, {
          kind: 'option', name, rawName: `--${name}`, index,
          value: StringPrototypeSlice(arg, equals + 1), inlineValue: true,
        });
        continue;
      }
      ArrayPrototypePush(tokens, { kind: 'positional', index, value: arg });
    }
    return tokens;
  }

  // ---- phase 2: checks and values ----------------------------------------------

  function unknownOption(rawName, allowPositionals) {
    const hint = allowPositionals
      ? `. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- ${JSONStringify(rawName)}`
      : '';
    return coded('ERR_PARSE_ARGS_UNKNOWN_OPTION', `Unknown option '${rawName}'${hint}`);
  }

  function checkOptionUsage(config, token) {
    let name = token.name;
    if (!hasOwn(config.options, name)) {
      if (!(config.allowNegative && StringPrototypeStartsWith(name, 'no-') &&
            optionGetOwn(config.options, StringPrototypeSlice(name, 3), 'type') === 'boolean')) {
        throw unknownOption(token.rawName, config.allowPositionals);
      }
      name = StringPrototypeSlice(name, 3);
    }
    const short = optionGetOwn(config.options, name, 'short');
    const shortAndLong = `${short ? `-${short}, ` : ''}--${name}`;
    const type = optionGetOwn(config.options, name, 'type');
    if (type === 'string' && typeof token.value !== 'string') {
      throw coded('ERR_PARSE_ARGS_INVALID_OPTION_VALUE', `Option '${shortAndLong} <value>' argument missing`);
    }
    if (type === 'boolean' && token.value != null) {
      throw coded('ERR_PARSE_ARGS_INVALID_OPTION_VALUE', `Option '${shortAndLong}' does not take an argument`);
    }
  }

  function checkOptionLikeValue(token) {
    if (!token.inlineValue && isOptionLikeValue(token.value)) {
      const example = StringPrototypeStartsWith(token.rawName, '--')
        ? `'${token.rawName}=-XYZ'`
        : `'--${token.name}=-XYZ' or '${token.rawName}-XYZ'`;
      throw coded('ERR_PARSE_ARGS_INVALID_OPTION_VALUE',
        `Option '${token.rawName}' argument is ambiguous.\n` +
        `Did you forget to specify the option argument for '${token.rawName}'?\n` +
        `To specify an option argument starting with a dash use ${example}.`);
    }
  }

  function storeOption(name, value, options, values, allowNegative) {
    if (name === '__proto__') return;
    if (allowNegative && StringPrototypeStartsWith(name, 'no-') && value === undefined) {
      name = StringPrototypeSlice(name, 3);
      value = false;
    }
    const stored = value ?? true;
    if (optionGetOwn(options, name, 'multiple')) {
      if (values[name]) ArrayPrototypePush(values[name], stored); else values[name] = [stored];
    } else {
      values[name] = stored;
    }
  }

  function parseArgs(config = { __proto__: null }) {
    const args = getOwn(config, 'args') ?? ArrayPrototypeSlice(process.argv, 2);
    const strict = getOwn(config, 'strict') ?? true;
    const allowPositionals = getOwn(config, 'allowPositionals') ?? !strict;
    const returnTokens = getOwn(config, 'tokens') ?? false;
    const allowNegative = getOwn(config, 'allowNegative') ?? false;
    const options = getOwn(config, 'options') ?? { __proto__: null };
    const parseConfig = { args, strict, options, allowPositionals, allowNegative };

    validateArray(args, 'args');
    validateBoolean(strict, 'strict');
    validateBoolean(allowPositionals, 'allowPositionals');
    validateBoolean(returnTokens, 'tokens');
    validateBoolean(allowNegative, 'allowNegative');
    validateObject(options, 'options');
    const names = ObjectKeys(options);
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      const option = options[name];
      validateObject(option, `options.${name}`);
      const type = getOwn(option, 'type');
      if (!ArrayPrototypeIncludes(['string', 'boolean'], type)) {
        throw invalidArgType(`options.${name}.type`, "('string|boolean')", type);
      }
      if (hasOwn(option, 'short')) {
        const short = option.short;
        validateString(short, `options.${name}.short`);
        if (short.length !== 1) {
          const error = new TypeError(`The property 'options.${name}.short' must be a single ` +
                                      `character. Received ${internals.inspect(short)}`);
          error.code = 'ERR_INVALID_ARG_VALUE';
          throw error;
        }
      }
      const multiple = getOwn(option, 'multiple');
      if (hasOwn(option, 'multiple')) validateBoolean(multiple, `options.${name}.multiple`);
      const defaultValue = getOwn(option, 'default');
      if (defaultValue !== undefined) {
        const check = type === 'string' ? (multiple ? arrayOf(validateString) : validateString)
                                        : (multiple ? arrayOf(validateBoolean) : validateBoolean);
        check(defaultValue, `options.${name}.default`);
      }
    }

    const tokens = argsToTokens(args, options);
    const result = { values: { __proto__: null }, positionals: [] };
    if (returnTokens) result.tokens = tokens;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      if (token.kind === 'option') {
        if (strict) {
          checkOptionUsage(parseConfig, token);
          checkOptionLikeValue(token);
        }
        storeOption(token.name, token.value, options, result.values, allowNegative);
      } else if (token.kind === 'positional') {
        if (!allowPositionals) {
          throw coded('ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL',
                      `Unexpected argument '${token.value}'. This command does not take positional arguments`);
        }
        ArrayPrototypePush(result.positionals, token.value);
      }
    }
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      const defaultValue = getOwn(options[name], 'default');
      if (defaultValue !== undefined && result.values[name] === undefined && name !== '__proto__') {
        result.values[name] = defaultValue;
      }
    }
    return result;
  }

  return { parseArgs };
})
