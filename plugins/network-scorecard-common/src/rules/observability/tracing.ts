import { TracingFact } from '../../facts';

/**
 * From half of all requests on, mesh-wide tracing costs about what tracing
 * every request costs; the usual production rates are around 1 %.
 */
export const HEAVY_SAMPLING_PERCENT = 50;

/** Mesh-wide tracing at (nearly) every request: the infrastructure-level tracing the framework warns about. */
export function tracesNearlyEverything(tracing: TracingFact): boolean {
  return (
    tracing.meshTracingGlobal &&
    (tracing.meshSamplingPercent ?? 100) >= HEAVY_SAMPLING_PERCENT
  );
}

/** "100 %" / "0.5 %" */
export function samplingText(tracing: TracingFact): string {
  return tracing.meshSamplingPercent === null
    ? 'an unknown share'
    : `${tracing.meshSamplingPercent} %`;
}
