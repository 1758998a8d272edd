// What happens to an error a timer, immediate, nextTick or fs callback
// throws (timers.js's callUserCode), as in Node 20: 'uncaughtExceptionMonitor',
// then 'uncaughtException' listeners handle it and the program goes on; without
// one the exit code becomes 1, 'exit' is emitted, and the error ends the
// program as before. Errors thrown by promise jobs, and unhandled
// rejections, still end the program without these events (see README).
(function (natives, internals) {
  'use strict';
  const process = globalThis.process;

  const listened = (name) => typeof process.listenerCount === 'function' && process.listenerCount(name) > 0;
  internals.uncaughtListened = () => listened('uncaughtException') || listened('uncaughtExceptionMonitor');

  // Node sets the exit code and emits 'exit' before the error is reported.
  internals.beforeFatalError = function () {
    process.exitCode = 1;
    try {
      internals.emitProcessExit(1);
    } catch {
      // What an 'exit' listener throws here is dropped: the first error wins.
    }
  };

  internals.handleUncaught = function (error) {
    process.emit('uncaughtExceptionMonitor', error, 'uncaughtException');
    if (listened('uncaughtException')) {
      process.emit('uncaughtException', error, 'uncaughtException');
      return;
    }
    internals.beforeFatalError();
    throw error;
  };
})
