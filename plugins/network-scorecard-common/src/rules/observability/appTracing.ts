import { factEvidence, factValue } from '../../facts/access';
import { CheckRule } from '../types';
import { catalog, cite, unknownBecause } from '../helpers';
import {
  HEAVY_SAMPLING_PERCENT,
  samplingText,
  tracesNearlyEverything,
} from './tracing';

/** @public */
export const observabilityAppTracing: CheckRule = {
  id: 'observability.app-tracing',
  area: 'observability',
  weight: 1,
  title: 'Requests traced in the application, not by the mesh everywhere',
  default:
    'Flows from the infrastructure (Hubble), request traces from the application (OpenTelemetry)',
  switchWhen:
    'Mesh-level tracing of (nearly) every request only with a declared per-request-observability requirement; a low mesh-wide sampling rate is fine',
  rationale:
    'Tracing every request at the infrastructure level is expensive in storage, processing and attention, and teams that deploy it rarely use it. Traces from the application through OpenTelemetry carry more context for less overhead, so the infrastructure should record flows and the application should record requests. A mesh that samples a small share of requests costs little; the rate is what matters.',
  evaluate(facts, context) {
    const tracing = factValue(facts, 'tracing');
    if (tracing === null) return unknownBecause(facts, ['tracing']);
    const evidence = factEvidence(facts, 'tracing');
    if (tracesNearlyEverything(tracing)) {
      const meshEvidence = evidence.filter(e => !e.includes('OpenTelemetry'));
      const declared = context.requirements.includes(
        'per-request-observability',
      );
      return declared
        ? {
            status: 'warn',
            evidence: [
              ...evidence,
              catalog.requirements(['per-request-observability']),
            ],
            recommendation: `The mesh samples ${samplingText(
              tracing,
            )} of requests cluster-wide${cite(
              meshEvidence,
            )}, which the declared per-request-observability asks for; sample well below ${HEAVY_SAMPLING_PERCENT} % where you can and prefer OpenTelemetry spans from the services that need them.`,
          }
        : {
            status: 'fail',
            evidence,
            recommendation: `The mesh traces ${samplingText(
              tracing,
            )} of requests cluster-wide${cite(
              meshEvidence,
            )} without a per-request-observability requirement. Lower the mesh-wide sampling (around 1 %) or drop it, and instrument requests in the applications with OpenTelemetry.`,
          };
    }
    const light = tracing.meshTracingGlobal
      ? ` The mesh samples only ${samplingText(
          tracing,
        )} of requests cluster-wide, which is fine.`
      : '';
    if (tracing.otelCollector) {
      return {
        status: 'pass',
        evidence,
        recommendation: `An OpenTelemetry collector receives application traces.${light}`,
      };
    }
    return {
      status: 'warn',
      evidence,
      recommendation: `No OpenTelemetry collector was found on the cluster. Instrument requests in the applications with OpenTelemetry (an in-cluster collector, or confirm one runs elsewhere).${light}`,
    };
  },
};
