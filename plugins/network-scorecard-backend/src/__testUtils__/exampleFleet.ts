import { Entity } from '@backstage/catalog-model';
import { readFileSync } from 'fs';
import { resolve } from 'path';
import { parseAllDocuments } from 'yaml';

/** The repository's examples/ folder: the demo fleet every test scores. */
export const examplesDir = resolve(__dirname, '../../../../examples');

export const DEMO_CLUSTERS = [
  'compliance-eu-1',
  'dc-fra-1',
  'dev-sandbox',
  'payments-1',
  'prod-eu-1',
  'prod-us-1',
  'retail-stores-1',
];

/** The demo catalog entities (clusters, services, org), as the catalog reads them. */
export function exampleEntities(): Entity[] {
  const files = ['clusters.yaml', 'components.yaml', 'org.yaml'];
  return files.flatMap(file =>
    parseAllDocuments(
      readFileSync(resolve(examplesDir, 'entities', file), 'utf8'),
    )
      .map(doc => doc.toJS() as Entity)
      .filter(Boolean)
      .map(entity => ({
        ...entity,
        metadata: { namespace: 'default', ...entity.metadata },
      })),
  );
}

/** `networkScorecard.snapshots` for the demo fleet. */
export function exampleSnapshotsConfig() {
  return DEMO_CLUSTERS.map(name => ({
    name,
    file: resolve(examplesDir, 'clusters', `${name}.json`),
  }));
}
