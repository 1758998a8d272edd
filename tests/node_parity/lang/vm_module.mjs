// vm: scripts in this context and in sandbox contexts (globals through the
// sandbox), timeouts, compileFunction, code caches, argument errors.
import vm from 'node:vm';
export function main() {
  const attempt = (label, f) => { try { console.log(label, f()); } catch (e) { console.log(label, '!!', e.name, e.code, e.message); } };
  attempt('this', () => vm.runInThisContext('1 + 2'));
  globalThis.shared = 5;
  attempt('this global', () => vm.runInThisContext('shared * 2'));
  attempt('stack', () => vm.runInThisContext('\nthrow new Error("x")', { filename: 'g.js', lineOffset: 2 }));
  try { vm.runInThisContext('\n  throw new Error("x")', { filename: 'g.js', lineOffset: 2 }); } catch (e) { console.log(e.stack.split('\n').find((l) => l.trim().startsWith('at '))); }
  try { new vm.Script('a b', { filename: 'f.js' }); } catch (e) { console.log(e.name); }
  attempt('not context', () => vm.runInContext('1', {}));
  attempt('timeout', () => vm.runInNewContext('while (true) {}', {}, { timeout: 20 }));
  attempt('after timeout', () => vm.runInThisContext('"still runs"'));
  attempt('bad timeout', () => vm.runInThisContext('1', { timeout: -1 }));
  attempt('bad filename', () => new vm.Script('1', { filename: 1 }));
  const s = new vm.Script('x = 1; var y = 2; function f() { return y; }; this.z = 3; typeof Array');
  const sb = { x: 0 };
  attempt('new context', () => s.runInNewContext(sb));
  console.log(sb.x, sb.y, typeof sb.f, sb.f(), sb.z, Object.keys(sb).sort());
  console.log(vm.isContext(sb), vm.isContext({}), vm.createContext(sb) === sb);
  attempt('isContext 1', () => vm.isContext(1));
  const ctx = vm.createContext({ n: 1, log: [] });
  vm.runInContext('n += 1; log.push(typeof process, typeof require, typeof globalThis.n)', ctx);
  vm.runInContext('n += 1', ctx);
  console.log(ctx.n, ctx.log);
  console.log(vm.runInContext('[] instanceof Array', ctx), vm.runInContext('[]', ctx) instanceof Array);
  ctx.later = 'added';
  console.log(vm.runInContext('later', ctx), vm.runInContext('delete n; typeof n', ctx), 'n' in ctx);
  attempt('error class', () => vm.runInContext('null.x', ctx));
  try { vm.runInContext('null.x', ctx); } catch (e) { console.log(e instanceof TypeError, e.name); }
  console.log(vm.compileFunction('return a + b', ['a', 'b'])(1, 2), JSON.stringify(vm.compileFunction('return a', ['a']).name));
  console.log(vm.compileFunction('return typeof n + x', [], { parsingContext: ctx, contextExtensions: [{ x: '!' }] })());
  attempt('compileFunction params', () => vm.compileFunction('1', 'a'));
  const cached = s.createCachedData();
  console.log(Buffer.isBuffer(cached), cached.length > 0);
  const again = new vm.Script('x = 1; var y = 2; function f() { return y; }; this.z = 3; typeof Array', { cachedData: cached });
  console.log(again.cachedDataRejected, new vm.Script('1', { produceCachedData: true }).cachedDataProduced);
  console.log(Object.keys(vm).filter((k) => !['measureMemory', 'constants'].includes(k)));
}
