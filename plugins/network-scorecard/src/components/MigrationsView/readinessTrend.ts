import {
  FleetHistoryBucket,
  ReadinessStatus,
  Ruleset,
} from '@network-scorecard/common';
import { readinessStatusOf } from '../ReadinessList';

export type ReadinessCounts = Record<ReadinessStatus, number>;

export interface ReadinessWeek extends ReadinessCounts {
  /** start of the week (a Monday, UTC) */
  start: string;
}

export interface ReadinessItem {
  id: string;
  title: string;
}

export function emptyCounts(): ReadinessCounts {
  return { ready: 0, blocked: 0, unknown: 0, 'not-applicable': 0 };
}

/** Clusters per status of one readiness item in each bucket; a status this version does not know counts as unknown. */
export function readinessTrend(
  buckets: FleetHistoryBucket[],
  itemId: string,
): ReadinessWeek[] {
  return buckets.map(bucket => {
    const counts = emptyCounts();
    for (const [status, clusters] of Object.entries(
      bucket.readiness[itemId] ?? {},
    )) {
      counts[readinessStatusOf(status)] += clusters;
    }
    return { start: bucket.start, ...counts };
  });
}

/**
 * The ruleset's readiness items, then any other id the history counts (an
 * organisation's own items, or items a newer ruleset dropped), titled by id.
 */
export function readinessItems(
  ruleset: Pick<Ruleset, 'readiness'>,
  buckets: FleetHistoryBucket[],
): ReadinessItem[] {
  const items: ReadinessItem[] = ruleset.readiness.map(rule => ({
    id: rule.id,
    title: rule.title,
  }));
  const known = new Set(items.map(item => item.id));
  for (const bucket of buckets) {
    for (const id of Object.keys(bucket.readiness)) {
      if (!known.has(id)) {
        known.add(id);
        items.push({ id, title: id });
      }
    }
  }
  return items;
}
