// process.stdin as a filter: lines read from a pipe with setEncoding and
// 'data'/'end', in chunks however they come; the loop stays alive while
// stdin is read and ends at its EOF.
export function main() {
  const input = process.stdin;
  console.log('stdin', input.readable, input.readableFlowing, input.isPaused(), input.fd);
  input.setEncoding('utf8');
  let pending = '';
  let count = 0;
  input.on('data', (chunk) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop();
    for (const line of lines) console.log(`${++count}: ${line.toUpperCase()}`);
  });
  input.on('end', () => {
    if (pending !== '') console.log(`${++count}: ${pending.toUpperCase()} (no newline)`);
    console.log('end after', count, 'lines', input.readableEnded);
  });
  input.on('close', () => console.log('close'));
}
