// import() from CommonJS and from several calls in one statement.
import { createRequire } from 'node:module';

export async function main() {
  await createRequire(import.meta.url)('./dynamic_cjs.cjs').run();
  const results = await Promise.allSettled([import('./other.json'), import('./data.json', { with: { type: 'json' } })]);
  console.log(results.map((r) => r.status).join(' '));
  const crlf = await import('./crlf_lines.mjs');
  console.log('crlf', (await crlf.typed()).default.a, await crlf.untyped().catch((e) => e.code));
}
