// dns.lookup and dns/promises lookup: localhost, IP literals, families,
// `all`, the argument checks, and ENOTFOUND.
import dns from 'node:dns';
import dnsPromises from 'node:dns/promises';

export async function main() {
  const lookup = (host, options) => new Promise((resolve) => {
    dns.lookup(host, options, (error, address, family) => resolve([error?.code ?? null, address, family]));
  });
  console.log('localhost', await lookup('localhost', {}));
  console.log('family 4', await lookup('localhost', 4));
  console.log('IPv4 by name', await lookup('localhost', { family: 'IPv4' }));
  console.log('all', await lookup('localhost', { all: true }));
  console.log('literal', await lookup('127.0.0.1', {}), await lookup('::1', { all: true }));
  console.log('promises', await dnsPromises.lookup('localhost'),
              await dnsPromises.lookup('localhost', { all: true }),
              await dns.promises.lookup('10.1.2.3'));
  for (const bad of [
    () => dns.lookup(1, () => {}),
    () => dns.lookup('x', { family: 5 }, () => {}),
    () => dns.lookup('x', { all: 'yes' }, () => {}),
    () => dns.lookup('x', {}),
    () => dns.lookup('x', 'opts', () => {}),
    () => dns.lookup('x', { hints: 12345 }, () => {}),
  ]) {
    try { bad(); } catch (error) { console.log(error.code, error.message); }
  }
  const error = await dnsPromises.lookup('nonexistent.invalid').catch((e) => e);
  console.log(error.message, error.code, error.syscall, error.hostname, Object.keys(error));
  console.log(dns.ADDRCONFIG, dns.V4MAPPED, dns.ALL, dns.NOTFOUND, dns.getDefaultResultOrder());
}
