// child_process's exec and execFile (Node 20's lib/child_process.js): a
// spawn whose output is collected up to maxBuffer and handed to a callback,
// with util.promisify's custom form resolving {stdout, stderr}. Loaded by
// child_process_impl.js, which passes its parts on internals.childProcessParts.
(function (natives, internals) {
  'use strict';
  const {
    ArrayPrototypeJoin, ArrayPrototypePush, ObjectDefineProperty, Promise, RangeError,
    StringPrototypeSlice,
  } = internals.primordials;
  const parts = internals.childProcessParts;
  const u = internals.loadFsUtils();
  const { Buffer } = internals.requireBuiltin('buffer');
  const { setTimeout, clearTimeout } = internals.childProcessSaved;  // child_process.js

  function maxBufferError(name) {
    return u.nodeError(RangeError, 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER', `${name} maxBuffer length exceeded`);
  }

  function execFile(file, args, options, callback) {
    ({ file, args, options, callback } = parts.normalizeExecFileArgs(file, args, options, callback));
    options = {
      __proto__: null,
      encoding: 'utf8',
      timeout: 0,
      maxBuffer: parts.kMaxBuffer,
      killSignal: 'SIGTERM',
      cwd: null,
      env: null,
      shell: false,
      ...options,
    };
    parts.validateTimeout(options.timeout);
    parts.validateMaxBuffer(options.maxBuffer);
    options.killSignal = parts.sanitizeKillSignal(options.killSignal);

    const child = parts.spawn(file, args, {
      cwd: options.cwd,
      env: options.env,
      gid: options.gid,
      shell: options.shell,
      signal: options.signal,
      uid: options.uid,
      windowsHide: !!options.windowsHide,
      windowsVerbatimArguments: !!options.windowsVerbatimArguments,
    });

    const encoding = options.encoding !== 'buffer' && Buffer.isEncoding(options.encoding)
      ? options.encoding : null;
    const stdoutChunks = [];
    const stderrChunks = [];
    let stdoutLength = 0;
    let stderrLength = 0;
    let killed = false;
    let exited = false;
    let timeoutId;
    let ex = null;
    let cmd = file;

    function joined(chunks, stream) {
      return encoding || stream?.readableEncoding ? ArrayPrototypeJoin(chunks, '') : Buffer.concat(chunks);
    }

    function exithandler(code, signal) {
      if (exited) return;
      exited = true;
      if (timeoutId) {
        clearTimeout(timeoutId);
        timeoutId = null;
      }
      if (!callback) return;
      const stdout = joined(stdoutChunks, child.stdout);
      const stderr = joined(stderrChunks, child.stderr);
      if (!ex && code === 0 && signal === null) {
        callback(null, stdout, stderr);
        return;
      }
      if (args?.length) cmd += ` ${ArrayPrototypeJoin(args, ' ')}`;
      if (!ex) {
        ex = new Error(`Command failed: ${cmd}\n${stderr}`);
        ex.code = code < 0 ? parts.errnoNames.get(code) ?? code : code;
        ex.killed = child.killed || killed;
        ex.signal = signal;
      }
      ex.cmd = cmd;
      callback(ex, stdout, stderr);
    }

    function errorhandler(error) {
      ex = error;
      child.stdout?.destroy();
      child.stderr?.destroy();
      exithandler();
    }

    function kill() {
      child.stdout?.destroy();
      child.stderr?.destroy();
      killed = true;
      try {
        child.kill(options.killSignal);
      } catch (error) {
        ex = error;
        exithandler();
      }
    }

    if (options.timeout > 0) {
      timeoutId = setTimeout(() => {
        kill();
        timeoutId = null;
      }, options.timeout);
    }

    function collect(stream, chunks, name, lengthOf, setLength) {
      if (!stream) return;
      if (encoding) stream.setEncoding(encoding);
      stream.on('data', (chunk) => {
        if (options.maxBuffer === Infinity) {
          ArrayPrototypePush(chunks, chunk);
          return;
        }
        const streamEncoding = stream.readableEncoding;
        const length = streamEncoding ? Buffer.byteLength(chunk, streamEncoding) : chunk.length;
        const total = lengthOf() + length;
        setLength(total);
        if (total > options.maxBuffer) {
          const kept = options.maxBuffer - (total - length);
          ArrayPrototypePush(chunks, streamEncoding ? StringPrototypeSlice(chunk, 0, kept) : chunk.slice(0, kept));
          ex = maxBufferError(name);
          kill();
        } else {
          ArrayPrototypePush(chunks, chunk);
        }
      });
    }
    collect(child.stdout, stdoutChunks, 'stdout', () => stdoutLength, (n) => { stdoutLength = n; });
    collect(child.stderr, stderrChunks, 'stderr', () => stderrLength, (n) => { stderrLength = n; });

    child.addListener('close', exithandler);
    child.addListener('error', errorhandler);
    return child;
  }

  function exec(command, options, callback) {
    const opts = parts.normalizeExecArgs(command, options, callback);
    return execFile(opts.file, opts.options, opts.callback);
  }

  // util.promisify(exec) and (execFile): a promise of {stdout, stderr} with
  // the child on it; a failure rejects with stdout and stderr on the error.
  function promised(original) {
    return (...args) => {
      let resolve;
      let reject;
      const promise = new Promise((yes, no) => { resolve = yes; reject = no; });
      promise.child = original(...args, (error, stdout, stderr) => {
        if (error !== null) {
          error.stdout = stdout;
          error.stderr = stderr;
          reject(error);
        } else {
          resolve({ stdout, stderr });
        }
      });
      return promise;
    };
  }
  for (const fn of [exec, execFile]) {
    ObjectDefineProperty(fn, parts.kPromisifyCustom,
                         { __proto__: null, enumerable: false, value: promised(fn) });
  }

  parts.exports.exec = exec;
  parts.exports.execFile = execFile;
})
