// `npm run bench`: every benchmark, one after the other, each printing its figures.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const benches = [
  'rules-bench.mjs',
  'collector-bench.mjs',
  'history-bench.mjs',
  'prometheus-bench.mjs',
  'fleet-page-bench.mjs',
];
let failed = false;
for (const bench of benches) {
  const file = resolve(here, bench);
  if (!existsSync(file)) {
    console.error(`missing benchmark ${bench}`);
    failed = true;
    continue;
  }
  console.log(`\n### ${bench}`);
  const run = spawnSync(process.execPath, [file], { stdio: 'inherit' });
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
