// Node 20's autoSelectFamily: a host with an IPv6 and an IPv4 address, the
// first refusing, connects through the second; both refusing fail with an
// AggregateError of the two; the lookup is asked for all addresses.
import net from 'node:net';
export function main() {
  const server = net.createServer((s) => s.end('hi')).listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    const lookup = (host, options, cb) => {
      console.log('lookup options', JSON.stringify(options));
      cb(null, [{ address: '::1', family: 6 }, { address: '127.0.0.1', family: 4 }]);
    };
    const c = net.connect({ port, host: 'dual.example', lookup });
    c.on('lookup', (e, ip, f, h) => console.log('lookup event', e, ip, f, h));
    c.on('connect', () => console.log('connected', c.remoteAddress, c.autoSelectFamilyAttemptedAddresses.map((a) => a.replace(String(port), 'P'))));
    c.on('data', (d) => console.log('data', String(d)));
    c.on('close', () => {
      const both = (host, options, cb) => cb(null, [{ address: '::1', family: 6 }, { address: '127.0.0.1', family: 4 }]);
      const d = net.connect({ port: 1, host: 'dual.example', lookup: both });
      d.on('error', (e) => { console.log(e.constructor.name, e.code, JSON.stringify(e.message), e.errors.map((x) => x.message)); server.close(); });
    });
  });
}
