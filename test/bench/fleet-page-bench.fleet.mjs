// The fleet page bench's fleet: a catalog file of cluster Resources, one dump per cluster
// (copies of the demo dumps, so grades vary) and the backend config that reads them.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The demo dumps of examples/clusters/, each copied to a share of the fleet. */
const DEMO_DUMPS = [
  'prod-eu-1',
  'dc-fra-1',
  'retail-stores-1',
  'dev-sandbox',
  'payments-1',
  'prod-us-1',
  'compliance-eu-1',
];
/** the groups of examples/entities/org.yaml */
const OWNERS = [
  'team-platform',
  'team-storefront',
  'team-payments',
  'team-retail',
  'team-data',
  'engineering',
];
const LIFECYCLES = ['production', 'staging', 'development', 'deprecated'];
// no region names a CNI or mesh, so a search for "calico" matches the CNI column only
const REGIONS = ['eu-west', 'eu-central', 'us-east', 'us-west', 'ap-south'];

export const clusterName = i => `fleet-${String(i + 1).padStart(4, '0')}`;

/**
 * Writes the fleet into `dir` and returns the path of its backend config (JSON, which
 * is YAML), to be given after app-config.yaml and test/e2e/app-config.e2e.yaml.
 */
export function writeFleet({ root, dir, count }) {
  const dumps = join(dir, 'dumps');
  mkdirSync(dumps, { recursive: true });
  const entities = [];
  const snapshots = [];
  for (let i = 0; i < count; i++) {
    const name = clusterName(i);
    const demo = DEMO_DUMPS[i % DEMO_DUMPS.length];
    const file = join(dumps, `${name}.json`);
    copyFileSync(resolve(root, 'examples/clusters', `${demo}.json`), file);
    snapshots.push({ name, file });
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name,
        title: `${name} (${REGIONS[i % REGIONS.length]}, like ${demo})`,
        annotations: { 'backstage.io/kubernetes-id': name },
      },
      spec: {
        type: 'kubernetes-cluster',
        // other strides than the dumps', so each dump meets every owner and lifecycle
        lifecycle: LIFECYCLES[Math.floor(i / DEMO_DUMPS.length) % 4],
        owner: `group:default/${OWNERS[i % OWNERS.length]}`,
      },
    });
  }
  const catalogFile = join(dir, 'clusters.yaml');
  writeFileSync(
    catalogFile,
    entities.map(e => `---\n${JSON.stringify(e)}\n`).join(''),
  );
  const config = {
    backend: {
      // a file, so the bench's history never mixes with `npm start`'s (.data/sqlite)
      database: {
        client: 'better-sqlite3',
        connection: { directory: join(dir, 'sqlite') },
      },
    },
    catalog: {
      // lists replace those of earlier configs: the demo groups and the generated clusters only
      locations: [
        {
          type: 'file',
          target: resolve(root, 'examples/entities/org.yaml'),
        },
        { type: 'file', target: catalogFile },
      ],
    },
    // test/e2e/app-config.e2e.yaml keeps the schedule's first run 30 minutes away: the
    // bench scans every cluster itself once the catalog holds them (lifecycles count)
    networkScorecard: { snapshots },
  };
  const configFile = join(dir, 'app-config.bench.yaml');
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  return { configFile, names: snapshots.map(s => s.name) };
}
