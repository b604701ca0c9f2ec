import { Entity } from '@backstage/catalog-model';
import { ClusterSummary } from '@network-scorecard/common';
import { summaries } from './reports';

const HOUR_MS = 3600 * 1000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

function scanned(
  summary: ClusterSummary,
  scannedAt: string,
): ClusterSummary['lastScan'] {
  return summary.lastScan && { ...summary.lastScan, scannedAt };
}

/** A dump captured 40 days ago that was read fine: old, but not stale. */
export const oldSnapshot: ClusterSummary = {
  ...summaries['prod-eu-1'],
  name: 'archive-eu-1',
  title: 'archive-eu-1',
  entityRef: 'resource:default/archive-eu-1',
  source: 'snapshot',
  lastError: null,
  stale: false,
  lastScan: scanned(summaries['prod-eu-1'], ago(40 * 24 * HOUR_MS)),
};

/** A live cluster scanned three hours ago whose newest attempt, an hour ago, failed: stale. */
export const failedNewestAttempt: ClusterSummary = {
  ...summaries['prod-us-1'],
  name: 'prod-us-2',
  title: 'prod-us-2',
  entityRef: 'resource:default/prod-us-2',
  source: 'kubernetes',
  lastError: {
    at: ago(HOUR_MS),
    message: 'connect ETIMEDOUT 10.20.0.1:443',
  },
  stale: true,
  lastScan: scanned(summaries['prod-us-1'], ago(3 * HOUR_MS)),
};

/** `count` clusters cycling through the fixture clusters, named `<fixture>-<n>`. */
export function fleetOf(count: number): ClusterSummary[] {
  const templates = Object.values(summaries);
  return Array.from({ length: count }, (_, index) => {
    const template = templates[index % templates.length];
    const name = `${template.name}-${index}`;
    return {
      ...template,
      name,
      title: name,
      entityRef: template.entityRef && `resource:default/${name}`,
    };
  });
}

function group(
  name: string,
  spec: { parent?: string; children?: string[] } = {},
  relations: Entity['relations'] = [],
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [], ...spec },
    relations,
  };
}

/**
 * engineering ⊃ infrastructure ⊃ team-platform, and engineering ⊃
 * team-dev-experience; business ⊃ team-payments. Each link is stated one way
 * only — spec.children, spec.parent or a relation — as catalogs often do.
 */
export const groups: Entity[] = [
  group('engineering', {}, [
    { type: 'parentOf', targetRef: 'group:default/team-dev-experience' },
  ]),
  group('infrastructure', {
    parent: 'engineering',
    children: ['team-platform'],
  }),
  group('team-platform'),
  group('team-dev-experience'),
  group('business'),
  group('team-payments', { parent: 'group:default/business' }),
];
