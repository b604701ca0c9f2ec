import { factEvidence, factValue } from '../../facts';
import { CheckRule } from '../types';
import { catalog, cite, unknownBecause } from '../helpers';

/** @public */
export const observabilityAppTracing: CheckRule = {
  id: 'observability.app-tracing',
  area: 'observability',
  weight: 1,
  title: 'Requests traced in the application, not by the mesh everywhere',
  default:
    'Flows from the infrastructure (Hubble), request traces from the application (OpenTelemetry)',
  switchWhen:
    'Mesh-level tracing only with a declared per-request-observability requirement, and sampled',
  rationale:
    'Tracing every request at the infrastructure level is expensive in storage, processing and attention, and teams that deploy it rarely use it. Traces from the application through OpenTelemetry carry more context for less overhead, so the infrastructure should record flows and the application should record requests.',
  evaluate(facts, context) {
    const tracing = factValue(facts, 'tracing');
    if (tracing === null) return unknownBecause(facts, ['tracing']);
    const evidence = factEvidence(facts, 'tracing');
    if (tracing.meshTracingGlobal) {
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
            recommendation: `Mesh-wide request tracing answers the declared per-request-observability${cite(
              evidence,
            )}; lower the sampling rate and prefer OpenTelemetry spans from the services that need them.`,
          }
        : {
            status: 'fail',
            evidence,
            recommendation: `The mesh traces every request cluster-wide${cite(
              evidence,
            )} without a per-request-observability requirement. Drop mesh-wide tracing and instrument requests in the applications with OpenTelemetry.`,
          };
    }
    if (tracing.otelCollector) {
      return {
        status: 'pass',
        evidence,
        recommendation:
          'An OpenTelemetry collector receives application traces; no mesh-wide tracing.',
      };
    }
    return {
      status: 'warn',
      evidence,
      recommendation:
        'No OpenTelemetry collector was found on the cluster. Instrument requests in the applications with OpenTelemetry (an in-cluster collector, or confirm one runs elsewhere).',
    };
  },
};
