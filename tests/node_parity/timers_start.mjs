// A timer's delay counts from its setTimeout call, not from the start of the
// loop turn it was set in, and timers run by due time, then creation order.
// Busy waits are far longer than the delays, so Node's own order is not
// timing-bound; elapsed times are only checked from below.
const spin = (ms) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function main() {
  const order = [];
  setTimeout(() => order.push('2 ms, set first'), 2);
  spin(20);
  setTimeout(() => order.push('1 ms, set 20 ms later'), 1);
  setTimeout(() => order.push('1 ms, set after that'), 1);
  await sleep(30);
  console.log(order.join('; '));

  spin(100);
  const set = performance.now();
  const elapsed = await new Promise((resolve) => setTimeout(() => resolve(performance.now() - set), 60));
  // libuv's clock has whole milliseconds: Node may fire up to 1 ms early.
  console.log('after a busy turn, 60 ms timer waited >= 59 ms:', elapsed >= 59);

  const inner = await new Promise((resolve) => setTimeout(() => {
    spin(100);
    const start = performance.now();
    setTimeout(() => resolve(performance.now() - start), 60);
  }, 1));
  console.log('set in a callback after a busy wait, waited >= 59 ms:', inner >= 59);

  // An interval's next period starts when its callback is called.
  let ticks = 0;
  const starts = [];
  await new Promise((resolve) => {
    const interval = setInterval(() => {
      starts.push(performance.now());
      if (++ticks === 3) { clearInterval(interval); resolve(); }
    }, 30);
  });
  console.log('interval periods >= 29 ms:', starts[1] - starts[0] >= 29 && starts[2] - starts[1] >= 29);
}
