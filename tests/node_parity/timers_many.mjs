// Many timers, most of them cleared, and refresh(): the firing order is Node's.
// Delays differ by 10 ms, far more than scheduling them takes, because Node
// reads the clock at every setTimeout: closer ones would race under Node.
const fired = [];

export async function main() {
  const timers = [];
  for (let i = 0; i < 300; i++) timers.push(setTimeout(() => fired.push(i), (i % 5) * 10));
  for (let i = 0; i < 300; i++) if (i % 6 !== 0) clearTimeout(timers[i]);
  for (let i = 300; i < 350; i++) setTimeout(() => fired.push(i), 70 - (i % 3) * 10);
  // refresh() re-queues a timer behind one of the same delay created after it.
  const first = setTimeout(() => fired.push('first, refreshed'), 100);
  setTimeout(() => fired.push('second'), 100);
  first.refresh();
  await new Promise((resolve) => setTimeout(resolve, 150));
  console.log(fired.length, fired.join(' '));
}
