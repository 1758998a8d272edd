// util.MIMEType / MIMEParams: parsing (whitespace, case, quoted strings,
// duplicate and invalid parameters), serialization, setters, iteration, and
// ERR_INVALID_MIME_SYNTAX with its positions.
import { MIMEType, MIMEParams } from 'node:util';

function tryIt(tag, fn) {
  try {
    console.log(tag, JSON.stringify(fn()));
  } catch (error) {
    console.log(tag, `${error.name} [${error.code}]: ${error.message}`);
  }
}

export function main() {
  const mime = new MIMEType(' Text/HTML; Charset="utf-8"; a=b; a=c; q="x\\"y"; bad name=1; e=; f ; g="unterminated\\');
  console.log(String(mime), JSON.stringify(mime), mime.type, mime.subtype, mime.essence);
  console.log([...mime.params], [...mime.params.keys()], [...mime.params.values()], mime.params.toString());
  console.log(mime.params.get('charset'), mime.params.get('nope'), mime.params.has('a'), JSON.stringify(mime.params));
  for (const text of ['', 'text', 'te xt/html', 'text/', 'text/ht ml', '/html', ' text/html ', 'a/b;c="d" junk;e=f',
    'a/b;;;c=d', 'a/b; C=D', 'a/b;c="\\', 'a/b;c=\u0100;d=e', 'A/B;x=1;X=2', 'text/plain;charset=', 'x/y; k = v ']) {
    tryIt(JSON.stringify(text), () => String(new MIMEType(text)));
  }
  mime.type = 'Application';
  mime.subtype = 'JSON';
  mime.params.set('empty', '');
  mime.params.set('spaced', 'a b');
  mime.params.set('quote', 'say "hi"');
  mime.params.delete('a');
  console.log(String(mime));
  tryIt('bad type', () => { mime.type = 'a b'; });
  tryIt('empty subtype', () => { mime.subtype = ''; });
  tryIt('bad name', () => mime.params.set('x y', 1));
  tryIt('bad value', () => mime.params.set('x', '\u0100'));
  const params = new MIMEParams();
  params.set('k', 'v');
  console.log(params.toString(), [...params], typeof MIMEParams.prototype[Symbol.iterator]);
}
