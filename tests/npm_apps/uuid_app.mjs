// uuid, every major version from 3 to 14: name-based UUIDs (v3 on md5, v5 on
// sha1, through crypto.createHash) must equal Node's; random and time-based
// ones must have their version's shape. Some are made at build time.
import { createRequire } from 'node:module';
import * as uuid14 from 'uuid';
import * as uuid13 from 'uuid13';
import * as uuid11 from 'uuid11';
import * as uuid10 from 'uuid10';
import * as uuid9 from 'uuid9';
import * as uuid8 from 'uuid8';

const require = createRequire(import.meta.url);
const uuid7 = require('uuid7');
const uuid3 = { v1: require('uuid3/v1'), v3: require('uuid3/v3'), v4: require('uuid3/v4'), v5: require('uuid3/v5') };

const kDns = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
const kUrl = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';
const shape = (version) => new RegExp(`^[0-9a-f]{8}-[0-9a-f]{4}-${version}[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`);
const atBuild = uuid14.v5('built at build time', kUrl);
const randomAtBuild = uuid14.v4();

function report(name, lib, extras) {
  const named = [lib.v3('example.com', kDns), lib.v5('example.com', kDns), lib.v3('héllo wörld', kUrl),
    lib.v5('héllo wörld', kUrl), lib.v5([...Buffer.from('bytes')], kDns)];
  const shapes = [shape(1).test(lib.v1()), shape(4).test(lib.v4()), shape(4).test(lib.v4()) && lib.v4() !== lib.v4()];
  console.log(name, named.join(' '), shapes.join(','), ...extras(lib));
}

export function main() {
  console.log('build', atBuild, shape(4).test(randomAtBuild), randomAtBuild !== uuid14.v4());
  const modern = (lib) => [lib.validate(lib.v5('x', kDns)), lib.version(lib.v3('x', kDns)),
    lib.stringify(lib.parse(kUrl)) === kUrl, lib.NIL];
  report('uuid14', uuid14, (lib) => [...modern(lib), shape(6).test(lib.v6()), shape(7).test(lib.v7()),
    lib.MAX, lib.v1ToV6(lib.v1({ msecs: 0, nsecs: 0, clockseq: 1, node: [1, 2, 3, 4, 5, 6] }))]);
  report('uuid13', uuid13, (lib) => [...modern(lib), shape(7).test(lib.v7())]);
  report('uuid11', uuid11, (lib) => [...modern(lib), shape(7).test(lib.v7()),
    lib.v7({ msecs: 1700000000000, seq: 5, random: new Uint8Array(16).fill(9) })]);
  report('uuid10', uuid10, (lib) => [...modern(lib), shape(6).test(lib.v6())]);
  report('uuid9', uuid9, modern);
  report('uuid8', uuid8, modern);
  report('uuid7', uuid7, () => []);
  report('uuid3', uuid3, () => [uuid3.v4({ random: new Array(16).fill(0x11) })]);
  const buffer = Buffer.alloc(20);
  uuid8.v5('in a buffer', kDns, buffer, 2);
  console.log('offset', buffer.toString('hex'));
}
