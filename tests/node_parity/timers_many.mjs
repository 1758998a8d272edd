// Many timers, most of them cleared, and refresh(): the firing order is Node's.
// Delays differ by 40 ms, far more than scheduling them takes, because Node
// (and toysnap) read the clock at every setTimeout: closer ones would race
// under Node, and on a loaded machine a stall while they are set would too.
const fired = [];

export async function main() {
  const timers = [];
  for (let i = 0; i < 300; i++) timers.push(setTimeout(() => fired.push(i), (i % 5) * 40));
  for (let i = 0; i < 300; i++) if (i % 6 !== 0) clearTimeout(timers[i]);
  for (let i = 300; i < 350; i++) setTimeout(() => fired.push(i), 300 - (i % 3) * 40);
  // refresh() re-queues a timer behind one of the same delay created after it.
  const first = setTimeout(() => fired.push('first, refreshed'), 400);
  setTimeout(() => fired.push('second'), 400);
  first.refresh();
  await new Promise((resolve) => setTimeout(resolve, 460));
  console.log(fired.length, fired.join(' '));
}
