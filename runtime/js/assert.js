// Registers Node's `assert` and `assert/strict`; the module itself
// (assert_impl.js, assert_error.js, assert_deep.js, assert_call_tracker.js)
// is compiled the first time a program requires it (Extension::lazy_js), so a
// start that never asserts does not pay for it. util.isDeepStrictEqual shares
// its comparison.
(function (natives, internals) {
  'use strict';
  let deep;
  let assert;
  const comparison = () => (deep ??= natives.loadScript('assert_deep.js')(natives, internals));
  function load() {
    if (assert === undefined) {
      const errors = natives.loadScript('assert_error.js')(natives, internals);
      // Node 20 deprecates CallTracker (DEP0173): the class, wrapped to warn once on first use.
      const CallTracker = internals.requireBuiltin('util').deprecate(
        natives.loadScript('assert_call_tracker.js')(natives, internals, errors),
        'assert.CallTracker is deprecated.', 'DEP0173');
      assert = natives.loadScript('assert_impl.js')(natives, internals, comparison(), errors,
                                                    CallTracker);
    }
    return assert;
  }
  internals.isDeepStrictEqual = (a, b) => comparison().isDeepStrictEqual(a, b);
  internals.defineBuiltin('assert', load);
  internals.defineBuiltin('assert/strict', () => load().strict);
})
