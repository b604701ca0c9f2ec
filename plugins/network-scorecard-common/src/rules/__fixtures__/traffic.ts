/**
 * Golden traffic facts: what the real Prometheus reader of
 * @network-scorecard/node reads from a real Prometheus serving a fixture of
 * fixtures/prometheus (written by its golden test). Test-only.
 */
import fs from 'fs';
import path from 'path';
import { ClusterFacts, TrafficFactId } from '../../facts';

const GOLDEN = path.resolve(
  __dirname,
  '../../../../../fixtures/prometheus/golden',
);

/** flowing, silent, gauge-disagreeing, shared-prod-eu-1, shared-dev-sandbox */
export type TrafficGolden =
  | 'flowing'
  | 'silent'
  | 'gauge-disagreeing'
  | 'shared-prod-eu-1'
  | 'shared-dev-sandbox';

export function traffic(name: TrafficGolden): ClusterFacts {
  return JSON.parse(fs.readFileSync(path.join(GOLDEN, `${name}.json`), 'utf8'))
    .facts as ClusterFacts;
}

/** The traffic facts of a Prometheus that did not answer (as the reader records an HTTP 500). */
export function prometheusDown(...ids: TrafficFactId[]): ClusterFacts {
  const reason =
    'error: Prometheus query …: HTTP 500 (internal: storage is down)';
  return Object.fromEntries(
    ids.map(id => [id, { value: null, evidence: [], reason }]),
  ) as ClusterFacts;
}
