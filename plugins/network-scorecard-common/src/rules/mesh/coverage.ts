import {
  CiliumAuthFact,
  IstioMeshFact,
  LinkerdInboundPolicy,
  LinkerdMeshFact,
  MtlsOverride,
} from '../../facts';
import { listNames } from '../helpers';

/**
 * How far mTLS reaches between every pair of application services:
 * `none` when no pair is protected, `partial` with the gaps named, `all`.
 */
export interface Coverage {
  reach: 'none' | 'partial' | 'all';
  /** namespaces whose pairs are protected */
  covered: string[];
  /** each gap, naming its namespace, workload or port */
  gaps: string[];
}

function reach(anything: boolean, gaps: string[]): Coverage['reach'] {
  if (!anything) return 'none';
  return gaps.length ? 'partial' : 'all';
}

function overrideText(o: MtlsOverride): string {
  const scope = [
    o.workload ? `workload ${o.workload}` : undefined,
    o.port !== null ? `port ${o.port}` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  return `PeerAuthentication ${o.namespace}/${o.name}${
    scope ? ` (${scope})` : ''
  }: ${o.mode}`;
}

/**
 * Istio: a namespace is protected when it is enrolled and its effective
 * mode (its own namespace-wide PeerAuthentication, else the mesh-wide one)
 * is STRICT; workload and port overrides that relax it are gaps.
 */
export function istioCoverage(istio: IstioMeshFact): Coverage {
  const namespaceMode = (ns: string) => {
    const own = istio.overrides.find(
      o =>
        o.namespace === ns &&
        o.workload === null &&
        o.port === null &&
        o.mode !== 'UNSET',
    );
    return own ? own.mode : istio.meshWideMode;
  };
  const covered: string[] = [];
  const gaps: string[] = [];
  for (const ns of istio.enrolledNamespaces) {
    const mode = namespaceMode(ns);
    if (mode === 'STRICT') covered.push(ns);
    else gaps.push(`namespace ${ns} accepts plaintext (mtls.mode ${mode})`);
  }
  if (istio.notEnrolledNamespaces.length > 0)
    gaps.push(
      `not enrolled in the mesh: ${listNames(istio.notEnrolledNamespaces)}`,
    );
  const optedOut = istio.workloadEnrolment.filter(
    w => !w.enrolled && covered.includes(w.namespace),
  );
  for (const w of optedOut)
    gaps.push(`Deployment ${w.namespace}/${w.workload} opts out of the mesh`);
  const relaxing = istio.overrides.filter(
    o =>
      covered.includes(o.namespace) &&
      (o.workload !== null || o.port !== null) &&
      (o.mode === 'PERMISSIVE' || o.mode === 'DISABLE'),
  );
  for (const o of relaxing) gaps.push(`${overrideText(o)} relaxes STRICT`);
  return {
    reach: reach(covered.length > 0, gaps),
    covered,
    gaps,
  };
}

const AUTHENTICATED: LinkerdInboundPolicy[] = [
  'all-authenticated',
  'cluster-authenticated',
];

/**
 * Linkerd: a meshed namespace is protected when its inbound policy (its own
 * annotation, else the cluster default) only admits authenticated clients.
 * `deny` admits whatever the authorization policies allow, which are not read.
 */
export function linkerdCoverage(linkerd: LinkerdMeshFact): Coverage {
  const covered: string[] = [];
  const gaps: string[] = [];
  for (const ns of linkerd.enrolledNamespaces) {
    const policy =
      linkerd.policyOverrides.find(o => o.namespace === ns)?.policy ??
      linkerd.defaultInboundPolicy;
    if (AUTHENTICATED.includes(policy)) covered.push(ns);
    else if (policy === 'deny')
      gaps.push(
        `namespace ${ns} denies by default; which clients its authorization policies admit unauthenticated is not read`,
      );
    else
      gaps.push(`namespace ${ns} admits unauthenticated clients (${policy})`);
  }
  if (linkerd.notEnrolledNamespaces.length > 0)
    gaps.push(`not meshed: ${listNames(linkerd.notEnrolledNamespaces)}`);
  return {
    reach: reach(covered.length > 0, gaps),
    covered,
    gaps,
  };
}

/** Cilium: mutual authentication applies where a policy rule requires it, for every endpoint. */
export function ciliumCoverage(auth: CiliumAuthFact): Coverage {
  const gaps: string[] = [];
  if (auth.partialNamespaces.length > 0)
    gaps.push(
      `required for some endpoints only in ${listNames(
        auth.partialNamespaces,
      )}`,
    );
  const uncovered = auth.notCoveredNamespaces.filter(
    n => !auth.partialNamespaces.includes(n),
  );
  if (uncovered.length > 0)
    gaps.push(`no rule requires authentication in ${listNames(uncovered)}`);
  const any =
    auth.allNamespaces ||
    auth.coveredNamespaces.length > 0 ||
    auth.partialNamespaces.length > 0;
  return {
    reach: reach(any, gaps),
    covered: auth.allNamespaces ? ['every namespace'] : auth.coveredNamespaces,
    gaps,
  };
}
