// One backend for history-bench.mjs, in its own process: the real backend defaults
// (createBackend: HTTP server, database, scheduler, auth, permissions), the Network
// Scorecard plugin from its TypeScript sources and an in-memory catalog.
//   node history-bench.backend.mjs --config <app-config.json>   (forked by history-bench.mjs)
// Env: HISTORY_BENCH_ENTITIES, a JSON file of the catalog entities.
// Tells its parent { started: true } once it serves; stops on the message 'stop'.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
require('@backstage/cli/config/nodeTransform.cjs');
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { createBackend } = require('@backstage/backend-defaults');
const {
  catalogServiceMock,
} = require('@backstage/plugin-catalog-node/testUtils');
const { networkScorecardPlugin } = require(resolve(
  root,
  'plugins/network-scorecard-backend/src/plugin.ts',
));

const entities = JSON.parse(
  readFileSync(process.env.HISTORY_BENCH_ENTITIES, 'utf8'),
);
const backend = createBackend();
backend.add(networkScorecardPlugin);
backend.add(catalogServiceMock.factory({ entities }));
backend.start().then(
  () => process.send({ started: true }),
  error => {
    process.stderr.write(`history bench backend failed to start: ${error}\n`);
    process.exit(1);
  },
);
process.on('message', message => {
  if (message !== 'stop') return;
  backend.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
