// process.stdin by async iteration and by pause/resume, bytes as Buffers.
export async function main() {
  const chunks = [];
  let total = 0;
  process.stdin.pause();
  console.log('paused', process.stdin.isPaused());
  process.stdin.resume();
  for await (const chunk of process.stdin) {
    chunks.push(chunk);
    total += chunk.length;
  }
  const text = Buffer.concat(chunks).toString('utf8');
  console.log('bytes', total, Buffer.isBuffer(chunks[0] ?? Buffer.alloc(0)));
  console.log('words', text.split(/\s+/).filter(Boolean).reverse().join(' '));
  console.log('ended', process.stdin.readableEnded);
}
