import { ClusterFacts, factEvidence, factValue } from '../../facts';
import { CheckResult } from '../types';
import { unknownBecause } from '../helpers';

/**
 * Hubble checks only apply on Cilium: a not-applicable or unknown result when
 * the CNI is something else or unknown, else null to go on.
 */
export function unlessCilium(facts: ClusterFacts): CheckResult | null {
  const cni = factValue(facts, 'cni');
  if (cni === null) return unknownBecause(facts, ['cni']);
  if (cni === 'cilium') return null;
  return {
    status: 'not-applicable',
    evidence: factEvidence(facts, 'cni'),
    recommendation:
      'Hubble comes with Cilium; this cluster does not run Cilium.',
  };
}

/** Metric families the four dashboards need, as Hubble names them. */
export const REQUIRED_HUBBLE_METRICS = ['flow', 'drop', 'dns', 'http'] as const;

/** "httpV2:exemplars=true;…" -> "http"; "drop:sourceContext=pod" -> "drop" */
export function metricFamily(entry: string): string {
  const name = entry.split(':')[0].trim();
  return name === 'httpV2' ? 'http' : name;
}
