import { factEvidence, factValue } from '../../facts/access';
import { AntiPatternRule } from '../types';
import { antiPatternUnknown, catalog } from '../helpers';
import { tracesNearlyEverything } from '../observability/tracing';

/**
 * Mesh-wide tracing at a low sampling rate is not the pattern: the cost is
 * in tracing (nearly) every request.
 * @public
 */
export const apInfraTracingEverywhere: AntiPatternRule = {
  id: 'ap.infra-tracing-everywhere',
  title: 'Per-request tracing at the infrastructure level, mesh-wide',
  lesson:
    'Tracing every request in the network layer is costly to store, process and read, and most teams that turn it on find they seldom open it. Application traces through OpenTelemetry give the same answers with more context; the infrastructure should record flows, and a mesh that traces should sample a small share.',
  evaluate(facts, context) {
    const tracing = factValue(facts, 'tracing');
    if (tracing === null) return antiPatternUnknown(facts, ['tracing']);
    const evidence = factEvidence(facts, 'tracing');
    if (!tracesNearlyEverything(tracing)) return { status: 'clear', evidence };
    if (context.requirements.includes('per-request-observability')) {
      return {
        status: 'clear',
        evidence: [
          ...evidence,
          catalog.requirements(['per-request-observability']),
        ],
      };
    }
    return {
      status: 'detected',
      evidence: [...evidence, catalog.requirements(context.requirements)],
    };
  },
};
