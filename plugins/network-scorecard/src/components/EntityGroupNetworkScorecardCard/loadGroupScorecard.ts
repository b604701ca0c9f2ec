import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogApi } from '@backstage/plugin-catalog-react';
import { ClusterSummary, clustersOfEntity } from '@network-scorecard/common';
import { NetworkScorecardApi } from '../../api';
import {
  buildGroupTree,
  GROUP_FIELDS,
  normalizeOwnerRef,
  withSubGroups,
} from '../FleetFilters/groupTree';
import { mapBounded } from '../MigrationsView/mapBounded';
import { ClusterRead, GroupScorecard, GroupService } from './types';

/**
 * Full reports the card reads at most, and how many at once. A group's
 * services rarely span more clusters than this; past it the card says how many
 * it left out rather than read a large fleet's reports on every page view.
 */
export const MAX_REPORTS = 20;
const PARALLEL_REPORTS = 4;

/** Owner refs per catalog request, so that a department's many sub-groups stay within a URL. */
const OWNERS_PER_REQUEST = 25;

// what clustersOfEntity reads, and what the card shows of a service
const COMPONENT_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.annotations',
  'spec.type',
  'spec.dependsOn',
  'relations',
];

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size)
    out.push(items.slice(i, i + size));
  return out;
}

async function ownedComponents(
  catalogApi: CatalogApi,
  owners: string[],
): Promise<Entity[]> {
  const pages = await Promise.all(
    chunks(owners, OWNERS_PER_REQUEST).map(batch =>
      catalogApi.getEntities({
        filter: { kind: 'Component', 'relations.ownedBy': batch },
        fields: COMPONENT_FIELDS,
      }),
    ),
  );
  const byRef = new Map<string, Entity>();
  for (const entity of pages.flatMap(page => page.items))
    byRef.set(stringifyEntityRef(entity), entity);
  return [...byRef.values()].sort((a, b) =>
    a.metadata.name.localeCompare(b.metadata.name),
  );
}

/** The clusters worth a report first: the ones most of the group's services run on. */
function byServices(
  clusters: ClusterSummary[],
  services: GroupService[],
): ClusterSummary[] {
  const count = (name: string) =>
    services.filter(s => s.clusters.includes(name)).length;
  return [...clusters].sort(
    (a, b) => count(b.name) - count(a.name) || a.name.localeCompare(b.name),
  );
}

/**
 * The group's clusters and services, read from the catalog (the group
 * hierarchy, the Components its groups own) and the backend (every cluster's
 * summary, then the full reports of at most MAX_REPORTS clusters the
 * services run on). A failure of the catalog or the cluster list rejects; a
 * report that cannot be read is kept as that cluster's error.
 */
export async function loadGroupScorecard(
  group: Entity,
  catalogApi: CatalogApi,
  api: NetworkScorecardApi,
): Promise<GroupScorecard> {
  const [groups, { items: clusters }] = await Promise.all([
    catalogApi.getEntities({
      filter: { kind: 'Group' },
      fields: GROUP_FIELDS,
    }),
    api.listClusters(),
  ]);
  const owners = withSubGroups(buildGroupTree(groups.items), [
    stringifyEntityRef(group),
  ]);
  const ownedClusters = clusters.filter(
    cluster =>
      cluster.owner !== null && owners.has(normalizeOwnerRef(cluster.owner)),
  );

  const known = new Set(clusters.map(cluster => cluster.name));
  const services: GroupService[] = (
    await ownedComponents(catalogApi, [...owners])
  ).map(entity => ({
    entity,
    ref: stringifyEntityRef(entity),
    clusters: clustersOfEntity(entity, known),
  }));

  const used = new Set(services.flatMap(service => service.clusters));
  const concerned = byServices(
    clusters.filter(cluster => used.has(cluster.name)),
    services,
  );
  const toRead = concerned.slice(0, MAX_REPORTS);
  const scanned = toRead.filter(cluster => cluster.lastScan !== null);
  const results = await mapBounded(scanned, PARALLEL_REPORTS, cluster =>
    api.getClusterReport(cluster.name),
  );
  const reports = new Map(scanned.map((c, i) => [c.name, results[i]]));
  const reads: ClusterRead[] = toRead.map(cluster => {
    const result = reports.get(cluster.name);
    if (!result) return { cluster, report: null };
    return result.status === 'fulfilled'
      ? { cluster, report: result.value }
      : { cluster, report: null, error: result.reason as Error };
  });

  return {
    ownedClusters,
    services,
    reads,
    unread: concerned.slice(MAX_REPORTS),
  };
}
