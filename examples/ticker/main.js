// Timers and async work: a build-time warm-up, then a countdown at run time.
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Top-level await: the build waits for this before it writes the heap.
const warmedUp = await sleep(5).then(() => 'warmed up at build time');

export async function main(args) {
  console.log(warmedUp);
  let remaining = Number(args[0] ?? 3);
  await new Promise((resolve) => {
    const timer = setInterval(() => {
      console.log('tick', remaining);
      if (--remaining === 0) {
        clearInterval(timer);
        resolve();
      }
    }, 10);
  });
  process.nextTick(() => console.log('done'));
}
