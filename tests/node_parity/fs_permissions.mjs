// Node's permission model on fs writes: with --allow-fs-write granting only
// args[0], writes, creations and removals elsewhere throw ERR_ACCESS_DENIED
// (the callback form is called back with it at once, the promise form
// rejects), and reads outside the read grants are denied as reads.
import fs from 'node:fs';
import fsp from 'node:fs/promises';

const show = (label, e) => console.log(label, e.message, e.code, e.permission, e.resource);

export async function main(args) {
  const [allowed, denied, source] = args;
  fs.writeFileSync(`${allowed}/ok.txt`, 'fine');
  console.log(fs.readFileSync(`${allowed}/ok.txt`, 'utf8'));
  fs.mkdirSync(`${allowed}/sub/deeper`, { recursive: true });
  fs.renameSync(`${allowed}/ok.txt`, `${allowed}/sub/ok.txt`);
  fs.copyFileSync(source, `${allowed}/sub/copy.mjs`);
  fs.rmSync(`${allowed}/sub`, { recursive: true });
  console.log('allowed dir is empty again', fs.readdirSync(allowed));
  for (const [label, fn] of [
    ['writeFileSync', () => fs.writeFileSync(`${denied}/x.txt`, 'no')],
    ['appendFileSync', () => fs.appendFileSync(`${denied}/x.txt`, 'no')],
    ['mkdirSync', () => fs.mkdirSync(`${denied}/d`)],
    ['openSync w', () => fs.openSync(`${denied}/x.txt`, 'w')],
    ['openSync r+', () => fs.openSync(`${allowed}/../readable.txt`, 'r+')],
    ['rmSync force', () => fs.rmSync(`${denied}/y`, { force: true })],
    ['unlinkSync', () => fs.unlinkSync(`${denied}/y`)],
    ['renameSync', () => fs.renameSync(`${allowed}/nothing`, `${denied}/y`)],
    ['copyFileSync', () => fs.copyFileSync(source, `${denied}/m.mjs`)],
    ['chmodSync', () => fs.chmodSync(`${denied}`, 0o700)],
    ['utimesSync', () => fs.utimesSync(`${denied}`, 1, 1)],
    ['mkdtempSync', () => fs.mkdtempSync(`${denied}/t-`)],
    ['readFileSync', () => fs.readFileSync(`${denied}/secret`)],
    ['statSync', () => fs.statSync(`${denied}`)],
    ['existsSync', () => fs.existsSync(`${denied}/x.txt`)],
    ['writeFile callback', () => fs.writeFile(`${denied}/x.txt`, 'no', (e) => show('  called back', e))],
    ['mkdir callback', () => fs.mkdir(`${denied}/d`, (e) => show('  called back', e))],
  ]) {
    try {
      fn();
      console.log(label, 'returned');
    } catch (e) {
      show(label, e);
    }
  }
  for (const [label, fn] of [
    ['promises.writeFile', () => fsp.writeFile(`${denied}/x.txt`, 'no')],
    ['promises.mkdir', () => fsp.mkdir(`${denied}/q`)],
    ['promises.open', () => fsp.open(`${denied}/q`, 'w')],
    ['promises.rm', () => fsp.rm(`${denied}/q`, { recursive: true, force: true })],
  ]) {
    try {
      await fn();
      console.log(label, 'resolved');
    } catch (e) {
      show(label, e);
    }
  }
}
