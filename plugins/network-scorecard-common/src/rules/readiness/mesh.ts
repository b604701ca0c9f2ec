import { ClusterFacts, CniName, FactId, MeshName } from '../../facts';
import { factValue } from '../../facts/access';
import { EvaluationContext, RequirementId } from '../../context';
import { ReadinessRule } from '../types';
import {
  meshRequirements,
  plural,
  ReadinessFinding,
  readinessFrom,
  readinessUnknown,
} from '../helpers';
import { isIstio, MESH_LABEL, separateMeshes } from '../mesh/capabilities';
import { compliance } from '../mesh/choice';
import { ciliumCoverage, istioCoverage } from '../mesh/coverage';
import { standingRequirements } from '../mesh/scale';
import { joined } from '../../text/joined';

type Fit = 'istio-ambient' | 'cilium';

const ISTIO_STEP: Partial<Record<RequirementId, string>> = {
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
};

const CILIUM_STEP: Partial<Record<RequirementId, string>> = {
  'l7-policy':
    'Write L7 rules (rules.http) in CiliumNetworkPolicies for the services concerned; the per-node Envoy enforces them',
  'per-request-observability':
    'Turn on targeted L7 visibility and Hubble http metrics for the services concerned',
  'canary-traffic-shifting':
    'Shift canary traffic with weighted Gateway API HTTPRoutes (needs kube-proxy replacement)',
  'request-rate-limiting':
    'Configure Envoy rate limits through CiliumEnvoyConfig for the services concerned',
};

/** Which mesh fits: Istio ambient for auditable L7, or for mTLS where Istio already runs; Cilium's own on Cilium. */
function fitFor(
  context: EvaluationContext,
  all: MeshName[],
  cni: CniName | null,
): Fit | FactId {
  if (context.requirements.includes('auditable-l7')) return 'istio-ambient';
  if (compliance(context) && all.some(isIstio)) return 'istio-ambient';
  if (cni === null) return 'cni';
  return cni === 'cilium' ? 'cilium' : 'istio-ambient';
}

/** What Istio (already running) still lacks for mTLS between every pair. */
function istioMtls(facts: ClusterFacts): ReadinessFinding[] {
  const istio = factValue(facts, 'mesh.istio');
  if (istio === null) return [{ unknown: 'mesh.istio' }];
  const c = istioCoverage(istio);
  if (c.reach === 'all') return [];
  const steps: ReadinessFinding[] = c.gaps.map(g => ({
    step: `Close the mTLS gap: ${g}`,
  }));
  if (istio.meshWideMode !== 'STRICT')
    steps.push({
      step: `Apply PeerAuthentication ${istio.rootNamespace}/default with mtls.mode: STRICT once every client is enrolled`,
    });
  return steps;
}

/** What Cilium still lacks for mTLS between every pair: mutual auth, encryption, policies requiring it. */
function ciliumMtls(facts: ClusterFacts): ReadinessFinding[] {
  const details = factValue(facts, 'mesh.details');
  const encryption = factValue(facts, 'encryption');
  const auth = factValue(facts, 'mesh.ciliumAuth');
  if (details === null) return [{ unknown: 'mesh.details' }];
  const out: ReadinessFinding[] = [];
  if (!details.ciliumMutualAuth)
    out.push({
      step: 'Enable Cilium mutual authentication (SPIRE, authentication.mutual.spire.enabled=true)',
    });
  if (encryption === null) out.push({ unknown: 'encryption' });
  else if (encryption === 'none')
    out.push({
      step: 'Turn on WireGuard (encryption.type=wireguard): mutual authentication alone does not encrypt',
    });
  if (auth === null) out.push({ unknown: 'mesh.ciliumAuth' });
  else if (ciliumCoverage(auth).reach !== 'all')
    out.push({
      step: `Require authentication.mode: required in policies selecting every endpoint${
        auth.notCoveredNamespaces.length
          ? ` of ${joined(auth.notCoveredNamespaces, ', ')}`
          : ''
      }`,
    });
  return out;
}

/** Steps left for each requirement that holds, given what already runs. */
function remaining(
  facts: ClusterFacts,
  fit: Fit,
  all: MeshName[],
  required: RequirementId[],
): ReadinessFinding[] {
  const findings: ReadinessFinding[] = [];
  const istioRuns = all.includes('istio-ambient');
  if (fit === 'istio-ambient' && !istioRuns) {
    findings.push({
      step: `Adopt Istio ambient, the fit for ${joined(
        required,
        ', ',
      )}: install the ambient profile (istiod, istio-cni, ztunnel) and label namespaces istio.io/dataplane-mode=ambient`,
    });
  }
  for (const r of required) {
    if (r === 'mtls-all-east-west') {
      if (fit === 'cilium') findings.push(...ciliumMtls(facts));
      else if (istioRuns) findings.push(...istioMtls(facts));
      else
        findings.push({
          step: 'Apply a mesh-wide PeerAuthentication with mtls.mode: STRICT once every namespace is enrolled',
        });
      continue;
    }
    if (fit === 'istio-ambient') {
      if (r === 'l7-policy' || r === 'auditable-l7') {
        const details = factValue(facts, 'mesh.details');
        if (!istioRuns) findings.push({ step: ISTIO_STEP[r] });
        else if (details === null) findings.push({ unknown: 'mesh.details' });
        else if (details.waypoints === 0)
          findings.push({ step: ISTIO_STEP[r] });
      } else if (!istioRuns && ISTIO_STEP[r]) {
        findings.push({ step: ISTIO_STEP[r] });
      }
      continue;
    }
    if (r === 'l7-policy') {
      const policies = factValue(facts, 'policies');
      if (policies === null) findings.push({ unknown: 'policies' });
      else if (policies.l7Rules === 0) findings.push({ step: CILIUM_STEP[r] });
    } else if (!all.includes('cilium') && CILIUM_STEP[r]) {
      findings.push({ step: CILIUM_STEP[r] });
    }
  }
  for (const other of separateMeshes(all).filter(m => m !== fit))
    findings.push({
      step: `Move workloads off ${MESH_LABEL[other]}, namespace by namespace`,
    });
  return findings;
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

/** @public */
export const readinessMesh: ReadinessRule = {
  id: 'readiness.mesh',
  title: 'A service mesh that answers the declared requirements',
  evaluate(facts, context) {
    // Every declared mesh requirement stands, or is below scale, or waits on the count.
    if (meshRequirements(context).length === 0)
      return { status: 'not-applicable', blockers: [], steps: [] };
    const s = standingRequirements(facts, context);
    const all = factValue(facts, 'mesh.all');
    if (all === null) return readinessUnknown(facts, ['mesh.all']);
    const scale: ReadinessFinding[] = [
      ...s.belowScale.map(r => ({
        blocker: `requirement ${r}: the framework ties it to 50+ services with complex dependencies; ${s.count?.count} counted, so no mesh is justified for it yet`,
      })),
      ...s.unknownScale.map(() => ({ unknown: 'services' as FactId })),
    ];
    if (s.standing.length === 0) return readinessFrom(facts, scale);
    const fit = fitFor(context, all, factValue(facts, 'cni'));
    if (fit !== 'istio-ambient' && fit !== 'cilium')
      return readinessUnknown(facts, [fit]);
    return readinessFrom(facts, [
      ...scale,
      ...blockers(facts, context, fit),
      ...remaining(facts, fit, all, s.standing),
    ]);
  },
};
