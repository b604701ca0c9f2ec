import {
  ClusterFacts,
  FACT_IDS,
  FactId,
  ReportError,
} from '@network-scorecard/common';
import { detectBgp } from '../detectors/bgp';
import { detectCni } from '../detectors/cni';
import { detectEncryption } from '../detectors/encryption';
import { detectHubble } from '../detectors/hubble';
import { detectKubeProxy } from '../detectors/kubeProxy';
import { detectMesh } from '../detectors/mesh';
import { detectNodes } from '../detectors/nodes';
import { detectPolicies } from '../detectors/policies';
import { detectServices } from '../detectors/services';
import {
  Detector,
  isNotApplicable,
  unknownFact,
} from '../detectors/support/facts';
import { detectTracing } from '../detectors/tracing';
import { CachingReader } from '../reader/CachingReader';
import { ClusterReader } from '../reader/types';

const DETECTORS: Detector[] = [
  detectCni,
  detectKubeProxy,
  detectNodes,
  detectBgp,
  detectMesh,
  detectEncryption,
  detectHubble,
  detectPolicies,
  detectTracing,
  detectServices,
];

/** The fact ids the collector produces: all of DESIGN §5 but `dashboards` (catalog). @public */
export const COLLECTED_FACT_IDS: readonly FactId[] = FACT_IDS.filter(
  id => id !== 'dashboards',
);

/** Unknown facts (value null, value-less reason) become errors; not-applicable ones do not. */
export function factErrors(facts: ClusterFacts): ReportError[] {
  return COLLECTED_FACT_IDS.flatMap(id => {
    const fact = facts[id];
    if (!fact || fact.value !== null || isNotApplicable(fact)) return [];
    return [{ fact: id, reason: fact.reason ?? 'unknown' }];
  });
}

/** Every collected fact unknown for one reason (unreachable, unsupported credentials…). */
export function allUnknown(reason: string): {
  facts: ClusterFacts;
  errors: ReportError[];
} {
  const facts: ClusterFacts = {};
  for (const id of COLLECTED_FACT_IDS)
    (facts as Record<string, unknown>)[id] = unknownFact(reason);
  return { facts, errors: factErrors(facts) };
}

/**
 * Runs every detector against one reader. Detectors run concurrently and share
 * reads, so each request is made once per scan.
 */
export async function collectFacts(
  reader: ClusterReader,
): Promise<{ facts: ClusterFacts; errors: ReportError[] }> {
  const shared = new CachingReader(reader);
  const problems: string[] = [];
  const results = await Promise.all(
    DETECTORS.map(detect =>
      detect(shared).catch((error: Error) => {
        problems.push(error.message);
        return {} as ClusterFacts;
      }),
    ),
  );
  const found: ClusterFacts = Object.assign({}, ...results);
  const facts: ClusterFacts = {};
  for (const id of COLLECTED_FACT_IDS) {
    (facts as Record<string, unknown>)[id] =
      found[id] ??
      unknownFact(`error: not collected (${problems[0] ?? 'no detector'})`);
  }
  return { facts, errors: factErrors(facts) };
}
