import { factEvidence, factValue } from '../../facts/access';
import { AntiPatternRule } from '../types';
import { antiPatternUnknown, listNames } from '../helpers';

/** @public */
export const apSidecarsWhenAmbientFits: AntiPatternRule = {
  id: 'ap.sidecars-when-ambient-fits',
  title: 'Istio sidecar injection where ambient mode would serve',
  lesson:
    'Istio ambient mode has been production-ready since 2025: a per-node ztunnel for mTLS and waypoints only where L7 is needed give the same guarantees without a proxy in every pod, without injection to debug, and with far less memory. New namespaces should not get sidecars.',
  evaluate(facts) {
    const mesh = factValue(facts, 'mesh');
    if (mesh === null) return antiPatternUnknown(facts, ['mesh']);
    const evidence = factEvidence(facts, 'mesh');
    if (mesh !== 'istio-sidecar' && mesh !== 'istio-ambient') {
      return { status: 'clear', evidence };
    }
    const details = factValue(facts, 'mesh.details');
    if (mesh === 'istio-sidecar') {
      const injected = details?.injectedNamespaces ?? [];
      return {
        status: 'detected',
        evidence: [
          ...evidence,
          ...factEvidence(facts, 'mesh.details'),
          injected.length > 0
            ? `sidecar injection in ${
                injected.length
              } namespace(s): ${listNames(injected)}`
            : 'Istio runs in sidecar mode',
        ],
      };
    }
    if (details === null) return antiPatternUnknown(facts, ['mesh.details']);
    const all = [...evidence, ...factEvidence(facts, 'mesh.details')];
    return details.injectedNamespaces.length > 0
      ? {
          status: 'detected',
          evidence: [
            ...all,
            `ambient runs, yet ${
              details.injectedNamespaces.length
            } namespace(s) still inject sidecars: ${listNames(
              details.injectedNamespaces,
            )}`,
          ],
        }
      : { status: 'clear', evidence: all };
  },
};
