import { Entity } from '@backstage/catalog-model';
import { Acknowledgement, ClusterSummary } from '@network-scorecard/common';
import { ClusterTarget } from '../clusters';
import { LatestPoints, ScanAttempt } from '../database';
import { clusterSummary } from './summaries';

/** What one fleet row is made from. */
export interface FleetRowInputs {
  target: ClusterTarget;
  entity: Entity | undefined;
  points: LatestPoints | undefined;
  attempt: ScanAttempt | undefined;
  acknowledgements: Record<string, Acknowledgement>;
  catalogErrors: string[];
  stale: boolean;
}

interface KeptRow {
  source: ClusterTarget['source'];
  title: string | undefined;
  /** the acknowledged anti-pattern ids, as text */
  acknowledged: string;
  entity: Entity | undefined;
  points: LatestPoints | undefined;
  attempt: ScanAttempt | undefined;
  catalogErrors: string[];
  stale: boolean;
  summary: ClusterSummary;
  /** `JSON.stringify(summary)`, UTF-8 */
  json: Buffer;
}

/**
 * The fleet's rows and their JSON, each kept with the inputs it was made
 * from. The store keeps a cluster's points and attempt objects while they
 * read the same, and the catalog view its entities while it is shared, so
 * after one cluster's scan one row is summarised and serialised anew, not a
 * thousand.
 */
export class FleetRows {
  private kept = new Map<string, KeptRow>();

  rows(inputs: FleetRowInputs[]): { rows: ClusterSummary[]; json: Buffer[] } {
    const kept = new Map<string, KeptRow>();
    const rows: ClusterSummary[] = [];
    const json: Buffer[] = [];
    for (const input of inputs) {
      const { target } = input;
      const title = titleOf(target);
      const acknowledged = acknowledgedIds(input.acknowledgements);
      const last = this.kept.get(target.name);
      const row =
        last &&
        last.source === target.source &&
        last.title === title &&
        last.acknowledged === acknowledged &&
        last.entity === input.entity &&
        last.points === input.points &&
        last.attempt === input.attempt &&
        last.catalogErrors === input.catalogErrors &&
        last.stale === input.stale
          ? last
          : made(input, title, acknowledged);
      kept.set(target.name, row);
      rows.push(row.summary);
      json.push(row.json);
    }
    this.kept = kept;
    return { rows, json };
  }
}

function acknowledgedIds(
  acknowledgements: Record<string, Acknowledgement>,
): string {
  let ids = '';
  for (const id of Object.keys(acknowledgements))
    ids = ids ? `${ids} ${id}` : id;
  return ids;
}

function titleOf(target: ClusterTarget): string | undefined {
  return 'cluster' in target ? target.cluster.title : undefined;
}

function made(
  input: FleetRowInputs,
  title: string | undefined,
  acknowledged: string,
): KeptRow {
  const summary = clusterSummary(
    input.target,
    input.entity,
    input.points,
    input.attempt,
    input.acknowledgements,
    input.catalogErrors,
    input.stale,
  );
  return {
    source: input.target.source,
    title,
    acknowledged,
    entity: input.entity,
    points: input.points,
    attempt: input.attempt,
    catalogErrors: input.catalogErrors,
    stale: input.stale,
    summary,
    json: Buffer.from(JSON.stringify(summary), 'utf8'),
  };
}

const OPEN = Buffer.from('{"items":[');
const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']}');

/** `JSON.stringify({ items: rows })` as UTF-8, from the rows' own JSON. */
export function clusterListJson(rowsJson: Buffer[]): Buffer {
  const parts = [OPEN];
  for (const [i, row] of rowsJson.entries()) {
    if (i > 0) parts.push(COMMA);
    parts.push(row);
  }
  parts.push(CLOSE);
  return Buffer.concat(parts);
}
