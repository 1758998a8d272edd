// Node's `os` module on the os extension's host functions (runtime/node/os.cc,
// built with the embedder API; `natives` holds them),
// shaped as Node 20's lib/os.js shapes its binding's values.
(function (natives, internals) {
  'use strict';
  const {
    ArrayPrototypePush, Error, NumberIsInteger, NumberParseInt, NumberPrototypeToString,
    ObjectDefineProperties, ObjectDefineProperty, RangeError, RegExpPrototypeExec,
    StringPrototypeEndsWith, StringPrototypeIncludes, StringPrototypeSlice, StringPrototypeSplit,
    TypeError,
  } = internals.primordials;

  function nodeError(Ctor, code, message, name = undefined) {
    const error = new Ctor(message);
    if (name !== undefined) {
      ObjectDefineProperty(error, 'name', { value: name, writable: true, configurable: true });
    }
    error.code = code;
    const stack = error.stack;  // absent when Error.stackTraceLimit is 0
    if (typeof stack === 'string') error.stack = `${error.name} [${code}]${StringPrototypeSlice(stack, error.name.length)}`;
    ObjectDefineProperty(error, 'toString', {
      value() { return `${this.name} [${code}]: ${this.message}`; }, configurable: true, writable: true,
    });
    return error;
  }
  // Node's validateInt32, as os validates pids and priorities.
  function validateInt32(value, name, min = -2147483648, max = 2147483647) {
    if (typeof value !== 'number') {
      throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
        `The "${name}" argument must be of type number. Received ${internals.describeReceived(value)}`);
    }
    if (!NumberIsInteger(value)) {
      throw nodeError(RangeError, 'ERR_OUT_OF_RANGE',
        `The value of "${name}" is out of range. It must be an integer. Received ${internals.inspect(value)}`);
    }
    if (value < min || value > max) {
      throw nodeError(RangeError, 'ERR_OUT_OF_RANGE',
        `The value of "${name}" is out of range. It must be >= ${min} && <= ${max}. Received ${internals.inspect(value)}`);
    }
  }
  // A native's "uv_x failed: ECODE (message)" as Node's SystemError (ERR_SYSTEM_ERROR).
  function systemCall(call, errno) {
    try {
      return call();
    } catch (error) {
      const parts = RegExpPrototypeExec(/^(\w+) failed: (E\w+) \((.*)\)$/, `${error?.message}`);
      if (parts === null) throw error;
      const info = { errno: -(errno[parts[2]] ?? 0), code: parts[2], message: parts[3], syscall: parts[1] };
      const failure = nodeError(Error, 'ERR_SYSTEM_ERROR',
        `A system error occurred: ${info.syscall} returned ${info.code} (${info.message})`, 'SystemError');
      ObjectDefineProperties(failure, {
        info: { value: info, enumerable: true, configurable: true, writable: true },
        errno: { get: () => info.errno, enumerable: true, configurable: true },
        syscall: { get: () => info.syscall, enumerable: true, configurable: true },
      });
      throw failure;
    }
  }

  function flatToObject(flat) {
    const object = {};
    for (let i = 0; i < flat.length; i += 2) object[flat[i]] = flat[i + 1];
    return object;
  }

  function countOnes(n) {
    let ones = 0;
    for (; n !== 0; n >>>= 1) ones += n & 1;
    return ones;
  }

  // "address/prefix" from a netmask whose set bits come first, as Node gives
  // it; null for a mask with a gap.
  function cidr(address, netmask, family) {
    const v6 = family === 'IPv6';
    const groups = StringPrototypeSplit(netmask, v6 ? ':' : '.');
    const width = v6 ? 16 : 8;
    let ones = 0;
    let ended = false;  // a group with a zero bit was seen
    for (let i = 0; i < groups.length; i++) {
      if (groups[i] === '') continue;
      const value = NumberParseInt(groups[i], v6 ? 16 : 10);
      if (ended) {
        if (value !== 0) return null;
        continue;
      }
      const count = countOnes(value);
      ones += count;
      if (count !== width) {
        if (StringPrototypeIncludes(NumberPrototypeToString(value, 2), '01')) return null;
        ended = true;
      }
    }
    return `${address}/${ones}`;
  }

  // `builtin` is builtins.js's loader of Node builtins.
  function makeOs(builtin) {
    const [signals, errno] = natives.constants();
    // Not frozen: Node 20's are not either.
    const constants = {
      UV_UDP_REUSEADDR: 4,
      dlopen: { RTLD_LAZY: 1, RTLD_NOW: 2, RTLD_GLOBAL: 256, RTLD_LOCAL: 0, RTLD_DEEPBIND: 8 },
      errno: flatToObject(errno),
      signals: flatToObject(signals),
      priority: { PRIORITY_LOW: 19, PRIORITY_BELOW_NORMAL: 10, PRIORITY_NORMAL: 0,
                  PRIORITY_ABOVE_NORMAL: -7, PRIORITY_HIGH: -14, PRIORITY_HIGHEST: -20 },
    };
    const uname = () => natives.uname();
    const errnoCodes = constants.errno;
    const os = {
      arch: () => 'x64',
      platform: () => 'linux',
      endianness: () => 'LE',
      type: () => uname()[0],
      release: () => uname()[1],
      version: () => uname()[2],
      machine: () => uname()[3],
      hostname: () => natives.hostname(),
      homedir: () => natives.homedir(),
      tmpdir() {
        const env = globalThis.process.env;
        const path = env.TMPDIR || env.TMP || env.TEMP || '/tmp';
        return path.length > 1 && StringPrototypeEndsWith(path, '/')
          ? StringPrototypeSlice(path, 0, -1) : path;
      },
      uptime: () => natives.uptime(),
      loadavg: () => natives.loadavg(),
      freemem: () => natives.memory()[0],
      totalmem: () => natives.memory()[1],
      availableParallelism: () => natives.parallelism(),
      cpus() {
        const flat = natives.cpus();
        const cpus = [];
        for (let i = 0; i < flat.length; i += 7) {
          ArrayPrototypePush(cpus, {
            model: flat[i], speed: flat[i + 1],
            times: { user: flat[i + 2], nice: flat[i + 3], sys: flat[i + 4], idle: flat[i + 5],
                     irq: flat[i + 6] },
          });
        }
        return cpus;
      },
      networkInterfaces() {
        const flat = natives.interfaces();
        const result = {};
        for (let i = 0; i < flat.length; i += 7) {
          const family = flat[i + 3] === 4 ? 'IPv4' : 'IPv6';
          const entry = { address: flat[i + 1], netmask: flat[i + 2], family, mac: flat[i + 4],
                          internal: flat[i + 5], cidr: cidr(flat[i + 1], flat[i + 2], family) };
          if (flat[i + 6] !== -1) entry.scopeid = flat[i + 6];
          const name = flat[i];
          if (result[name] === undefined) result[name] = [];
          ArrayPrototypePush(result[name], entry);
        }
        return result;
      },
      userInfo(options) {
        const [uid, gid, username, homedir, shell] = natives.userInfo();
        const info = { uid, gid, username, homedir, shell };
        if (options?.encoding === 'buffer') {
          const { Buffer } = builtin('buffer');
          info.username = Buffer.from(username);
          info.homedir = Buffer.from(homedir);
          if (shell !== null) info.shell = Buffer.from(shell);
        }
        return info;
      },
      getPriority(pid = 0) {
        validateInt32(pid, 'pid');
        return systemCall(() => natives.getPriority(pid), errnoCodes);
      },
      setPriority(pid, priority) {
        if (priority === undefined) { priority = pid; pid = 0; }
        validateInt32(pid, 'pid');
        validateInt32(priority, 'priority', -20, 19);
        systemCall(() => natives.setPriority(pid, priority), errnoCodes);
      },
    };
    // Read-only but configurable, as Node's.
    ObjectDefineProperties(os, {
      constants: { configurable: false, enumerable: true, value: constants },
      EOL: { configurable: true, enumerable: true, writable: false, value: '\n' },
      devNull: { configurable: true, enumerable: true, writable: false, value: '/dev/null' },
    });
    return os;
  }

  internals.makeOs = makeOs;
})
