// MessagePort, MessageChannel, MessageEvent and receiveMessageOnPort, as
// Node 20 has them. A MessagePort is a native object (natives.MessagePort,
// runtime/node/worker.cc) so that V8's serializer sees it as transferable;
// this file gives it Node's NodeEventTarget face: on/once/off/emit and
// addEventListener with MessageEvents. Loaded by worker_threads.js on first use.
(function (natives, internals, captured) {
  'use strict';
  const { DOMException, Event, EventTarget, process } = captured;
  const {
    ArrayFrom, ArrayPrototypeIndexOf, ArrayPrototypePush, ArrayPrototypeSplice,
    ArrayPrototypeFilter, ObjectDefineProperty, ObjectSetPrototypeOf, ReflectApply, SafeMap,
    SafeWeakSet,
    Symbol, SymbolFor, SymbolIterator, SymbolToStringTag, TypeError,
  } = internals.primordials;
  const MessagePort = natives.MessagePort;
  const kListeners = Symbol('kListeners');   // type -> [{ listener, once, node }]
  const kOnHandler = Symbol('kOnHandler');   // type -> the on<type> function's record
  const kOwner = Symbol('kOwner');           // a Worker's port: the Worker
  const kMaxListeners = Symbol('kMaxListeners');
  const kInspect = SymbolFor('nodejs.util.inspect.custom');

  function coded(Ctor, code, message) {
    const error = new Ctor(message);
    error.code = code;
    return error;
  }
  const makeDOMException = (message, name) => new DOMException(message, name);
  function checkPort(value) {
    if (!(value instanceof MessagePort)) {
      throw coded(TypeError, 'ERR_INVALID_THIS', 'Value of "this" must be of type MessagePort');
    }
  }

  // ---- MessageEvent ---------------------------------------------------------

  const kData = Symbol('kData');
  class MessageEvent extends Event {
    constructor(type, init = undefined) {
      super(type);
      const { data = null, origin = '', lastEventId = '', source = null, ports = [] } = init ?? {};
      this[kData] = { data, origin: `${origin}`, lastEventId: `${lastEventId}`, source,
        ports: ArrayFrom(ports) };
    }
  }
  const eventFields = ['data', 'origin', 'lastEventId', 'source', 'ports'];
  for (let i = 0; i < eventFields.length; i++) {
    const name = eventFields[i];
    ObjectDefineProperty(MessageEvent.prototype, name, {
      __proto__: null,
      enumerable: true,
      configurable: true,
      get() {
        if (this === null || typeof this !== 'object' || !(kData in this)) {
          throw coded(TypeError, 'ERR_INVALID_THIS', 'Value of "this" must be of type MessageEvent');
        }
        return this[kData][name];
      },
    });
  }

  // ---- listeners ------------------------------------------------------------

  function listenersOf(port, type) {
    let all = port[kListeners];
    if (all === undefined) {
      all = new SafeMap();
      ObjectDefineProperty(port, kListeners, { __proto__: null, value: all });
    }
    let list = all.get(type);
    if (list === undefined) {
      list = [];
      all.set(type, list);
    }
    return list;
  }
  const countOf = (port, type) => port[kListeners]?.get(type)?.length ?? 0;

  // Node's setupPortReferencing: a port with 'message' listeners is started
  // and keeps the loop alive; without any it stops and lets the loop end.
  function added(port, type) {
    if (type === 'message' && countOf(port, type) === 1) {
      natives.portRef(port, true);
      natives.portStart(port, true);
    }
  }
  function removed(port, type) {
    if (type === 'message' && countOf(port, type) === 0) {
      natives.portStart(port, false);
      natives.portRef(port, false);
    }
  }

  function addListener(port, type, listener, once, node) {
    type = `${type}`;
    const list = listenersOf(port, type);
    if (!node) {
      for (let i = 0; i < list.length; i++) {
        if (list[i].listener === listener && !list[i].node) return;  // a duplicate
      }
    }
    ArrayPrototypePush(list, { listener, once, node });
    added(port, type);
  }
  function removeListener(port, type, listener, node) {
    type = `${type}`;
    const list = port[kListeners]?.get(type);
    if (list === undefined) return;
    for (let i = list.length - 1; i >= 0; i--) {
      if (list[i].listener === listener && list[i].node === node) {
        ArrayPrototypeSplice(list, i, 1);
        removed(port, type);
        return;
      }
    }
  }

  // A listener's exception is the program's uncaught exception, after the
  // dispatch, as Node's EventTarget reports it.
  const report = (error) => process.nextTick(() => { throw error; });

  function emitEvent(port, type, value, event) {
    const list = port[kListeners]?.get(type);
    if (list === undefined || list.length === 0) return false;
    const records = ArrayFrom(list);
    for (let i = 0; i < records.length; i++) {
      const record = records[i];
      if (record.once) {
        const at = ArrayPrototypeIndexOf(list, record);
        if (at !== -1) ArrayPrototypeSplice(list, at, 1);
        removed(port, type);
      }
      try {
        if (record.node) {
          ReflectApply(record.listener, port, [value]);
        } else {
          event ??= type === 'message' || type === 'messageerror'
            ? new MessageEvent(type, { data: value }) : new Event(type);
          const listener = record.listener;
          if (typeof listener === 'function') {
            ReflectApply(listener, port, [event]);
          } else {
            ReflectApply(listener.handleEvent, listener, [event]);
          }
        }
      } catch (error) {
        report(error);
      }
    }
    return true;
  }

  // ---- MessagePort ----------------------------------------------------------

  ObjectSetPrototypeOf(MessagePort.prototype, EventTarget.prototype);
  ObjectSetPrototypeOf(MessagePort, EventTarget);

  // What the native side calls: "message" when messages wait (one is taken
  // and emitted per call, so microtasks run between them, as under Node),
  // "close" once the port has closed.
  function dispatch(port, event) {
    if (event === 'close') {
      if (port[kOwner] === undefined) {
        if (typeof port.onclose === 'function') port.onclose();
        emitEvent(port, 'close', undefined);
      }
      return false;
    }
    const received = natives.portReceive(port, MessagePort, dispatch);
    if (received === undefined) return false;
    const owner = port[kOwner];
    if (owner !== undefined) {
      owner(received[0], received[1], received[2]);
    } else {
      emitEvent(port, received[0], received[1]);
    }
    return true;
  }

  // markAsUntransferable()'s objects: a transfer list naming one copies it.
  const untransferable = new SafeWeakSet();
  const transferable = (list) => ArrayPrototypeFilter(list, (item) => !untransferable.has(item));

  function transferList(transfer) {
    if (transfer === undefined || transfer === null) return undefined;
    if (typeof transfer !== 'object' && typeof transfer !== 'function') {
      throw coded(TypeError, 'ERR_INVALID_ARG_TYPE',
        'Optional transferList argument must be an iterable');
    }
    if (typeof transfer[SymbolIterator] === 'function') return transferable(ArrayFrom(transfer));
    const list = transfer.transfer;
    if (list === undefined || list === null) return undefined;
    if (typeof list[SymbolIterator] !== 'function') {
      throw coded(TypeError, 'ERR_INVALID_ARG_TYPE',
        'Optional options.transfer argument must be an iterable');
    }
    return transferable(ArrayFrom(list));
  }

  const methods = {
    postMessage(message, transfer = undefined) {
      if (arguments.length === 0) {
        throw coded(TypeError, 'ERR_MISSING_ARGS', 'The "message" argument must be specified');
      }
      natives.portPost(this, message, transferList(transfer), makeDOMException);
    },
    start() { natives.portStart(this, true); },
    close(callback = undefined) {
      if (typeof callback === 'function') this.once('close', callback);
      natives.portClose(this);
    },
    ref() { natives.portRef(this, true); },
    unref() { natives.portRef(this, false); },
    hasRef() { return !!natives.portHasRef(this); },
    // NodeEventTarget's EventEmitter-like methods.
    on(type, listener) { checkPort(this); addListener(this, type, listener, false, true); return this; },
    addListener(type, listener) { return this.on(type, listener); },
    once(type, listener) { checkPort(this); addListener(this, type, listener, true, true); return this; },
    off(type, listener) { checkPort(this); removeListener(this, type, listener, true); return this; },
    removeListener(type, listener) { return this.off(type, listener); },
    removeAllListeners(type = undefined) {
      checkPort(this);
      const all = this[kListeners];
      if (all === undefined) return this;
      const types = type === undefined ? ArrayFrom(all.keys()) : [`${type}`];
      for (let i = 0; i < types.length; i++) {
        all.delete(types[i]);
        removed(this, types[i]);
      }
      return this;
    },
    emit(type, value) { checkPort(this); return emitEvent(this, `${type}`, value); },
    listenerCount(type) { checkPort(this); return countOf(this, `${type}`); },
    eventNames() {
      checkPort(this);
      const all = this[kListeners];
      return all === undefined ? [] : ArrayFrom(all.keys());
    },
    setMaxListeners(n) { this[kMaxListeners] = n; },
    getMaxListeners() { return this[kMaxListeners] ?? 10; },
    addEventListener(type, listener, options = undefined) {
      checkPort(this);
      if (listener == null) return;
      const once = typeof options === 'object' && options !== null && !!options.once;
      addListener(this, type, listener, once, false);
    },
    removeEventListener(type, listener) {
      checkPort(this);
      removeListener(this, type, listener, false);
    },
    dispatchEvent(event) {
      checkPort(this);
      if (!(event instanceof Event)) {
        throw coded(TypeError, 'ERR_INVALID_ARG_TYPE',
          `The "event" argument must be an instance of Event. Received ${internals.inspect(event)}`);
      }
      emitEvent(this, event.type, event.data, event);
      return !event.defaultPrevented;
    },
    [kInspect]() {
      const open = natives.portIsOpen(this);
      return `MessagePort { active: ${open}${open ? `, refed: ${!!natives.portHasRef(this)}` : ''} }`;
    },
  };
  const keys = ObjectGetOwnKeys(methods);
  function ObjectGetOwnKeys(object) {
    const out = [];
    for (const key in object) ArrayPrototypePush(out, key);
    ArrayPrototypePush(out, kInspect);
    return out;
  }
  for (let i = 0; i < keys.length; i++) {
    ObjectDefineProperty(MessagePort.prototype, keys[i], {
      __proto__: null, value: methods[keys[i]], writable: true, configurable: true,
      enumerable: typeof keys[i] === 'string',
    });
  }
  // onmessage / onmessageerror: one listener each, set or cleared.
  const handlerTypes = ['message', 'messageerror'];
  for (let i = 0; i < handlerTypes.length; i++) {
    const type = handlerTypes[i];
    ObjectDefineProperty(MessagePort.prototype, `on${type}`, {
      __proto__: null,
      enumerable: true,
      configurable: true,
      get() { return this[kOnHandler]?.[type] ?? null; },
      set(value) {
        let handlers = this[kOnHandler];
        if (handlers === undefined) {
          handlers = { __proto__: null };
          ObjectDefineProperty(this, kOnHandler, { __proto__: null, value: handlers });
        }
        if (handlers[type] !== undefined) removeListener(this, type, handlers[type].wrapper, false);
        if (typeof value !== 'function') {
          handlers[type] = undefined;
          return;
        }
        const wrapper = (event) => ReflectApply(value, this, [event]);
        handlers[type] = { value, wrapper };
        addListener(this, type, wrapper, false, false);
      },
    });
  }

  // ---- MessageChannel, receiveMessageOnPort ---------------------------------

  class MessageChannel {
    constructor() {
      const ports = natives.portPair(MessagePort, dispatch);
      this.port1 = ports[0];
      this.port2 = ports[1];
    }
  }
  ObjectDefineProperty(MessageChannel.prototype, SymbolToStringTag, {
    __proto__: null, value: 'MessageChannel', configurable: true,
  });

  function receiveMessageOnPort(port) {
    if (!(port instanceof MessagePort)) {
      throw coded(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "port" argument must be a MessagePort instance');
    }
    const received = natives.portReceive(port, MessagePort, dispatch);
    if (received === undefined) return undefined;
    return { message: received[1] };
  }

  // ---- BroadcastChannel -------------------------------------------------------

  // Its messages come through a hidden port (runtime/node/worker.cc's hub),
  // as MessageEvents on this EventTarget.
  const kHandle = Symbol('kHandle');
  const kName = Symbol('kName');
  const kHandlers = Symbol('kHandlers');
  function checkChannel(value) {
    if (value === null || typeof value !== 'object' || !(kName in value)) {
      throw coded(TypeError, 'ERR_INVALID_THIS', 'Value of "this" must be of type BroadcastChannel');
    }
  }
  class BroadcastChannel extends EventTarget {
    constructor(name) {
      if (arguments.length === 0) {
        throw coded(TypeError, 'ERR_MISSING_ARGS', 'The "name" argument must be specified');
      }
      super();
      this[kName] = `${name}`;
      this[kHandlers] = { __proto__: null };
      const handle = natives.broadcastOpen(MessagePort, dispatch, this[kName]);
      ObjectDefineProperty(handle, kOwner, {
        __proto__: null,
        value: (kind, value) => {
          if (kind === 'message' || kind === 'messageerror') {
            this.dispatchEvent(new MessageEvent(kind, { data: value }));
          }
        },
      });
      this[kHandle] = handle;
    }
    get name() { checkChannel(this); return this[kName]; }
    close() {
      checkChannel(this);
      if (this[kHandle] === undefined) return;
      natives.broadcastClose(this[kHandle]);
      this[kHandle] = undefined;
    }
    postMessage(message) {
      checkChannel(this);
      if (arguments.length === 0) {
        throw coded(TypeError, 'ERR_MISSING_ARGS', 'The "message" argument must be specified');
      }
      if (this[kHandle] === undefined) {
        throw new DOMException('BroadcastChannel is closed.', 'InvalidStateError');
      }
      natives.broadcastPost(this[kHandle], this[kName], message, makeDOMException);
    }
    ref() {
      checkChannel(this);
      if (this[kHandle] !== undefined) natives.portRef(this[kHandle], true);
      return this;
    }
    unref() {
      checkChannel(this);
      if (this[kHandle] !== undefined) natives.portRef(this[kHandle], false);
      return this;
    }
  }
  for (let i = 0; i < handlerTypes.length; i++) {
    const type = handlerTypes[i];
    ObjectDefineProperty(BroadcastChannel.prototype, `on${type}`, {
      __proto__: null,
      enumerable: true,
      configurable: true,
      get() { checkChannel(this); return this[kHandlers][type]?.value ?? null; },
      set(value) {
        checkChannel(this);
        const handlers = this[kHandlers];
        if (handlers[type] !== undefined) this.removeEventListener(type, handlers[type].wrapper);
        handlers[type] = undefined;
        if (typeof value !== 'function') return;
        const wrapper = (event) => ReflectApply(value, this, [event]);
        handlers[type] = { value, wrapper };
        this.addEventListener(type, wrapper);
      },
    });
  }

  return {
    MessagePort, MessageChannel, MessageEvent, receiveMessageOnPort, dispatch, kOwner, BroadcastChannel,
    makeDOMException, untransferable,
  };
})
