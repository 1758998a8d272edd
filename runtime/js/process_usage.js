// process's ids and resource figures, as Node 20's: getuid/geteuid/getgid/
// getegid/getgroups, cpuUsage (with its previous-value diff and checks),
// resourceUsage, availableMemory and constrainedMemory. Read when asked for.
(function (natives, internals) {
  'use strict';
  const {
    ArrayIsArray, Error, NumberIsInteger, NumberMAX_SAFE_INTEGER, NumberParseInt,
    ObjectDefineProperty, RangeError, RegExpPrototypeExec, StringPrototypeIndexOf, StringPrototypeSlice,
    StringPrototypeStartsWith, TypeError,
  } = internals.primordials;
  const process = globalThis.process;

  function nodeError(Ctor, code, message) {
    const error = new Ctor(message);
    ObjectDefineProperty(error, 'code', { value: code, enumerable: true, writable: true, configurable: true });
    const stack = error.stack;
    if (typeof stack === 'string') {
      error.stack = `${error.name} [${code}]${StringPrototypeSlice(stack, error.name.length)}`;
    }
    return error;
  }
  function validateNumber(value, name) {
    if (typeof value !== 'number') {
      throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
        `The "${name}" property must be of type number. Received ${internals.describeReceived(value)}`);
    }
  }
  function invalidArgType(name, what, value) {
    return nodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
      `The "${name}" argument must be ${what}. Received ${internals.describeReceived(value)}`);
  }
  const os = () => internals.requireBuiltin('os');
  function validateUint32(value, name) {
    if (!NumberIsInteger(value)) {
      throw nodeError(RangeError, 'ERR_OUT_OF_RANGE',
        `The value of "${name}" is out of range. It must be an integer. Received ${internals.inspect(value)}`);
    }
    if (value < 0 || value > 4294967295) {
      throw nodeError(RangeError, 'ERR_OUT_OF_RANGE',
        `The value of "${name}" is out of range. It must be >= 0 && <= 4294967295. Received ${internals.inspect(value)}`);
    }
  }

  process.umask = function umask(mask) {
    if (mask === undefined) return natives.umask(undefined);
    if (typeof mask === 'string') {
      if (RegExpPrototypeExec(/^[0-7]+$/, mask) === null) {
        throw nodeError(TypeError, 'ERR_INVALID_ARG_VALUE',
          `The argument 'mask' must be a 32-bit unsigned integer or an octal string. Received ${internals.inspect(mask)}`);
      }
      mask = NumberParseInt(mask, 8);
    }
    if (typeof mask !== 'number') throw invalidArgType('mask', 'of type number', mask);
    validateUint32(mask, 'mask');
    return natives.umask(mask);
  };

  // The raw call: 0, or a negative errno.
  process._kill = function _kill(pid, signal) {
    const failure = natives.kill(pid, signal);
    return failure === '' ? 0 : -(os().constants.errno[failure] ?? 1);
  };
  process.kill = function kill(pid, signal) {
    if (pid != (pid | 0)) throw invalidArgType('pid', 'of type number', pid);  // eslint-disable-line eqeqeq
    let result;
    if (signal === (signal | 0)) {
      result = process._kill(pid, signal);
    } else {
      signal = signal || 'SIGTERM';
      const number = os().constants.signals[signal];
      if (!number) {
        throw nodeError(TypeError, 'ERR_UNKNOWN_SIGNAL', `Unknown signal: ${signal}`);
      }
      result = process._kill(pid, number);
    }
    if (result) {
      const errno = os().constants.errno;
      let code = 'UNKNOWN';
      for (const name in errno) if (errno[name] === -result) code = name;
      const error = new Error(`kill ${code}`);
      error.errno = result;
      error.code = code;
      error.syscall = 'kill';
      throw error;
    }
    return true;
  };

  const validPrevious = (n) => typeof n === 'number' && n <= NumberMAX_SAFE_INTEGER && n >= 0;

  process.getuid = () => natives.processCredentials()[0];
  process.geteuid = () => natives.processCredentials()[1];
  process.getgid = () => natives.processCredentials()[2];
  process.getegid = () => natives.processCredentials()[3];
  process.getgroups = () => natives.processGroups();

  // The setters: ids are uint32 numbers or names; an unknown name is
  // ERR_UNKNOWN_CREDENTIAL, a failed call an errno error ("EPERM, ...").
  function validateId(id, name) {
    if (typeof id === 'number') {
      validateUint32(id, name);
    } else if (typeof id !== 'string') {
      throw invalidArgType(name, 'one of type number or string', id);
    }
  }
  function credentialResult(result, syscall, kinds, ids) {
    if (result === '') return;
    if (StringPrototypeStartsWith(result, 'unknown')) {
      const at = result === 'unknown' ? 0 : NumberParseInt(StringPrototypeSlice(result, 8), 10) - 1;
      throw nodeError(Error, 'ERR_UNKNOWN_CREDENTIAL', `${kinds[at] ?? kinds[0]} identifier does not exist: ${ids[at]}`);
    }
    const tab = StringPrototypeIndexOf(result, '\t');
    const error = new Error(`${StringPrototypeSlice(result, 0, tab)}, ${StringPrototypeSlice(result, tab + 1)}`);
    error.code = StringPrototypeSlice(result, 0, tab);
    error.syscall = syscall;
    throw error;
  }
  const setter = (kind, syscall, type) => function (id) {
    validateId(id, 'id');
    if (typeof id === 'number') id >>>= 0;
    credentialResult(natives.setCredential(kind, id), syscall, [type], [id]);
  };
  process.setuid = setter(0, 'setuid', 'User');
  process.setgid = setter(1, 'setgid', 'Group');
  process.seteuid = setter(2, 'seteuid', 'User');
  process.setegid = setter(3, 'setegid', 'Group');
  process.setgroups = function setgroups(groups) {
    if (!ArrayIsArray(groups)) throw invalidArgType('groups', 'an instance of Array', groups);
    for (let i = 0; i < groups.length; i++) validateId(groups[i], `groups[${i}]`);
    const kinds = [];
    for (let i = 0; i < groups.length; i++) kinds[i] = 'Group';
    credentialResult(natives.setGroups(groups), 'setgroups', kinds, groups);
  };
  process.initgroups = function initgroups(user, extraGroup) {
    validateId(user, 'user');
    validateId(extraGroup, 'extraGroup');
    credentialResult(natives.initGroups(user, extraGroup), 'initgroups', ['User', 'Group'],
                     [user, extraGroup]);
  };

  process.cpuUsage = function cpuUsage(prevValue) {
    if (prevValue) {
      if (typeof prevValue !== 'object') {
        throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
          `The "prevValue" argument must be of type object. Received ${internals.describeReceived(prevValue)}`);
      }
      for (const field of ['user', 'system']) {
        if (!validPrevious(prevValue[field])) {
          validateNumber(prevValue[field], `prevValue.${field}`);
          throw nodeError(RangeError, 'ERR_INVALID_ARG_VALUE',
            `The property 'prevValue.${field}' is invalid. Received ${internals.inspect(prevValue[field])}`);
        }
      }
    }
    const usage = natives.resourceUsage();
    if (prevValue) return { user: usage[0] - prevValue.user, system: usage[1] - prevValue.system };
    return { user: usage[0], system: usage[1] };
  };

  process.resourceUsage = function resourceUsage() {
    const u = natives.resourceUsage();
    return {
      userCPUTime: u[0], systemCPUTime: u[1], maxRSS: u[2], sharedMemorySize: u[3],
      unsharedDataSize: u[4], unsharedStackSize: u[5], minorPageFault: u[6], majorPageFault: u[7],
      swappedOut: u[8], fsRead: u[9], fsWrite: u[10], ipcSent: u[11], ipcReceived: u[12],
      signalsCount: u[13], voluntaryContextSwitches: u[14], involuntaryContextSwitches: u[15],
    };
  };

  // Node lists requests, handles, then a 'Timeout' per referenced timer and
  // an 'Immediate' per referenced immediate. toysnap lists only the timers
  // and immediates so far (no fs requests or handles: README).
  process.getActiveResourcesInfo = function getActiveResourcesInfo() {
    const info = [];
    const timeouts = internals.activeTimeouts();
    for (let i = 0; i < timeouts; i++) info[info.length] = 'Timeout';
    const immediates = internals.activeImmediates();
    for (let i = 0; i < immediates; i++) info[info.length] = 'Immediate';
    return info;
  };

  process.availableMemory = () => natives.memoryLimits()[0];
  process.constrainedMemory = () => natives.memoryLimits()[1];
})
