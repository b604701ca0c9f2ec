import { KubeObject } from '../../reader/types';
import { asArray, capped, dig, ref } from '../support/objects';
import { EnforcedKind, Enforcement } from './enforcement';
import { AdminKind, Inventory } from './inventory';
import {
  AppNamespace,
  calicoPodLookup,
  ciliumPodLookup,
  namespaceLookup,
} from './namespaces';
import {
  Tri,
  all,
  isEmptySelector,
  matchCalicoSelector,
  matchLabelSelector,
} from './selectors';

export interface Coverage {
  covered: Set<string>;
  defaultDeny: Set<string>;
  /** policy objects of a kind the cluster does not enforce (staged ones are not counted here) */
  unenforced: number;
  evidence: string[];
}

const isRuleless = (rules: unknown) => asArray(rules).length === 0;

/** podSelector {}, Ingress among policyTypes (the default), no ingress rule. */
function kubernetesDenies(np: KubeObject): boolean {
  const spec = dig(np, 'spec');
  const types = asArray(dig(spec, 'policyTypes'));
  const ingress = types.length ? types.includes('Ingress') : true;
  return (
    isEmptySelector(dig(spec, 'podSelector')) &&
    ingress &&
    isRuleless(dig(spec, 'ingress'))
  );
}

function ciliumSpecs(policy: KubeObject): unknown[] {
  return [dig(policy, 'spec'), ...asArray(dig(policy, 'specs'))].filter(
    Boolean,
  );
}

/** Only empty ingress rules (`ingress: [{}]`): the endpoints are isolated and nothing is allowed in. */
function ciliumDeniesIngress(spec: unknown): boolean {
  const rules = asArray(dig(spec, 'ingress'));
  return (
    rules.length > 0 &&
    rules.every(r => !!r && typeof r === 'object' && !Object.keys(r).length) &&
    dig(spec, 'enableDefaultDeny', 'ingress') !== false
  );
}

/** A spec that selects pods and makes them deny what it does not allow, in at least one direction. */
function ciliumIsolates(spec: unknown): boolean {
  if (dig(spec, 'nodeSelector') !== undefined) return false;
  const off = (d: string) => dig(spec, 'enableDefaultDeny', d) === false;
  return !(off('ingress') && off('egress'));
}

/** Calico's default for `types`: Egress only when only egress rules exist. */
function calicoTypes(spec: unknown): unknown[] {
  const types = asArray(dig(spec, 'types'));
  if (types.length) return types;
  const ingress = dig(spec, 'ingress') !== undefined;
  const egress = dig(spec, 'egress') !== undefined;
  if (egress && !ingress) return ['Egress'];
  return egress ? ['Ingress', 'Egress'] : ['Ingress'];
}

function calicoDeniesIngress(spec: unknown): boolean {
  return (
    calicoTypes(spec).includes('Ingress') && isRuleless(dig(spec, 'ingress'))
  );
}

/** Whether a cluster-wide policy selects every pod of a namespace. */
type Selects = (ns: AppNamespace) => Tri;

function ccnpSelects(spec: unknown): Selects {
  return ns =>
    matchLabelSelector(dig(spec, 'endpointSelector'), ciliumPodLookup(ns));
}

function gnpSelects(gnp: KubeObject): Selects {
  const spec = dig(gnp, 'spec');
  return ns =>
    all([
      matchCalicoSelector(
        dig(spec, 'namespaceSelector'),
        namespaceLookup(ns, { 'projectcalico.org/name': ns.name }),
      ),
      matchCalicoSelector(dig(spec, 'selector'), calicoPodLookup(ns)),
      matchCalicoSelector(dig(spec, 'serviceAccountSelector'), () => undefined),
    ]);
}

function adminSelects(policy: KubeObject): Selects {
  const subject = dig(policy, 'spec', 'subject');
  return ns => {
    const byNamespace = dig(subject, 'namespaces');
    if (byNamespace !== undefined)
      return matchLabelSelector(byNamespace, namespaceLookup(ns));
    const pods = dig(subject, 'pods');
    if (pods === undefined) return undefined;
    return all([
      matchLabelSelector(dig(pods, 'namespaceSelector'), namespaceLookup(ns)),
      isEmptySelector(dig(pods, 'podSelector')) ? true : undefined,
    ]);
  };
}

const LABEL: Record<EnforcedKind, string> = {
  NetworkPolicy: 'NetworkPolicies',
  CiliumNetworkPolicy: 'CiliumNetworkPolicies',
  CiliumClusterwideNetworkPolicy: 'CiliumClusterwideNetworkPolicies',
  CalicoNetworkPolicy: 'Calico NetworkPolicies',
  GlobalNetworkPolicy: 'GlobalNetworkPolicies',
  AdminNetworkPolicy: 'AdminNetworkPolicies',
  BaselineAdminNetworkPolicy: 'BaselineAdminNetworkPolicies',
  ClusterNetworkPolicy: 'ClusterNetworkPolicies',
};

