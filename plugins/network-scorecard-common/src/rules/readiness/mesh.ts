import { ClusterFacts, factValue, MeshName } from '../../facts';
import { EvaluationContext, RequirementId } from '../../context';
import { ReadinessRule } from '../types';
import {
  meshRequirements,
  plural,
  ReadinessFinding,
  readinessFrom,
  readinessUnknown,
} from '../helpers';
import { MESH_LABEL } from '../mesh/capabilities';
import { fittingMesh } from '../mesh/choice';

type Fit = 'istio-ambient' | 'cilium';

const INSTALL: Record<Fit, Partial<Record<RequirementId, string>>> = {
  'istio-ambient': {
    'mtls-all-east-west':
      'Apply a mesh-wide PeerAuthentication (istio-system/default) with mtls.mode: STRICT',
    'l7-policy':
      'Deploy waypoint proxies for the services that need L7 policy and write AuthorizationPolicies on them',
    'auditable-l7':
      'Deploy waypoint proxies for the audited services and route their L7 policy through them',
    'per-request-observability':
      'Configure a Telemetry resource with an OpenTelemetry tracing provider and a modest sampling rate',
    'canary-traffic-shifting':
      'Shift canary traffic with weighted HTTPRoutes bound to waypoints',
    'request-rate-limiting':
      'Add local rate limits on the waypoints of the services concerned',
  },
  cilium: {
    'mtls-all-east-west':
      'Enable Cilium mutual authentication (SPIRE) and set authentication.mode: required in every service policy',
    'l7-policy':
      'Write L7 rules (rules.http) in CiliumNetworkPolicies; the per-node Envoy enforces them',
    'per-request-observability':
      'Turn on targeted L7 visibility and Hubble http metrics for the services concerned',
    'canary-traffic-shifting':
      'Shift canary traffic with weighted Gateway API HTTPRoutes (needs kube-proxy replacement)',
    'request-rate-limiting':
      'Configure Envoy rate limits through CiliumEnvoyConfig for the services concerned',
  },
};

/**
 * What the fitting mesh, already installed, still misses for the declared
 * requirements. Only what the facts can show is checked; the other
 * capabilities come with the mesh.
 */
function missing(
  facts: ClusterFacts,
  fit: Fit,
  required: RequirementId[],
): ReadinessFinding[] {
  const details = factValue(facts, 'mesh.details');
  return required.flatMap((r): ReadinessFinding[] => {
    const step = INSTALL[fit][r];
    if (r === 'mtls-all-east-west') {
      if (details === null) return [{ unknown: 'mesh.details' }];
      const done =
        fit === 'cilium' ? details.ciliumMutualAuth : details.strictMtls;
      return done ? [] : [{ step }];
    }
    if (
      (r === 'l7-policy' || r === 'auditable-l7') &&
      fit === 'istio-ambient'
    ) {
      if (details === null) return [{ unknown: 'mesh.details' }];
      return details.waypoints > 0 ? [] : [{ step }];
    }
    if (r === 'l7-policy') {
      const policies = factValue(facts, 'policies');
      if (policies === null) return [{ unknown: 'policies' }];
      return policies.l7Rules > 0 ? [] : [{ step }];
    }
    return [];
  });
}

function blockers(
  facts: ClusterFacts,
  context: EvaluationContext,
  fit: Fit,
): ReadinessFinding[] {
  const nodes = factValue(facts, 'nodes');
  const windowsDeclared = context.requirements.includes('windows-nodes');
  if (nodes === null) return [{ unknown: 'nodes' }];
  const findings: ReadinessFinding[] = [];
  if (windowsDeclared || nodes.windows > 0) {
    findings.push({
      blocker: `${
        nodes.windows > 0
          ? plural(nodes.windows, 'Windows node')
          : 'requirement windows-nodes'
      }: ${MESH_LABEL[fit]} cannot enrol Windows workloads`,
    });
  }
  if (fit === 'cilium' && nodes.belowKernel510 > 0) {
    findings.push({
      blocker: `${nodes.belowKernel510} of ${plural(
        nodes.linux,
        'Linux node',
      )} run a kernel below 5.10 (lowest ${nodes.minKernel})`,
    });
  }
  return findings;
}

function install(
  fit: Fit,
  current: MeshName,
  required: RequirementId[],
): ReadinessFinding[] {
  const first =
    fit === 'istio-ambient'
      ? `Adopt Istio ambient, the fit for ${required.join(
          ', ',
        )}: install the ambient profile (istiod, istio-cni, ztunnel) and label namespaces istio.io/dataplane-mode=ambient`
      : `Adopt Cilium service mesh, the fit for ${required.join(
          ', ',
        )}: enable its mesh features (Envoy DaemonSet, Gateway API) on the existing Cilium install`;
  const move =
    current === 'none'
      ? []
      : [
          {
            step: `Move workloads off ${MESH_LABEL[current]}, namespace by namespace`,
          },
        ];
  return [
    { step: first },
    ...required.flatMap(r =>
      INSTALL[fit][r] ? [{ step: INSTALL[fit][r] }] : [],
    ),
    ...move,
  ];
}

/** @public */
export const readinessMesh: ReadinessRule = {
  id: 'readiness.mesh',
  title: 'A service mesh that answers the declared requirements',
  evaluate(facts, context) {
    const required = meshRequirements(context);
    if (required.length === 0)
      return { status: 'not-applicable', blockers: [], steps: [] };
    const mesh = factValue(facts, 'mesh');
    if (mesh === null) return readinessUnknown(facts, ['mesh']);
    let fit: Fit = 'istio-ambient';
    if (!context.requirements.includes('auditable-l7')) {
      if (mesh === 'cilium') fit = 'cilium';
      else {
        const cni = factValue(facts, 'cni');
        if (cni === null) return readinessUnknown(facts, ['cni']);
        fit = fittingMesh(context, cni);
      }
    }
    const todo =
      mesh === fit
        ? missing(facts, fit, required)
        : install(fit, mesh, required);
    return readinessFrom(facts, [...blockers(facts, context, fit), ...todo]);
  },
};
