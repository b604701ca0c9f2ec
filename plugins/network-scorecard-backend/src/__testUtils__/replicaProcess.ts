/**
 * One backend replica in its own process, as a platform team runs them: the
 * real backend defaults (PostgreSQL, scheduler), the plugin, and the demo
 * catalog in memory. Started by twoReplicas.test.ts with `--config <file>`;
 * tells its parent "started" once it serves.
 */
import { createBackend } from '@backstage/backend-defaults';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { networkScorecardPlugin } from '../plugin';
import { exampleEntities } from './exampleFleet';

const backend = createBackend();
backend.add(networkScorecardPlugin);
backend.add(catalogServiceMock.factory({ entities: exampleEntities() }));
backend.start().then(
  () => process.send?.('started'),
  error => {
    process.stderr.write(`replica failed to start: ${error}\n`);
    process.exit(1);
  },
);
