// Node's dns.lookup and dns.promises.lookup (lib/dns.js,
// lib/internal/dns/promises.js) on natives.getaddrinfo (an async host
// function, runtime/node/dns.cc): the system resolver,
// as Node's lookup uses it. The c-ares functions (resolve*, reverse,
// lookupService, Resolver) throw ERR_TOYSNAP_UNSUPPORTED.
(function (natives, internals) {
  'use strict';
  const { Error, Promise, PromisePrototypeThen, ArrayPrototypeIncludes } = internals.primordials;
  const u = internals.loadFsUtils();
  const UV_EAI_NODATA = -3007;
  const UV_EAI_NONAME = -3008;
  const ADDRCONFIG = 32;
  const V4MAPPED = 8;
  const ALL = 16;
  let resultOrder = 'verbatim';

  // "getaddrinfo ENOTFOUND example.invalid", with errno, code, syscall, hostname.
  function dnsException(err, syscall, hostname) {
    const code = err === UV_EAI_NODATA || err === UV_EAI_NONAME ? 'ENOTFOUND'
      : natives.uvErrorName(err)[0];
    const error = new Error(`${syscall} ${code}${hostname ? ` ${hostname}` : ''}`);
    error.errno = err;
    error.code = code;
    error.syscall = syscall;
    if (hostname) error.hostname = hostname;
    return error;
  }

  // Node's argument rules; [family, hints, all, verbatim].
  function parseOptions(options, callbackName, callback) {
    let family = 0;
    let hints = 0;
    let all = false;
    let verbatim = resultOrder === 'verbatim';
    if (typeof options === 'number') {
      if (callbackName) u.validateFunction(callback, callbackName);
      if (!ArrayPrototypeIncludes([0, 4, 6], options)) {
        throw u.invalidArgValue('family', options, 'must be one of: 0, 4, 6');
      }
      return [options, hints, all, verbatim];
    }
    if (options !== undefined && options !== null && typeof options !== 'object') {
      if (callbackName) u.validateFunction(callback, callbackName);
      throw u.invalidArgType('options', ['integer', 'object'], options);
    }
    if (callbackName) u.validateFunction(callback, callbackName);
    if (options?.hints != null) {
      if (typeof options.hints !== 'number') {
        throw u.invalidArgType('options.hints', 'number', options.hints);
      }
      hints = options.hints >>> 0;
      if ((hints & ~(ADDRCONFIG | ALL | V4MAPPED)) !== 0) throw u.invalidArgValue('hints', hints);
    }
    if (options?.family != null) {
      if (options.family === 'IPv4') family = 4;
      else if (options.family === 'IPv6') family = 6;
      else if (!ArrayPrototypeIncludes([0, 4, 6], options.family)) {
        throw u.invalidArgValue('options.family', options.family, 'must be one of: 0, 4, 6');
      } else family = options.family;
    }
    if (options?.all != null) {
      u.validateBoolean(options.all, 'options.all');
      all = options.all;
    }
    if (options?.verbatim != null) {
      u.validateBoolean(options.verbatim, 'options.verbatim');
      verbatim = options.verbatim;
    }
    return [family, hints, all, verbatim];
  }

  // IPv4 first unless verbatim (Node's "ipv4first" order).
  function ordered(addresses, verbatim) {
    if (verbatim) return addresses;
    const v4 = [];
    const v6 = [];
    for (let i = 0; i < addresses.length; i++) {
      (natives.isIP(addresses[i]) === 4 ? v4 : v6).push(addresses[i]);
    }
    return [...v4, ...v6];
  }

  // Runs the lookup; done(err, addresses as [{address, family}]).
  // natives.getaddrinfo is an async host function: its promise settles with
  // [status, addresses]. `done` runs as a tick, not in the promise job, so
  // an exception it throws is uncaught, as in Node, not a rejection.
  function resolve(hostname, family, hints, verbatim, done) {
    PromisePrototypeThen(natives.getaddrinfo(hostname, family, hints), ([status, addresses]) => {
      if (status < 0) return process.nextTick(done, dnsException(status, 'getaddrinfo', hostname));
      const list = ordered(addresses, verbatim);
      const result = [];
      for (let i = 0; i < list.length; i++) {
        result[i] = { address: list[i], family: family || natives.isIP(list[i]) };
      }
      process.nextTick(done, null, result);
    });
  }

  function warnEmptyHostname(hostname) {
    process.emitWarning(`The provided hostname "${hostname}" is not a valid hostname, and is ` +
      'supported in the dns module solely for compatibility.', 'DeprecationWarning', 'DEP0118');
  }

  function lookup(hostname, options, callback) {
    if (hostname) u.validateString(hostname, 'hostname');
    if (typeof options === 'function') {
      callback = options;
      options = undefined;
    }
    const [family, hints, all, verbatim] = parseOptions(options, 'callback', callback);
    if (!hostname) {
      warnEmptyHostname(hostname);
      if (all) process.nextTick(callback, null, []);
      else process.nextTick(callback, null, null, family === 6 ? 6 : 4);
      return {};
    }
    const matched = natives.isIP(hostname);
    if (matched) {
      if (all) process.nextTick(callback, null, [{ address: hostname, family: matched }]);
      else process.nextTick(callback, null, hostname, matched);
      return {};
    }
    resolve(hostname, family, hints, verbatim, (error, result) => {
      if (error) return callback(error);
      if (all) return callback(null, result);
      callback(null, result[0].address, result[0].family);
    });
    return {};
  }

  function lookupPromise(hostname, options) {
    if (hostname) u.validateString(hostname, 'hostname');
    const [family, hints, all, verbatim] = parseOptions(options);
    return new Promise((resolvePromise, reject) => {
      if (!hostname) {
        warnEmptyHostname(hostname);
        resolvePromise(all ? [] : { address: null, family: family === 6 ? 6 : 4 });
        return;
      }
      const matched = natives.isIP(hostname);
      if (matched) {
        const entry = { address: hostname, family: matched };
        resolvePromise(all ? [entry] : entry);
        return;
      }
      resolve(hostname, family, hints, verbatim, (error, result) => {
        if (error) reject(error);
        else resolvePromise(all ? result : result[0]);
      });
    });
  }

  function unsupported(name) {
    return function () {
      throw u.nodeError(Error, 'ERR_TOYSNAP_UNSUPPORTED',
        `toysnap does not support dns.${name} yet (only dns.lookup)`);
    };
  }

  function getDefaultResultOrder() { return resultOrder; }
  function setDefaultResultOrder(order) {
    if (order !== 'ipv4first' && order !== 'verbatim') {
      throw u.invalidArgValue('dnsOrder', order, "must be one of: 'verbatim', 'ipv4first'");
    }
    resultOrder = order;
  }

  const codes = ['NODATA', 'FORMERR', 'SERVFAIL', 'NOTFOUND', 'NOTIMP', 'REFUSED', 'BADQUERY',
    'BADNAME', 'BADFAMILY', 'BADRESP', 'CONNREFUSED', 'TIMEOUT', 'EOF', 'FILE', 'NOMEM',
    'DESTRUCTION', 'BADSTR', 'BADFLAGS', 'NONAME', 'BADHINTS', 'NOTINITIALIZED', 'LOADIPHLPAPI',
    'ADDRGETNETWORKPARAMS', 'CANCELLED'];
  const resolvers = ['getServers', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCaa',
    'resolveCname', 'resolveMx', 'resolveNaptr', 'resolveNs', 'resolvePtr', 'resolveSoa',
    'resolveSrv', 'resolveTxt', 'reverse'];

  function makeModule(lookupFn, withFlags) {
    const module = {
      lookup: lookupFn,
      lookupService: unsupported('lookupService'),
      Resolver: unsupported('Resolver'),
      getDefaultResultOrder,
      setDefaultResultOrder,
      setServers: unsupported('setServers'),
    };
    if (withFlags) {
      module.ADDRCONFIG = ADDRCONFIG;
      module.ALL = ALL;
      module.V4MAPPED = V4MAPPED;
    }
    for (let i = 0; i < codes.length; i++) module[codes[i]] = `E${codes[i]}`;
    for (let i = 0; i < resolvers.length; i++) module[resolvers[i]] = unsupported(resolvers[i]);
    return module;
  }

  const dns = makeModule(lookup, true);
  dns.promises = makeModule(lookupPromise, false);
  return dns;
})
