// Node's `cluster` as a primary that cannot fork workers yet: isPrimary,
// settings and the scheduling constants are Node's, an EventEmitter as
// Node's is; fork(), setupPrimary() and disconnect() throw
// ERR_TOYSNAP_UNSUPPORTED (README: module table). Code that only asks
// whether it is the primary (Node's own test harness) works.
(function (natives, internals) {
  'use strict';
  const { Error, ObjectSetPrototypeOf } = internals.primordials;
  function unsupported(what) {
    return function () {
      const error = new Error(`toysnap does not support cluster.${what} yet (no cluster workers)`);
      error.code = 'ERR_TOYSNAP_UNSUPPORTED';
      throw error;
    };
  }
  internals.defineBuiltin('cluster', () => {
    const EventEmitter = internals.requireBuiltin('events');
    const cluster = new EventEmitter();
    cluster.isWorker = false;
    cluster.isMaster = true;
    cluster.isPrimary = true;
    cluster.Worker = function Worker() { unsupported('Worker')(); };
    ObjectSetPrototypeOf(cluster.Worker.prototype, EventEmitter.prototype);
    cluster.workers = {};
    cluster.settings = {};
    cluster.SCHED_NONE = 1;
    cluster.SCHED_RR = 2;
    cluster.schedulingPolicy = cluster.SCHED_RR;
    cluster.setupPrimary = unsupported('setupPrimary()');
    cluster.setupMaster = cluster.setupPrimary;
    cluster.fork = unsupported('fork()');
    cluster.disconnect = unsupported('disconnect()');
    return cluster;
  });
})
