// prettier through its API (the main entry, which also imports node:v8):
// JavaScript, TypeScript, CSS, Markdown, JSON and YAML formatted, a file read
// with fs and checked, and a syntax error's message, as Node prints them.
import * as prettier from 'prettier';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const sources = [
  ['babel', 'const  add=(a,b)=>{return a+b}\nexport default   { add, list:[1,2,3].map(x=>x*2) }'],
  ['typescript', 'interface P{ name:string; age?:number }\nfunction greet(p:P):string{return `hi ${p.name}`}'],
  ['css', 'a{color:red;background:blue}  .b  >  .c{margin:0 auto}'],
  ['markdown', '# Title\n\n* one\n* two\n\nSome   *text*   here.'],
  ['json', '{"a":1,"b":[true,false,null],"c":{"d":"e"}}'],
  ['yaml', 'key:   value\nlist:\n    - a\n    -   b'],
];

// prettier imports each language's plugin on first use: a snapshot built
// after these holds them all, so a restored run reads no source file.
for (const [parser] of sources) await prettier.format('', { parser });

export async function main() {
  for (const [parser, source] of sources) {
    process.stdout.write(`--- ${parser}\n` + await prettier.format(source, { parser }));
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prettier-app-'));
  const file = path.join(dir, 'input.js');
  fs.writeFileSync(file, 'let x = {a:1,\nb:2}\n');
  const text = fs.readFileSync(file, 'utf8');
  const options = { filepath: file, semi: false, singleQuote: true };
  console.log('check before:', await prettier.check(text, options));
  const formatted = await prettier.format(text, options);
  fs.writeFileSync(file, formatted);
  console.log('check after:', await prettier.check(fs.readFileSync(file, 'utf8'), options));
  fs.rmSync(dir, { recursive: true });
  try {
    await prettier.format('let = ;', { parser: 'babel' });
  } catch (error) {
    console.log(error.name, error.message.split('\n')[0]);
  }
}
