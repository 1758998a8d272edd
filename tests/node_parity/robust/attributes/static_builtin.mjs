import fs from 'node:fs' with { type: 'json' };
export default fs;
