import { ClusterFacts } from '../../facts';
import { factEvidence, factValue } from '../../facts/access';
import { EvaluationContext, RequirementId } from '../../context';
import { meshRequirements } from '../helpers';
import { joined } from '../../text/joined';

/** Below this many services a mesh costs more than it saves, per the framework. */
export const MESH_MIN_SERVICES = 20;

/**
 * Per-request telemetry, 1 % canaries and request rate limiting justify a
 * mesh only on a large graph of services: the framework names 50 or more
 * with complex dependencies.
 */
export const MESH_SCALE_SERVICES = 50;

/** Requirements that justify a mesh only at {@link MESH_SCALE_SERVICES} services. */
export const SCALE_REQUIREMENTS: readonly RequirementId[] = [
  'per-request-observability',
  'canary-traffic-shifting',
  'request-rate-limiting',
];

export interface ServiceCount {
  count: number;
  evidence: string[];
}

/**
 * The catalog's count of Components/Systems on the cluster, else the
 * Kubernetes Service count (which over-counts: system and headless Services).
 * Null when neither is known.
 */
export function serviceCount(
  facts: ClusterFacts,
  context: EvaluationContext,
): ServiceCount | null {
  if (context.catalogServiceCount !== null) {
    return {
      count: context.catalogServiceCount,
      evidence: [
        `catalog: ${context.catalogServiceCount} Components/Systems run on this cluster`,
      ],
    };
  }
  const services = factValue(facts, 'services');
  if (services === null) return null;
  return {
    count: services,
    evidence: [
      ...factEvidence(facts, 'services'),
      `no catalog service count: ${services} Kubernetes Services counted instead (includes system Services)`,
    ],
  };
}

export interface Standing {
  /** declared mesh requirements that hold at this size */
  standing: RequirementId[];
  /** scale-bound requirements declared on fewer than 50 services */
  belowScale: RequirementId[];
  /** scale-bound requirements whose standing depends on an unknown count */
  unknownScale: RequirementId[];
  count: ServiceCount | null;
  /** the count's evidence and a line per requirement that does not hold */
  evidence: string[];
}

/**
 * Which declared mesh requirements stand. mTLS between every pair, auditable
 * L7 and L7 control over services one does not own stand at any size; the
 * scale-bound ones need 50+ services.
 */
export function standingRequirements(
  facts: ClusterFacts,
  context: EvaluationContext,
): Standing {
  const declared = meshRequirements(context);
  const scaled = declared.filter(r => SCALE_REQUIREMENTS.includes(r));
  const count = scaled.length > 0 ? serviceCount(facts, context) : null;
  const result: Standing = {
    standing: declared.filter(r => !SCALE_REQUIREMENTS.includes(r)),
    belowScale: [],
    unknownScale: [],
    count,
    evidence: count?.evidence ?? [],
  };
  for (const r of scaled) {
    if (count === null) result.unknownScale.push(r);
    else if (count.count >= MESH_SCALE_SERVICES) result.standing.push(r);
    else result.belowScale.push(r);
  }
  if (result.belowScale.length > 0 && count) {
    result.evidence.push(
      `${joined(result.belowScale, ', ')} ${
        result.belowScale.length === 1 ? 'justifies' : 'justify'
      } a mesh only with ${MESH_SCALE_SERVICES}+ services; ${
        count.count
      } counted`,
    );
  }
  return result;
}

/** "canary-traffic-shifting on 8 services: the framework ties it to 50+ services with complex dependencies" */
export function belowScaleNote(standing: Standing): string {
  if (standing.belowScale.length === 0 || !standing.count) return '';
  return ` ${joined(standing.belowScale, ', ')} ${
    standing.belowScale.length === 1 ? 'is' : 'are'
  } declared, but the framework ties ${
    standing.belowScale.length === 1 ? 'it' : 'them'
  } to ${MESH_SCALE_SERVICES}+ services with complex dependencies and ${
    standing.count.count
  } are counted: below that, retries, canaries and telemetry belong in the application or a library.`;
}
