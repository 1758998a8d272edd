// URL throughput: `new URL()` x1e6 (issue #14's target: within 1.2x of Node),
// with a base, `URL.canParse`, reading components, URLSearchParams and the
// legacy `url.parse`. Prints one JSON line of medians: {"case": microseconds
// per call}. Run by tools/bench/url_throughput under Node and toysnap alike;
// main(args) takes the number of rounds.
import url from 'node:url';

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

// Keeps results alive so no engine can drop the work.
let sink = 0;

function time(calls, fn) {
  const start = performance.now();
  for (let i = 0; i < calls; i++) sink += fn(i);
  return ((performance.now() - start) * 1000) / calls;
}

const inputs = [
  'https://user:pass@example.com:8080/a/b/../c/./d?x=1&y=two#frag',
  'http://example.org/',
  'https://xn--nxasmq6b.example/%7Efoo/bar%20baz?q=%E2%9C%93',
  'file:///home/user/project/src/index.js',
  'HTTP://EXAMPLE.COM:80/path/to/Resource.html',
];

export function main(args) {
  const rounds = Number(args[0] ?? 5);
  const results = {};
  const record = (name, us) => (results[name] ??= []).push(us);
  for (let round = 0; round < rounds; round++) {
    record('new URL x1e6', time(1e6, (i) => new URL(inputs[i % inputs.length]).href.length));
    record('new URL relative to a base', time(2e5, (i) => new URL(`../x/${i}?q`, 'https://example.com/a/b/c').pathname.length));
    record('URL.canParse', time(2e5, (i) => (URL.canParse(inputs[i % inputs.length]) ? 1 : 0)));
    const parsed = new URL(inputs[0]);
    record('read every component', time(2e5, () => parsed.protocol.length + parsed.host.length +
      parsed.pathname.length + parsed.search.length + parsed.hash.length));
    record('URLSearchParams parse and get', time(2e5, () => new URLSearchParams('a=1&b=2&c=%20x&d=4').get('c').length));
    record('legacy url.parse', time(2e5, (i) => url.parse(inputs[i % inputs.length]).pathname.length));
  }
  const medians = {};
  for (const [name, values] of Object.entries(results)) medians[name] = median(values);
  if (sink === 0) throw new Error('no work done');
  console.log(JSON.stringify(medians));
}
