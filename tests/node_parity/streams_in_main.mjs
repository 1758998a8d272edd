// Nothing at the top level touches the stream builtins, so a snapshot of this
// program holds none of them: main() loads them after the restore, from the
// runtime's own copy of the packages (natives.loadScript), as from source.
export async function main() {
  const { Readable, Transform } = await import('node:stream');
  const { pipeline } = await import('node:stream/promises');
  const { StringDecoder } = await import('node:string_decoder');
  const decoder = new StringDecoder('utf8');
  const chunks = [];
  await pipeline(
    Readable.from([Buffer.from([0x68, 0xc3]), Buffer.from([0xa9, 0x21])]),
    new Transform({
      transform(chunk, encoding, callback) { callback(null, decoder.write(chunk)); },
      flush(callback) { callback(null, decoder.end()); },
    }),
    async function (source) {
      for await (const chunk of source) chunks.push(`${chunk}`);
    },
  );
  console.log(chunks, (await import('node:stream')).default === (await import('stream')).default);
}
