// The process, os, util and timers details Node's own tests check, compared
// with Node: process.env's string values, symbol keys and descriptor rules;
// the frozen process.config; nextTick's argument error; emitWarning's event
// objects (name, code, detail) on the next tick and util.deprecate through it;
// os.EOL/devNull read-only, os priority validation and SystemError;
// timers/promises' scheduler constructor; util.isDeepStrictEqual; the ids,
// cpuUsage (and its checks), resourceUsage and memory limits; kill (through
// process._kill) and umask checks; the credential setters' errors (no id is
// really changed); getActiveResourcesInfo's timers and immediates.
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { scheduler } from 'node:timers/promises';

const show = (label, fn) => {
  try {
    console.log(label, JSON.stringify(fn()));
  } catch (e) {
    console.log(label, 'throws', e.name, e.code, e.message);
  }
};

export async function main() {
  const symbol = Symbol('s');
  show('env symbol get', () => process.env[symbol]);
  show('env symbol set', () => { process.env[symbol] = 1; });
  show('env symbol value', () => { process.env.TOYSNAP_T = symbol; });
  show('env symbol in', () => symbol in process.env);
  show('env delete symbol', () => delete process.env[symbol]);
  show('env number', () => { process.env.TOYSNAP_T = 42; return process.env.TOYSNAP_T; });
  show('env delete', () => [delete process.env.TOYSNAP_T, process.env.TOYSNAP_T, 'TOYSNAP_T' in process.env]);
  show('env defineProperty partial', () => Object.defineProperty(process.env, 'TOYSNAP_T', { value: 'x' }));
  show('env defineProperty accessor', () => Object.defineProperty(process.env, 'TOYSNAP_T', { get() { return 1; } }));
  show('env defineProperty full', () => {
    Object.defineProperty(process.env, 'TOYSNAP_T', { value: 7, writable: true, enumerable: true, configurable: true });
    return process.env.TOYSNAP_T;
  });
  show('env inherited', () => [typeof process.env.hasOwnProperty, 'toString' in process.env]);
  show('env tag', () => Object.prototype.toString.call(process.env));
  delete process.env.TOYSNAP_T;

  show('config frozen', () => [Object.isFrozen(process.config), Object.isFrozen(process.config.variables)]);
  show('config assign', () => { 'use strict'; process.config.variables = 1; });
  for (const value of [null, 1, 'x', {}]) show(`nextTick ${String(value)}`, () => process.nextTick(value));

  const warnings = [];
  process.on('warning', (w) => warnings.push([w.name, w.code, w.message, w.detail, w instanceof Error]));
  process.emitWarning('plain');
  process.emitWarning('typed', 'CustomWarning', 'CODE1');
  process.emitWarning('with options', { type: 'OptionsWarning', code: 'CODE2', detail: 'more detail' });
  process.emitWarning(new RangeError('an error'));
  show('emitWarning number', () => process.emitWarning(1));
  show('emitWarning bad type', () => process.emitWarning('x', 5));
  const old = util.deprecate(() => 'old result', 'old() is deprecated', 'DEP_TOYSNAP');
  show('deprecated call', () => [old(), old()]);
  clearTimeout(setTimeout(() => {}, 2 ** 31));  // TimeoutOverflowWarning
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'toysnap-rmdir-'));
  fs.rmdirSync(fs.mkdtempSync(path.join(dir, 'tX')), { recursive: true });  // mkdtemp's X warning
  fs.rmdirSync(dir, { recursive: true });  // DEP0147, once
  show('rmdir recursive removed', () => fs.existsSync(dir));
  console.log('warnings before the tick', warnings.length);
  await new Promise((resolve) => setImmediate(resolve));
  for (const w of warnings) console.log('warning', JSON.stringify(w));

  show('os.EOL assign', () => { 'use strict'; os.EOL = 'x'; });
  show('os.EOL descriptor', () => Object.getOwnPropertyDescriptor(os, 'EOL'));
  show('os.devNull', () => os.devNull);
  for (const pid of [null, 'x', 3.5, 2 ** 32]) show(`getPriority ${pid}`, () => os.getPriority(pid));
  for (const priority of [-21, 20, 'x']) show(`setPriority ${priority}`, () => os.setPriority(0, priority));
  try {
    os.getPriority(-1);
  } catch (e) {
    console.log('getPriority -1', e.name, e.code, e.message, JSON.stringify(e.info), e.errno, e.syscall, String(e));
  }
  show('ids', () => [process.getuid(), process.geteuid(), process.getgid(), process.getegid(), process.getgroups()]);
  show('constrainedMemory', () => process.constrainedMemory());
  show('availableMemory', () => typeof process.availableMemory());
  show('resourceUsage', () => Object.entries(process.resourceUsage()).map(([k, v]) => [k, typeof v]));
  const usage = process.cpuUsage();
  show('cpuUsage', () => [Object.keys(usage), usage.user >= 0, process.cpuUsage(usage).system >= 0]);
  for (const value of [1, {}, { user: 'a' }, { user: 3, system: null }, { user: -1, system: 2 }, { user: 1, system: Infinity }]) {
    show(`cpuUsage ${JSON.stringify(value)}`, () => process.cpuUsage(value));
  }
  for (const pid of ['SIGTERM', null, NaN, Infinity]) show(`kill ${String(pid)}`, () => process.kill(pid));
  show('kill unknown signal', () => process.kill(0, 'SIGNOPE'));
  show('kill bad signal number', () => process.kill(0, 987));
  const killed = [];
  const realKill = process._kill;
  process._kill = (pid, signal) => { killed.push([pid, signal]); return 0; };
  process.kill('0', 'SIGHUP');
  process.kill(-1);
  process.kill(0, 15);
  process._kill = realKill;
  show('kill through _kill', () => killed);
  for (const mask of [{}, '123x', '999', -1, 1.5]) show(`umask ${JSON.stringify(mask)}`, () => process.umask(mask));
  show('umask round trip', () => { const old = process.umask('0027'); return [process.umask(old), process.umask() === old]; });
  for (const id of [{}, -1, 1.5, 'no-such-user-toysnap']) show(`setuid ${JSON.stringify(id)}`, () => process.setuid(id));
  show('setegid unknown', () => process.setegid('no-such-group-toysnap'));
  show('setgroups not array', () => process.setgroups());
  show('setgroups bad item', () => process.setgroups([1, null]));
  show('setgroups unknown', () => process.setgroups([1, 'no-such-group-toysnap']));
  show('initgroups bad', () => process.initgroups('root', true));
  show('initgroups unknown group', () => process.initgroups('root', 'no-such-group-toysnap'));
  const resources = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout' || r === 'Immediate');
  show('resources before', resources);
  const timers = [setTimeout(() => {}, 1000), setTimeout(() => {}, 1000), setInterval(() => {}, 1000)];
  const immediate = setImmediate(() => {});
  timers[1].unref();
  show('resources with timers', resources);
  for (const t of timers) clearTimeout(t);
  clearImmediate(immediate);
  await new Promise((resolve) => {
    const t = setTimeout(() => {
      show('resources in a callback', resources);
      clearTimeout(t);
      show('resources after clearing itself', resources);
      resolve();
    }, 1);
  });
  show('process prototype', () => [process.constructor.name, Object.getPrototypeOf(process) === process.constructor.prototype,
    Object.getPrototypeOf(process.constructor.prototype) === EventEmitter.prototype,
    Object.prototype.toString.call(process)]);
  show('scheduler constructor', () => new scheduler.constructor());
  show('isDeepStrictEqual', () => [util.isDeepStrictEqual({ a: [1] }, { a: [1] }), util.isDeepStrictEqual([1], ['1'])]);
}