/**
 * Which application namespaces an enforced policy selects, and which deny
 * ingress by default. Namespaced policies cover their namespace. A
 * cluster-wide policy covers a namespace only when its selectors provably
 * select every pod there (namespace names and labels are read, pod labels
 * are not): a selector on pod labels is never counted.
 */
export function computeCoverage(
  apps: AppNamespace[],
  inventory: Inventory,
  enforcement: Enforcement,
): Coverage {
  const names = new Set(apps.map(a => a.name));
  const covered = new Set<string>();
  const defaultDeny = new Set<string>();
  const evidence: string[] = [];
  const clusterwide: string[] = [];
  let unenforced = 0;

  const enforced = (kind: EnforcedKind, count: number): boolean => {
    const verdict = enforcement.enforces(kind);
    if (verdict === true || count === 0) return verdict === true;
    unenforced += count;
    const label = count === 1 ? LABEL[kind].replace(/ies$/, 'y') : LABEL[kind];
    evidence.push(`${count} ${label}: not enforced (${verdict})`);
    return false;
  };
  const mark = (ns: string | undefined, denies: boolean) => {
    if (!ns || !names.has(ns)) return;
    covered.add(ns);
    if (denies) defaultDeny.add(ns);
  };
  const wide = (
    policy: KubeObject,
    kind: string,
    selects: Selects,
    denies: boolean,
  ) => {
    const answers = apps.map(ns => ({ ns, selected: selects(ns) }));
    const hit = answers.filter(a => a.selected === true);
    hit.forEach(a => mark(a.ns.name, denies));
    const where =
      hit.length === apps.length
        ? 'every application namespace'
        : `${hit.length} of ${apps.length} application namespaces`;
    if (hit.length)
      clusterwide.push(
        `${ref(policy, kind)}: selects every pod in ${where}${
          denies ? ', denying ingress by default' : ''
        }`,
      );
    else if (answers.some(a => a.selected === undefined))
      clusterwide.push(
        `${ref(
          policy,
          kind,
        )}: selects by pod labels, not counted as coverage (pods are not read)`,
      );
  };

  if (enforcement.always) apps.forEach(a => mark(a.name, true));
  if (enforced('NetworkPolicy', inventory.networkPolicies.length))
    inventory.networkPolicies.forEach(np =>
      mark(np.metadata.namespace, kubernetesDenies(np)),
    );
  if (enforced('CiliumNetworkPolicy', inventory.cilium.length))
    for (const cnp of inventory.cilium) {
      const specs = ciliumSpecs(cnp).filter(ciliumIsolates);
      if (specs.length)
        mark(
          cnp.metadata.namespace,
          specs.some(
            s =>
              isEmptySelector(dig(s, 'endpointSelector')) &&
              ciliumDeniesIngress(s),
          ),
        );
    }
  if (
    enforced(
      'CiliumClusterwideNetworkPolicy',
      inventory.ciliumClusterwide.length,
    )
  )
    for (const ccnp of inventory.ciliumClusterwide)
      for (const spec of ciliumSpecs(ccnp).filter(ciliumIsolates))
        wide(
          ccnp,
          'CiliumClusterwideNetworkPolicy',
          ccnpSelects(spec),
          ciliumDeniesIngress(spec),
        );
  if (enforced('CalicoNetworkPolicy', inventory.calico.length))
    for (const np of inventory.calico) {
      const spec = dig(np, 'spec');
      const ns = apps.find(a => a.name === np.metadata.namespace);
      const everyPod =
        !!ns &&
        matchCalicoSelector(dig(spec, 'selector'), calicoPodLookup(ns)) ===
          true;
      mark(np.metadata.namespace, everyPod && calicoDeniesIngress(spec));
    }
  const hostOnly = (gnp: KubeObject) =>
    dig(gnp, 'spec', 'doNotTrack') === true ||
    dig(gnp, 'spec', 'preDNAT') === true;
  if (enforced('GlobalNetworkPolicy', inventory.calicoGlobal.length))
    for (const gnp of inventory.calicoGlobal.filter(g => !hostOnly(g)))
      wide(
        gnp,
        'GlobalNetworkPolicy',
        gnpSelects(gnp),
        calicoDeniesIngress(dig(gnp, 'spec')),
      );
  const kinds: AdminKind[] = [
    'AdminNetworkPolicy',
    'BaselineAdminNetworkPolicy',
    'ClusterNetworkPolicy',
  ];
  for (const kind of kinds) {
    const objects = inventory.admin.filter(a => a.kind === kind);
    // Their ingress peers are in-cluster only: never a default-deny of everything.
    if (enforced(kind, objects.length))
      objects.forEach(a => wide(a.object, kind, adminSelects(a.object), false));
  }
  return {
    covered,
    defaultDeny,
    unenforced,
    evidence: [...evidence, ...capped(clusterwide, 5)],
  };
}
