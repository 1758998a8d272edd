// How a net.Socket connects (lib/net.js's lookupAndConnect, internalConnect,
// afterConnect): a host name through dns.lookup, with Node 20's
// autoSelectFamily when it has several addresses, then the handle's
// connect. Compiled with net_socket.js, which passes what it shares.
(function (natives, internals) {
  'use strict';
  const { AggregateError, TypeError } = internals.primordials;
  const u = internals.loadFsUtils();
  const { setTimeout, clearTimeout } = internals.netTimers;
  const { TCP } = internals.handleClasses();

  return function connecting({ isIP, validatePort, exceptionWithHostPort, initSocketHandle }) {
    function lookupAndConnect(self, options) {
      const { localAddress, localPort } = options;
      const host = options.host || 'localhost';
      let { port } = options;
      if (localAddress && !isIP(localAddress)) {
        throw u.invalidArgValue('options.localAddress', localAddress);
      }
      if (localPort) u.validateInteger(localPort, 'options.localPort');
      if (typeof port !== 'undefined') {
        if (typeof port !== 'number' && typeof port !== 'string') {
          throw u.invalidArgType('options.port', ['number', 'string'], port);
        }
        port = validatePort(port);
      } else {
        throw u.nodeError(TypeError, 'ERR_MISSING_ARGS',
          'The "options" or "port" or "path" argument must be specified');
      }
      port |= 0;
      const addressType = isIP(host);
      if (addressType) {
        process.nextTick(() => {
          if (!self.connecting) return;
          internalConnect(self, host, port, addressType, localAddress, localPort);
        });
        return;
      }
      const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
      self._host = host;
      const lookup = options.lookup ?? internals.requireBuiltin('dns').lookup;
      if (typeof lookup !== 'function') {
        throw u.invalidArgType('options.lookup', 'Function', lookup);
      }
      // As Node's: with no family, only addresses of configured families.
      const dnsOptions = { family, hints: options.hints || 0 };
      const ADDRCONFIG = 32;
      if (family !== 4 && family !== 6 && dnsOptions.hints === 0) dnsOptions.hints = ADDRCONFIG;
      const autoSelect = options.autoSelectFamily ?? defaults.autoSelectFamily;
      if (family !== 4 && family !== 6 && !localAddress && autoSelect) {
        dnsOptions.all = true;
        lookup(host, dnsOptions, (err, addresses) => {
          if (err) {
            self.emit('lookup', err, undefined, undefined, host);
            process.nextTick(() => self.destroy(err));
            return;
          }
          connectMultiple(self, host, addresses, port, localPort,
            options.autoSelectFamilyAttemptTimeout ?? defaults.attemptTimeout);
        });
        return;
      }
      lookup(host, dnsOptions, (err, ip, ipFamily) => {
        self.emit('lookup', err, ip, ipFamily, host);
        if (!self.connecting) return;
        if (err) {
          process.nextTick(() => self.destroy(err));
        } else if (!isIP(ip)) {
          process.nextTick(() => self.destroy(u.nodeError(TypeError, 'ERR_INVALID_IP_ADDRESS',
            `Invalid IP address: ${ip}`)));
        } else {
          self._unrefTimer();
          internalConnect(self, ip, port, ipFamily, localAddress, localPort);
        }
      });
    }

    // Node 20's autoSelectFamily ("happy eyeballs"): the addresses, families
    // alternating from the first one's, each given `attemptTimeout` ms before
    // the next is tried; the first to connect wins.
    function connectMultiple(self, host, addresses, port, localPort, attemptTimeout) {
      const byFamily = [[], []];
      let first = 0;
      for (let i = 0; i < addresses.length; i++) {
        const { address, family } = addresses[i];
        self.emit('lookup', null, address, family, host);
        if (!self.connecting) return;
        if (!isIP(address) || (family !== 4 && family !== 6)) continue;
        if (byFamily[0].length === 0 && byFamily[1].length === 0) first = family;
        const list = byFamily[family === first ? 0 : 1];
        let seen = false;
        for (let j = 0; j < list.length; j++) seen = seen || list[j].address === address;
        if (!seen) list.push(addresses[i]);
      }
      const order = [];
      for (let i = 0; i < byFamily[0].length || i < byFamily[1].length; i++) {
        if (i < byFamily[0].length) order.push(byFamily[0][i]);
        if (i < byFamily[1].length) order.push(byFamily[1][i]);
      }
      if (order.length === 0) {
        const ip = addresses[0]?.address;
        process.nextTick(() => self.destroy(u.nodeError(TypeError, 'ERR_INVALID_IP_ADDRESS',
          `Invalid IP address: ${ip}`)));
        return;
      }
      self._unrefTimer();
      if (order.length === 1) {
        internalConnect(self, order[0].address, port, order[0].family, undefined, localPort);
        return;
      }
      self.autoSelectFamilyAttemptedAddresses = [];
      const context = { current: 0, errors: [], timer: null };
      const attempt = () => {
        if (context.current === order.length) {
          self.destroy(context.errors.length === 1 ? context.errors[0] : aggregate(context.errors));
          return;
        }
        const { address, family } = order[context.current++];
        const mine = context.current;
        const handle = new TCP('net.Socket');
        self.autoSelectFamilyAttemptedAddresses.push(`${address}:${port}`);
        const err = handle.connect(address, port, (status) => {
          if (context.timer !== null) clearTimeout(context.timer);
          if (mine !== context.current || !self.connecting) {
            handle.close();  // timed out (a later attempt runs) or given up
            return;
          }
          if (status !== 0) {
            handle.close();
            context.errors.push(exceptionWithHostPort(status, 'connect', address, port));
            attempt();
            return;
          }
          if (self._handle !== null) self._handle.close();
          self._handle = handle;
          initSocketHandle(self);
          afterConnect(self, 0, address, port);
        });
        if (err) {
          handle.close();
          context.errors.push(exceptionWithHostPort(err, 'connect', address, port));
          attempt();
          return;
        }
        if (context.current < order.length) {
          context.timer = setTimeout(() => {
            context.timer = null;
            const error = exceptionWithHostPort(-110, 'connect', address, port);  // ETIMEDOUT
            context.errors.push(error);
            handle.close();
            if (self.connecting) attempt();
          }, attemptTimeout < 10 ? 10 : attemptTimeout);
          context.timer.unref();
        }
      };
      attempt();
    }

    // Node's NodeAggregateError: the errors, with the first one's code.
    function aggregate(errors) {
      const error = new AggregateError(errors, '');
      error.code = errors[0]?.code;
      return error;
    }

    // net.get/setDefaultAutoSelectFamily(AttemptTimeout).
    const defaults = { autoSelectFamily: true, attemptTimeout: 250 };

    function internalConnect(self, address, port, addressType, localAddress, localPort) {
      let err;
      if (localAddress || localPort) {
        const local = localAddress || (addressType === 6 ? '::' : '0.0.0.0');
        try {
          err = self._handle.bind(local, localPort | 0);
        } catch (error) {
          self.destroy(error);
          return;
        }
        if (err) {
          self.destroy(exceptionWithHostPort(err, 'bind', local, localPort));
          return;
        }
      }
      const done = (status) => afterConnect(self, status, address, port, localAddress, localPort);
      try {
        err = addressType ? self._handle.connect(address, port, done)
          : self._handle.connect(address, done);
      } catch (error) {
        // ERR_ACCESS_DENIED (no Net permission for the address): the socket's 'error'.
        self.destroy(error);
        return;
      }
      if (err) {
        const sockname = self._getsockname();
        const details = sockname.address !== undefined
          ? `${sockname.address}:${sockname.port}` : undefined;
        self.destroy(exceptionWithHostPort(err, 'connect', address, port, details));
      }
    }

    function afterConnect(self, status, address, port, localAddress, localPort) {
      if (self.destroyed) return;
      self.connecting = false;
      self._sockname = null;
      if (status === 0) {
        if (self.readable && !self._handle.readable) {
          self.push(null);
          self.read();
        }
        self.emit('connect');
        self.emit('ready');
        if (self.readable && !self.isPaused()) self.read(0);
        self._unrefTimer();
        return;
      }
      const details = localAddress && localPort ? `${localAddress}:${localPort}` : undefined;
      self.destroy(exceptionWithHostPort(status, 'connect', address, port, details));
    }

    return { lookupAndConnect, internalConnect, defaults };
  };
})
