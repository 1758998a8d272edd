// process's ids and resource figures, as Node 20's: getuid/geteuid/getgid/
// getegid/getgroups, cpuUsage (with its previous-value diff and checks),
// resourceUsage, availableMemory and constrainedMemory. Read when asked for.
(function (natives, internals) {
  'use strict';
  const { NumberMAX_SAFE_INTEGER, ObjectDefineProperty, RangeError, StringPrototypeSlice, TypeError } =
    internals.primordials;
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
  const validPrevious = (n) => typeof n === 'number' && n <= NumberMAX_SAFE_INTEGER && n >= 0;

  process.getuid = () => natives.processCredentials()[0];
  process.geteuid = () => natives.processCredentials()[1];
  process.getgid = () => natives.processCredentials()[2];
  process.getegid = () => natives.processCredentials()[3];
  process.getgroups = () => natives.processGroups();

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

  process.availableMemory = () => natives.memoryLimits()[0];
  process.constrainedMemory = () => natives.memoryLimits()[1];
})
