// Many console lines and stream writes to a pipe the reader drains slower
// than they come: nothing is lost, nothing reordered (libuv makes the pipe
// non-blocking once process.stdout opens it).
export function main() {
  process.stdout.write('start\n');
  for (let i = 0; i < 20000; i++) {
    if (i % 1000 === 0) process.stdout.write(`block ${i / 1000}\n`);
    console.log('line', i, 'x'.repeat(i % 50));
  }
  process.stdout.write('end\n');
}
