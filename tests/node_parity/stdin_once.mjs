// process.stdin.once('data') starts the flow as on('data') does (Readable's
// `on`, reached through EventEmitter's once), and pause() then lets the
// process end with input unread.
export function main() {
  process.stdin.setEncoding('utf8');
  process.stdin.once('data', (chunk) => {
    console.log('first chunk', JSON.stringify(chunk.split('\n')[0]), process.stdin.readableFlowing);
    process.stdin.pause();
    console.log('paused', process.stdin.isPaused(), process.stdin.readableFlowing);
  });
  process.once('exit', (code) => console.log('exit', code));
}
