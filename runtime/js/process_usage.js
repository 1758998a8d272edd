// process's ids, credential setters, umask, kill and resource figures
// (process_usage_impl.js) become process's own properties the first time a
// program reads or sets one of them, so a start that uses none does not pay
// for them (Extension::lazy_js).
(function (natives, internals) {
  'use strict';
  const { ObjectDefineProperty } = internals.primordials;
  const kMembers = [
    'umask', '_kill', 'kill', 'getuid', 'geteuid', 'getgid', 'getegid', 'getgroups', 'setuid',
    'setgid', 'seteuid', 'setegid', 'setgroups', 'initgroups', 'cpuUsage', 'resourceUsage',
    'getActiveResourcesInfo', 'availableMemory', 'constrainedMemory',
  ];
  const process = globalThis.process;

  let loaded = false;
  function load() {
    if (loaded) return;
    loaded = true;
    const members = natives.loadScript('process_usage_impl.js')(natives, internals);
    for (let i = 0; i < kMembers.length; i++) {
      ObjectDefineProperty(process, kMembers[i], {
        value: members[kMembers[i]], writable: true, enumerable: true, configurable: true,
      });
    }
  }
  for (let i = 0; i < kMembers.length; i++) {
    const name = kMembers[i];
    ObjectDefineProperty(process, name, {
      get() { load(); return process[name]; },
      set(value) { load(); process[name] = value; },
      enumerable: true, configurable: true,
    });
  }
})
