import { listAll } from '../../reader/paging';
import { RESOURCES, builtIn } from '../../reader/resources';
import { ResourceSpec } from '../../reader/resources';
import { ClusterReader, KubeObject, ReadFailure } from '../../reader/types';
import { customObjects, notServed, servedType } from '../support/workloads';

export type AdminKind =
  | 'AdminNetworkPolicy'
  | 'BaselineAdminNetworkPolicy'
  | 'ClusterNetworkPolicy';

/** Every policy object of the cluster, by kind; custom kinds only where their group is served. */
export interface Inventory {
  networkPolicies: KubeObject[];
  cilium: KubeObject[];
  ciliumClusterwide: KubeObject[];
  calico: KubeObject[];
  calicoGlobal: KubeObject[];
  /** Tiers besides Calico's own */
  tiers: KubeObject[];
  staged: number;
  admin: { kind: AdminKind; object: KubeObject }[];
  /** per API family: what was counted, or that it is not served */
  evidence: {
    kubernetes: string;
    cilium: string;
    calico: string;
    admin: string;
  };
}

// Tiers Calico (and the Tigera operator) create for themselves and for the
// Kubernetes admin policies they translate.
const OWN_TIERS = [
  'default',
  'kube-admin',
  'kube-baseline',
  'adminnetworkpolicy',
  'baselineadminnetworkpolicy',
  'allow-tigera',
];

// Objects the aggregated projectcalico.org/v3 API shows for policies that
// Calico translated from another kind; the CRD group never holds them.
const TRANSLATED = /^(knp\.default\.|kcnp\.)/;

const own = (o: KubeObject) => !TRANSLATED.test(o.metadata.name);

/** How many objects of a served custom kind exist (counted, not listed). */
async function countOf(
  reader: ClusterReader,
  resource: ResourceSpec,
): Promise<number> {
  const type = await servedType(reader, resource);
  if (!type) return 0;
  try {
    return await reader.count(type);
  } catch (error) {
    if (error instanceof ReadFailure && error.kind === 'not-found') return 0;
    throw error;
  }
}

async function calicoKinds(reader: ClusterReader) {
  if (!(await servedType(reader, RESOURCES.GlobalNetworkPolicy))) return null;
  const [calico, calicoGlobal, tiers, ...staged] = await Promise.all([
    customObjects(reader, RESOURCES.CalicoNetworkPolicy),
    customObjects(reader, RESOURCES.GlobalNetworkPolicy),
    customObjects(reader, RESOURCES.Tier),
    countOf(reader, RESOURCES.StagedNetworkPolicy),
    countOf(reader, RESOURCES.StagedGlobalNetworkPolicy),
    countOf(reader, RESOURCES.StagedKubernetesNetworkPolicy),
  ]);
  return {
    calico: calico.filter(own),
    calicoGlobal: calicoGlobal.filter(own),
    tiers: tiers.filter(t => !OWN_TIERS.includes(t.metadata.name)),
    staged: staged.reduce((n, c) => n + c, 0),
  };
}

async function adminKinds(reader: ClusterReader) {
  const kinds: AdminKind[] = [
    'AdminNetworkPolicy',
    'BaselineAdminNetworkPolicy',
    'ClusterNetworkPolicy',
  ];
  const served = await Promise.all(
    kinds.map(k => servedType(reader, RESOURCES[k])),
  );
  if (!served.some(Boolean)) return null;
  const lists = await Promise.all(
    kinds.map(k => customObjects(reader, RESOURCES[k])),
  );
  return kinds.flatMap((kind, i) => lists[i].map(object => ({ kind, object })));
}

export async function readInventory(reader: ClusterReader): Promise<Inventory> {
  const [
    networkPolicies,
    ciliumServed,
    cilium,
    ciliumClusterwide,
    calico,
    admin,
  ] = await Promise.all([
    listAll(reader, builtIn(RESOURCES.NetworkPolicy)),
    servedType(reader, RESOURCES.CiliumNetworkPolicy),
    customObjects(reader, RESOURCES.CiliumNetworkPolicy),
    customObjects(reader, RESOURCES.CiliumClusterwideNetworkPolicy),
    calicoKinds(reader),
    adminKinds(reader),
  ]);
  const count = (kind: AdminKind) =>
    (admin ?? []).filter(a => a.kind === kind).length;
  const evidence = {
    kubernetes: `NetworkPolicies: ${networkPolicies.length} in all namespaces`,
    cilium: ciliumServed
      ? `CiliumNetworkPolicies: ${cilium.length}, CiliumClusterwideNetworkPolicies: ${ciliumClusterwide.length}`
      : notServed(RESOURCES.CiliumNetworkPolicy),
    calico: calico
      ? `GlobalNetworkPolicies: ${calico.calicoGlobal.length}, Calico NetworkPolicies: ${calico.calico.length}, Tiers besides Calico's own: ${calico.tiers.length}, staged policies: ${calico.staged}`
      : notServed(RESOURCES.GlobalNetworkPolicy),
    admin: admin
      ? `AdminNetworkPolicies: ${count(
          'AdminNetworkPolicy',
        )}, BaselineAdminNetworkPolicies: ${count(
          'BaselineAdminNetworkPolicy',
        )}, ClusterNetworkPolicies: ${count('ClusterNetworkPolicy')}`
      : 'API discovery: policy.networking.k8s.io not served (no AdminNetworkPolicy or ClusterNetworkPolicy)',
  };
  return {
    networkPolicies,
    cilium,
    ciliumClusterwide,
    calico: calico?.calico ?? [],
    calicoGlobal: calico?.calicoGlobal ?? [],
    tiers: calico?.tiers ?? [],
    staged: calico?.staged ?? 0,
    admin: admin ?? [],
    evidence,
  };
}
