// One backend for history-bench.mjs, in its own process: the real backend defaults
// (createBackend: HTTP server, database, scheduler, auth, permissions), the Network
// Scorecard plugin from its TypeScript sources and an in-memory catalog.
//   node history-bench.backend.mjs --config <app-config.json>   (forked by history-bench.mjs)
// Env: HISTORY_BENCH_ENTITIES, a JSON file of the catalog entities.
// Tells its parent { started: true } once it serves; stops on the message 'stop'.
// Writes on { write: { id, method, args } } (a store method: recordAttempt, insertScan) and
// answers { wrote: id, error? }: through the plugin's own database client, as a scan of this
// backend writes (on SQLite another connection's write would also empty this one's page cache).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
require('@backstage/cli/config/nodeTransform.cjs');
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { createBackend } = require('@backstage/backend-defaults');
const {
  coreServices,
  createBackendModule,
} = require('@backstage/backend-plugin-api');
const {
  catalogServiceMock,
} = require('@backstage/plugin-catalog-node/testUtils');
const { networkScorecardPlugin } = require(resolve(
  root,
  'plugins/network-scorecard-backend/src/plugin.ts',
));
const { DatabaseScanStore } = require(resolve(
  root,
  'plugins/network-scorecard-backend/src/database/DatabaseScanStore.ts',
));

const WRITES = new Set(['recordAttempt', 'insertScan']);
const benchWriter = createBackendModule({
  pluginId: 'network-scorecard',
  moduleId: 'history-bench-writer',
  register(env) {
    env.registerInit({
      deps: { database: coreServices.database },
      async init({ database }) {
        // the plugin's knex (one per plugin); its migrations have run or run first
        const store = new DatabaseScanStore(await database.getClient());
        process.on('message', message => {
          const write = message?.write;
          if (!write) return;
          const done = error =>
            process.send({ wrote: write.id, error: error && String(error) });
          if (!WRITES.has(write.method)) {
            done(new Error(`not a write: ${write.method}`));
            return;
          }
          store[write.method](...write.args).then(() => done(), done);
        });
      },
    });
  },
});

const entities = JSON.parse(
  readFileSync(process.env.HISTORY_BENCH_ENTITIES, 'utf8'),
);
const backend = createBackend();
backend.add(networkScorecardPlugin);
backend.add(benchWriter);
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
