// Blob, File, object URLs, atob/btoa, isAscii/isUtf8 and transcode.
import { Blob, File, atob, btoa, isAscii, isUtf8, resolveObjectURL, transcode, Buffer } from 'node:buffer';
import util from 'node:util';

function show(label, fn) {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}

export async function main() {
  show('globals', () => [globalThis.Blob === Blob, globalThis.File === File, atob === globalThis.atob]);
  const blob = new Blob(['héllo ', new Uint8Array([0x77, 0x6f]), Buffer.from('rld'), new Blob(['!'])],
    { type: 'Text/Plain' });
  show('blob', () => [blob.size, blob.type, util.inspect(blob), Object.prototype.toString.call(blob)]);
  console.log('text', await blob.text());
  console.log('arrayBuffer', Buffer.from(await blob.arrayBuffer()));
  const part = blob.slice(1, -2, 'X/Y');
  console.log('slice', part.size, part.type, await part.text(), await blob.slice(-3).text(), blob.slice(5, 2).size);
  show('blob bad sources', () => new Blob('abc'));
  show('blob null', () => new Blob(null));
  show('blob endings', () => new Blob([], { endings: 'weird' }));
  show('blob type chars', () => new Blob([], { type: 'a\u00e9b' }).type);
  const file = new File(['abc'], 'name.txt', { type: 'text/plain', lastModified: 42 });
  show('file', () => [file.name, file.size, file.type, file.lastModified, file instanceof Blob,
    util.inspect(file), Object.prototype.toString.call(file)]);
  show('file args', () => new File(['a']));
  show('file NaN date', () => new File([], 'f', { lastModified: 'x' }).lastModified);
  const url = URL.createObjectURL(blob);
  show('object url', () => [url.startsWith('blob:nodedata:'), resolveObjectURL(url)?.size, resolveObjectURL('blob:nodedata:nope'),
    resolveObjectURL('not a url')]);
  URL.revokeObjectURL(url);
  show('revoked', () => resolveObjectURL(url));
  show('createObjectURL bad', () => URL.createObjectURL('x'));
  show('revokeObjectURL no args', () => URL.revokeObjectURL());
  show('btoa', () => [btoa('hello'), btoa('\u00ff'), atob('aGVsbG8='), atob(' aGVs bG8 ')]);
  show('btoa wide', () => btoa('€'));
  show('atob bad', () => atob('a'));
  show('atob none', () => atob());
  show('isAscii', () => [isAscii(Buffer.from('abc')), isAscii(Buffer.from('é')), isAscii(new ArrayBuffer(2)),
    isAscii(new Uint16Array([0x8000]))]);
  show('isUtf8', () => [isUtf8(Buffer.from('é€😀')), isUtf8(Buffer.from([0xc0, 0xaf])), isUtf8(Buffer.from([0xed, 0xa0, 0x80])),
    isUtf8(new Uint8Array(0))]);
  show('isUtf8 bad', () => isUtf8('abc'));
  show('transcode', () => [transcode(Buffer.from('héllo €'), 'utf8', 'latin1'), transcode(Buffer.from('héllo €'), 'utf8', 'ascii'),
    transcode(Buffer.from('hé'), 'utf8', 'ucs2'), transcode(Buffer.from('hé', 'ucs2'), 'ucs2', 'utf8'),
    transcode(Buffer.from([0x68, 0xe9]), 'latin1', 'utf8'), transcode(Buffer.alloc(0), 'utf8', 'hex')]);
  show('transcode bad', () => transcode(Buffer.from('a'), 'utf8', 'hex'));
  const edges = [[[0xff, 0x41], 'utf8', 'ucs2'], [[0xff, 0x41], 'utf8', 'latin1'], [[0xff, 0x41], 'utf8', 'ascii'],
    [[0x00, 0xd8, 0x41, 0x00], 'ucs2', 'utf8'], [[0x00, 0xd8, 0x41, 0x00], 'ucs2', 'latin1'], [[0x41], 'ucs2', 'utf8'],
    [[0xe9, 0x80], 'latin1', 'ascii'], [[0xe9, 0x80], 'ascii', 'utf8'], [[0xe9, 0x80], 'ascii', 'ucs2'],
    [[0xe9], 'binary', 'UCS-2'], [[0xc0, 0xaf], 'utf8', 'utf8'], [[0xac, 0x20], 'ucs2', 'ucs2'], [[0xac, 0x20, 0x41], 'ucs2', 'ascii']];
  for (const [bytes, from, to] of edges) show(`transcode ${from} ${to}`, () => transcode(Buffer.from(bytes), from, to));
  show('transcode error props', () => { try { transcode(Buffer.from('a'), 'utf8', 'base64'); } catch (e) { return [e.name, e.code, e.errno, Object.keys(e)]; } });
  show('transcode source', () => transcode('a', 'utf8', 'latin1'));
}
