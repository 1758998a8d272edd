// Node 20's `diagnostics_channel`: named channels (held weakly until
// subscribed or bound to a store), publish, stores bound with bindStore and
// entered by runStores (AsyncLocalStorage), and tracing channels. Lazy:
// async_hooks.js compiles it on first require.
(function (natives, internals) {
  'use strict';
  const {
    ArrayPrototypeIndexOf, ArrayPrototypePush, ArrayPrototypeSplice,
    ObjectGetPrototypeOf, ObjectSetPrototypeOf, Promise, PromisePrototypeThen, PromiseReject,
    PromiseResolve, ReflectApply, SafeMap, SafeSet, StringPrototypeIncludes, SymbolHasInstance, TypeError,
    WeakRef, WeakRefPrototypeDeref,
  } = internals.strictPrimordials();
  const { process } = globalThis;

  function invalidArgType(name, expected, value) {
    const kind = StringPrototypeIncludes(name, '.') ? 'property' : 'argument';
    const error = new TypeError(
      `The "${name}" ${kind} must be ${expected}. Received ${internals.describeReceived(value)}`);
    error.code = 'ERR_INVALID_ARG_TYPE';
    return error;
  }
  function validateFunction(value, name) {
    if (typeof value !== 'function') throw invalidArgType(name, 'of type function', value);
  }
  // A subscriber's or transform's error is the program's uncaught error, later.
  function reportLater(error) {
    process.nextTick(() => { throw error; });
  }

  const channels = new SafeMap();  // name -> WeakRef(Channel)
  const active = new SafeSet();    // channels with subscribers or stores: kept alive

  function defaultTransform(data) { return data; }

  // The channel's subscribers and stores live on the instance; one without
  // either has Channel.prototype, whose publish does nothing (the fast path).
  class ActiveChannel {
    subscribe(subscription) {
      validateFunction(subscription, 'subscription');
      ArrayPrototypePush(this._subscribers, subscription);
    }

    unsubscribe(subscription) {
      const index = ArrayPrototypeIndexOf(this._subscribers, subscription);
      if (index === -1) return false;
      ArrayPrototypeSplice(this._subscribers, index, 1);
      this._maybeDeactivate();
      return true;
    }

    bindStore(store, transform) {
      this._stores.set(store, transform);
    }

    unbindStore(store) {
      if (!this._stores.has(store)) return false;
      this._stores.delete(store);
      this._maybeDeactivate();
      return true;
    }

    _maybeDeactivate() {
      if (this._subscribers.length === 0 && this._stores.size === 0) {
        ObjectSetPrototypeOf(this, Channel.prototype);
        this._subscribers = undefined;
        this._stores = undefined;
        active.delete(this);
      }
    }

    get hasSubscribers() { return true; }

    publish(data) {
      const subscribers = this._subscribers;
      for (let i = 0; i < (subscribers?.length || 0); i++) {
        try {
          const onMessage = subscribers[i];
          onMessage(data, this.name);
        } catch (error) {
          reportLater(error);
        }
      }
    }

    runStores(data, fn, thisArg, ...args) {
      let run = () => {
        this.publish(data);
        return ReflectApply(fn, thisArg, args);
      };
      for (const entry of this._stores.entries()) {
        const store = entry[0];
        const transform = entry[1];
        const next = run;
        run = () => {
          let newStore;
          try {
            newStore = (transform ?? defaultTransform)(data);
          } catch (error) {
            reportLater(error);
            return next();
          }
          return store.run(newStore, next);
        };
      }
      return run();
    }
  }

  class Channel {
    constructor(name) {
      this._subscribers = undefined;
      this._stores = undefined;
      this.name = name;
    }

    static [SymbolHasInstance](instance) {
      const prototype = ObjectGetPrototypeOf(instance);
      return prototype === Channel.prototype || prototype === ActiveChannel.prototype;
    }

    _activate() {
      ObjectSetPrototypeOf(this, ActiveChannel.prototype);
      this._subscribers = [];
      this._stores = new SafeMap();
      active.add(this);
    }

    subscribe(subscription) {
      validateFunction(subscription, 'subscription');
      this._activate();
      this.subscribe(subscription);
    }

    unsubscribe() { return false; }

    bindStore(store, transform) {
      this._activate();
      this.bindStore(store, transform);
    }

    unbindStore() { return false; }

    get hasSubscribers() { return false; }

    publish() {}

    runStores(data, fn, thisArg, ...args) { return ReflectApply(fn, thisArg, args); }
  }

  function channel(name) {
    const ref = channels.get(name);
    const existing = ref === undefined ? undefined : WeakRefPrototypeDeref(ref);
    if (existing !== undefined) return existing;
    if (typeof name !== 'string' && typeof name !== 'symbol') {
      throw invalidArgType('channel', 'one of type string or symbol', name);
    }
    const made = new Channel(name);
    channels.set(name, new WeakRef(made));
    return made;
  }

  function hasSubscribers(name) {
    const ref = channels.get(name);
    const existing = ref === undefined ? undefined : WeakRefPrototypeDeref(ref);
    return existing === undefined ? false : existing.hasSubscribers;
  }

  const subscribe = (name, subscription) => { channel(name).subscribe(subscription); };
  const unsubscribe = (name, subscription) => channel(name).unsubscribe(subscription);

  const traceEvents = ['start', 'end', 'asyncStart', 'asyncEnd', 'error'];

  class TracingChannel {
    constructor(nameOrChannels) {
      if (typeof nameOrChannels === 'string') {
        for (let i = 0; i < traceEvents.length; i++) {
          this[traceEvents[i]] = channel(`tracing:${nameOrChannels}:${traceEvents[i]}`);
        }
      } else if (typeof nameOrChannels === 'object' && nameOrChannels !== null) {
        for (let i = 0; i < traceEvents.length; i++) {
          const event = traceEvents[i];
          const given = nameOrChannels[event];
          if (!(given instanceof Channel)) {
            throw invalidArgType(`nameOrChannels.${event}`, 'an instance of Channel', given);
          }
          this[event] = given;
        }
      } else {
        throw invalidArgType('nameOrChannels',
                             'of type string or an instance of TracingChannel or Object',
                             nameOrChannels);
      }
    }

    get hasSubscribers() {
      for (let i = 0; i < traceEvents.length; i++) if (this[traceEvents[i]].hasSubscribers) return true;
      return false;
    }

    subscribe(handlers) {
      for (let i = 0; i < traceEvents.length; i++) {
        const event = traceEvents[i];
        if (handlers[event]) this[event].subscribe(handlers[event]);
      }
    }

    unsubscribe(handlers) {
      let done = true;
      for (let i = 0; i < traceEvents.length; i++) {
        const event = traceEvents[i];
        if (!handlers[event]) continue;
        if (!this[event].unsubscribe(handlers[event])) done = false;
      }
      return done;
    }

    // Each trace* only calls fn while nothing subscribes, as Node 20.
    traceSync(fn, context = {}, thisArg, ...args) {
      if (!this.hasSubscribers) return ReflectApply(fn, thisArg, args);
      const { start, end, error } = this;
      return start.runStores(context, () => {
        try {
          const result = ReflectApply(fn, thisArg, args);
          context.result = result;
          return result;
        } catch (err) {
          context.error = err;
          error.publish(context);
          throw err;
        } finally {
          end.publish(context);
        }
      });
    }

    tracePromise(fn, context = {}, thisArg, ...args) {
      if (!this.hasSubscribers) return ReflectApply(fn, thisArg, args);
      const { start, end, asyncStart, asyncEnd, error } = this;
      function reject(err) {
        context.error = err;
        error.publish(context);
        asyncStart.publish(context);
        asyncEnd.publish(context);
        return PromiseReject(err);
      }
      function resolve(result) {
        context.result = result;
        asyncStart.publish(context);
        asyncEnd.publish(context);
        return result;
      }
      return start.runStores(context, () => {
        try {
          let promise = ReflectApply(fn, thisArg, args);
          if (!(promise instanceof Promise)) promise = PromiseResolve(promise);
          return PromisePrototypeThen(promise, resolve, reject);
        } catch (err) {
          context.error = err;
          error.publish(context);
          throw err;
        } finally {
          end.publish(context);
        }
      });
    }

    traceCallback(fn, position = -1, context = {}, thisArg, ...args) {
      if (!this.hasSubscribers) return ReflectApply(fn, thisArg, args);
      const { start, end, asyncStart, asyncEnd, error } = this;
      const callback = args[position < 0 ? args.length + position : position];
      validateFunction(callback, 'callback');
      function wrappedCallback(err, res) {
        if (err) {
          context.error = err;
          error.publish(context);
        } else {
          context.result = res;
        }
        const callArgs = arguments;
        // runStores, so a store's transform can restore the context here.
        asyncStart.runStores(context, () => {
          try {
            return ReflectApply(callback, this, callArgs);
          } finally {
            asyncEnd.publish(context);
          }
        });
      }
      ArrayPrototypeSplice(args, position, 1, wrappedCallback);
      return start.runStores(context, () => {
        try {
          return ReflectApply(fn, thisArg, args);
        } catch (err) {
          context.error = err;
          error.publish(context);
          throw err;
        } finally {
          end.publish(context);
        }
      });
    }
  }

  function tracingChannel(nameOrChannels) { return new TracingChannel(nameOrChannels); }

  return { channel, hasSubscribers, subscribe, tracingChannel, unsubscribe, Channel };
})
