// Node 20's assert.CallTracker (deprecated there, DEP0173, but still shipped):
// calls() wraps a function in a Proxy that records each call; report() and
// verify() compare the counts with what was expected. Lazy: assert.js compiles
// it with the rest of assert and wraps the class in util.deprecate.
(function (natives, internals, errors) {
  'use strict';
  const {
    ArrayPrototypePush, ArrayPrototypeSlice, Error, FunctionPrototype, ObjectFreeze, Proxy,
    ReflectApply, SafeSet, SafeWeakMap,
  } = internals.strictPrimordials();
  const { AssertionError, nodeError } = errors;
  const { invalidArgValue, validateInteger } = internals.nodeErrors;

  // One tracked function: what it was expected to do and what it did.
  class CallTrackerContext {
    #expected;
    #calls = [];
    #name;
    #stackTrace;
    constructor(expected, name, stackTrace) {
      this.#expected = expected;
      this.#name = name;
      this.#stackTrace = stackTrace;
    }

    track(thisArg, args) {
      ArrayPrototypePush(this.#calls,
        ObjectFreeze({ thisArg, arguments: ObjectFreeze(ArrayPrototypeSlice(args)) }));
    }

    reset() { this.#calls = []; }

    getCalls() { return ObjectFreeze(ArrayPrototypeSlice(this.#calls)); }

    // undefined when the count is right, else one entry of report().
    report() {
      const actual = this.#calls.length;
      if (actual === this.#expected) return undefined;
      return {
        message: `Expected the ${this.#name} function to be executed ${this.#expected} time(s) ` +
                 `but was executed ${actual} time(s).`,
        actual,
        expected: this.#expected,
        operator: this.#name,
        stack: this.#stackTrace,
      };
    }
  }

  class CallTracker {
    #contexts = new SafeSet();
    #byTracked = new SafeWeakMap();

    #contextOf(tracked) {
      const context = this.#byTracked.get(tracked);
      if (context === undefined) throw invalidArgValue('tracked', tracked, 'is not a tracked function');
      return context;
    }

    reset(tracked) {
      if (tracked === undefined) {
        for (const context of this.#contexts) context.reset();
        return;
      }
      this.#contextOf(tracked).reset();
    }

    getCalls(tracked) {
      return this.#contextOf(tracked).getCalls();
    }

    calls(fn, expected = 1) {
      if (globalThis.process?._exiting) {
        throw nodeError(Error, 'ERR_UNAVAILABLE_DURING_EXIT',
                        'Cannot call function in process exit handler');
      }
      if (typeof fn === 'number') {
        expected = fn;
        fn = FunctionPrototype;
      } else if (fn === undefined) {
        fn = FunctionPrototype;
      }
      validateInteger(expected, 'expected', 1, 4294967295);
      // eslint-disable-next-line no-restricted-syntax -- where calls() was made, for report()
      const context = new CallTrackerContext(expected, fn.name || 'calls', new Error());
      const tracked = new Proxy(fn, {
        __proto__: null,
        apply(target, thisArg, args) {
          context.track(thisArg, args);
          return ReflectApply(target, thisArg, args);
        },
      });
      this.#contexts.add(context);
      this.#byTracked.set(tracked, context);
      return tracked;
    }

    report() {
      const errors = [];
      for (const context of this.#contexts) {
        const entry = context.report();
        if (entry !== undefined) ArrayPrototypePush(errors, entry);
      }
      return errors;
    }

    verify() {
      const errors = this.report();
      if (errors.length === 0) return;
      throw new AssertionError({
        message: errors.length === 1 ? errors[0].message :
          'Functions were not called the expected number of times',
        details: errors,
      });
    }
  }

  return CallTracker;
})
