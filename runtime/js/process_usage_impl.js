// process's ids, umask, kill and resource figures, as Node 20's: getuid/
// geteuid/getgid/getegid/getgroups and their setters (setuid, setgid, seteuid,
// setegid, setgroups, initgroups), umask and kill with Node's argument checks
// (kill through the patchable process._kill, as Node's tests expect),
// cpuUsage (with its previous-value checks), resourceUsage,
// getActiveResourcesInfo, availableMemory and constrainedMemory, read when
// asked for. Lazy: process_usage.js compiles it when a program first uses one.
(function (natives, internals) {
  'use strict';
  const {
    ArrayIsArray, Error, NumberIsInteger, NumberMAX_SAFE_INTEGER, NumberParseInt,
    ObjectDefineProperty, RangeError, RegExpPrototypeExec, StringPrototypeIndexOf, StringPrototypeSlice,
    StringPrototypeStartsWith, TypeError,
  } = internals.strictPrimordials();
  const process = globalThis.process;
  const members = {};  // process_usage.js makes them process's own properties

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

  members.umask = function umask(mask) {
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
  members._kill = function _kill(pid, signal) {
    const failure = natives.kill(pid, signal);
    return failure === '' ? 0 : -(os().constants.errno[failure] ?? 1);
  };
  members.kill = function kill(pid, signal) {
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

  members.getuid = () => natives.processCredentials()[0];
  members.geteuid = () => natives.processCredentials()[1];
  members.getgid = () => natives.processCredentials()[2];
  members.getegid = () => natives.processCredentials()[3];
  members.getgroups = () => natives.processGroups();

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
  members.setuid = setter(0, 'setuid', 'User');
  members.setgid = setter(1, 'setgid', 'Group');
  members.seteuid = setter(2, 'seteuid', 'User');
  members.setegid = setter(3, 'setegid', 'Group');
  members.setgroups = function setgroups(groups) {
    if (!ArrayIsArray(groups)) throw invalidArgType('groups', 'an instance of Array', groups);
    for (let i = 0; i < groups.length; i++) validateId(groups[i], `groups[${i}]`);
    const kinds = [];
    for (let i = 0; i < groups.length; i++) kinds[i] = 'Group';
    credentialResult(natives.setGroups(groups), 'setgroups', kinds, groups);
  };
  members.initgroups = function initgroups(user, extraGroup) {
    validateId(user, 'user');
    validateId(extraGroup, 'extraGroup');
    credentialResult(natives.initGroups(user, extraGroup), 'initgroups', ['User', 'Group'],
                     [user, extraGroup]);
  };

  members.cpuUsage = function cpuUsage(prevValue) {
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

  members.resourceUsage = function resourceUsage() {
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
  members.getActiveResourcesInfo = function getActiveResourcesInfo() {
    const info = [];
    const timeouts = internals.activeTimeouts();
    for (let i = 0; i < timeouts; i++) info[info.length] = 'Timeout';
    const immediates = internals.activeImmediates();
    for (let i = 0; i < immediates; i++) info[info.length] = 'Immediate';
    return info;
  };

  members.availableMemory = () => natives.memoryLimits()[0];
  members.constrainedMemory = () => natives.memoryLimits()[1];
  return members;
})
