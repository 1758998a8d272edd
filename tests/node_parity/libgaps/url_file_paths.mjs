// url.pathToFileURL / fileURLToPath as Node 20.20.2 has them: the `windows`
// option (drive letters, UNC and \\?\ paths), percent-encoding of every
// character URL syntax would misread, and the errors for bad input.
import url from 'node:url';
import util from 'node:util';

function show(label, fn) {
  try {
    const value = fn();
    console.log(label, util.inspect(value instanceof URL ? value.href : value));
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}

const paths = [
  '/foo', '/dir/', '/', '//', '/a/../b/./c', 'rel', 'rel/', 'rel\\', 'test/%', '/foo bar',
  '/foo?bar', '/foo#bar', '/foo%bar', '/foo\\bar', '/foo\bbar', '/foo\tbar\nx\ry',
  '/foo\r\n\t<>"#%{}|^[\\~]`?bar', "/!$&'()*+,-.:;=@_", '/fóóbàr', '/€', '/🚀', '/\ud800x', '/x\udc00',
  'C:\\foo', 'C:\\FOO', 'C:\\dir\\', 'C:\\', 'C:/', 'C:foo', 'c:', 'C:\\foo:bar', 'C:\\foo^bar',
  'C:\\foo[bar]', 'C:\\a\\..\\..\\', 'C:\\a\\.', 'C:\\€\\🚀', 'C:\\x\\%2e%2e',
  '\\\\?\\C:\\path\\to\\file.txt', '\\\\?\\', '\\\\?\\x', '\\\\?\\C:', '\\\\?\\c:\\a\\..\\b',
  '\\\\?\\\\x\\y', '\\\\nas\\My Docs\\File.doc', '\\\\?\\UNC\\server\\share\\folder\\file.txt',
  '\\\\?\\UNC\\\\x', '\\\\h\\', '\\\\h\\s\\..\\..\\t', '\\\\localhost\\s\\t', '\\\\H\\S',
  '\\\\ÄB\\c', '\\\\xn--x\\y', '\\\\a b\\c', '\\\\[::1]\\s', '\\\\1.2.3.4\\s', '\\\\%41\\s',
  '\\\\.\\C:\\x', '\\\\h\\s#?', '\\\\host', '\\\\\\no-server', '\\\\?\\UNC\\', '\\\\?\\UNC\\x',
];

const fileUrls = [
  'file:///C:/x', 'file:///x', 'file://h/s/x', 'file://xn--b-zfa/s/x', 'file:///C:/a%2fb',
  'file:///C:/a%5cb', 'file:///C:/a%20b/', 'file:///c|/x', 'file://h/x', 'file:///a%2Fb',
  'file:///a%5Cb', 'file:///%E2%82%AC', 'file://localhost/etc', 'http://x/', 'file:///C:',
];

export function main() {
  for (const p of paths) {
    for (const options of [undefined, { windows: true }, { windows: false }]) {
      show(`to ${JSON.stringify(p)} ${JSON.stringify(options)}`, () => url.pathToFileURL(p, options));
    }
  }
  for (const options of [null, {}, { windows: 1 }, { windows: 0 }, 5, 'x']) {
    show(`options ${util.inspect(options)}`, () => url.pathToFileURL('C:\\x', options));
  }
  for (const u of fileUrls) {
    for (const options of [undefined, { windows: true }]) {
      show(`from ${u} ${JSON.stringify(options)}`, () => url.fileURLToPath(u, options));
    }
  }
  show('from URL', () => url.fileURLToPath(new URL('file:///C:/x'), { windows: true }));
  show('from url-like', () => url.fileURLToPath({ href: 'file:///x', protocol: 'file:', hostname: '', pathname: '/y' }));
  // Every 16-bit code unit below 0x7FFF, as Node's own test has it.
  const all = `/${Array.from({ length: 0x7FFF }, (_, i) => String.fromCharCode(i)).join('')}`;
  const href = url.pathToFileURL(all, { windows: false }).href;
  console.log('all chars', href.length, href.slice(0, 400));
  console.log('round trip', url.fileURLToPath(url.pathToFileURL('/a b/%/ü/#?')));
  for (const bad of [undefined, null, true, 42, 42n, Symbol('42'), {}, [], () => {}, new String('x'),
                     { toString() { return '/x'; } }]) {
    show(`bad path ${typeof bad}`, () => url.pathToFileURL(bad));
    show(`bad url ${typeof bad}`, () => url.fileURLToPath(bad));
  }
  show('bad url string', () => url.fileURLToPath('not a url'));
}
