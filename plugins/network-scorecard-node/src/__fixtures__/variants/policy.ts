import {
  find,
  fixtures,
  object,
  patched,
  withNamespace,
} from '../../__testUtils__/fixtures';
import { KubeObject } from '../../reader/types';
import { Variant } from './types';

// Namespaces are derived objects (a name is all the API server needs); every
// cluster has default and the kube-* ones.
const SYSTEM = ['kube-system', 'kube-public', 'kube-node-lease'];
function namespaces(...apps: string[]): KubeObject[] {
  return [...SYSTEM, 'default', ...apps].map(n => object('v1', 'Namespace', n));
}

/** Copies of an upstream namespaced object in other namespaces. */
function into(o: KubeObject, ...spaces: string[]): KubeObject[] {
  return spaces.map(ns =>
    patched(o, c => {
      c.metadata.namespace = ns;
    }),
  );
}

/**
 * The docs write Calico objects as projectcalico.org/v3 (Calico's API
 * server); the manifest install serves them from its CRDs, where they are
 * stored, and listed, as crd.projectcalico.org/v1.
 */
function stored(objects: KubeObject[]): KubeObject[] {
  return objects.map(o =>
    o.apiVersion === 'projectcalico.org/v3'
      ? { ...o, apiVersion: 'crd.projectcalico.org/v1' }
      : o,
  );
}

const charm = () =>
  fixtures(
    'cilium/charm-cilium-1.16.10-rendered.yaml',
    'cilium/charm-hubble-relay-1.16.10-rendered.yaml',
  );

/** The charm's cilium-config with one key changed, as `helm --set` would render it. */
function charmWith(key: string, value: string): KubeObject[] {
  return charm().map(o =>
    o.kind === 'ConfigMap' && o.metadata.name === 'cilium-config'
      ? patched(o, c => {
          c.data[key] = value;
        })
      : o,
  );
}

const denyAll = () =>
  find(
    fixtures('cilium/deny-all-ingress.yaml'),
    'CiliumNetworkPolicy',
    'all-ingress-deny',
  );
const calicoDocs = () =>
  stored(fixtures('calico/docs-kubernetes-default-deny.yaml'));
/** The docs page holds a Calico and a Kubernetes NetworkPolicy of the same name. */
const docsDeny = (group: string) => {
  const found = calicoDocs().find(
    o => o.kind === 'NetworkPolicy' && !!o.apiVersion?.startsWith(group),
  );
  if (!found) throw new Error(`no ${group} NetworkPolicy in the Calico docs`);
  return found;
};
const kubeDeny = () => docsDeny('networking.k8s.io/');
const calicoDeny = () => docsDeny('crd.projectcalico.org/');

/** Variants for the policy rules. */
export const POLICY_VARIANTS: Record<string, Variant> = {
  'policy-cilium-zero-trust': {
    description:
      "Canonical's Cilium 1.16.10 charm with Cilium's connectivity-test policy all-ingress-deny copied into default and shop, and the upstream DNS-aware (dns.yaml) and mutual-auth L7 (cnp-with-mutual-auth.yaml) policies in shop",
    objects: () => [
      ...charm(),
      ...namespaces('shop'),
      ...into(denyAll(), 'default', 'shop'),
      ...withNamespace(
        fixtures('cilium/dns.yaml', 'cilium/cnp-with-mutual-auth.yaml'),
        'shop',
      ),
    ],
  },
  'policy-cilium-partial': {
    description:
      'AKS "Azure CNI powered by Cilium" 1.18 (cilium-config, agent DaemonSet) with the upstream dns.yaml policy in checkout and the OpenTelemetry operator\'s collector NetworkPolicy in test; default has no policy and no namespace has a default-deny',
    objects: () => [
      ...fixtures(
        'cilium/aks-acn-v1.18-cilium-config-hubble.yaml',
        'cilium/aks-acn-v1.18-cilium-daemonset.yaml',
      ),
      ...namespaces('checkout', 'test'),
      ...withNamespace(fixtures('cilium/dns.yaml'), 'checkout'),
      find(
        fixtures('opentelemetry/build_collector_base.yaml'),
        'NetworkPolicy',
        'test-collector-networkpolicy',
      ),
    ],
  },
  'policy-cilium-no-policy': {
    description:
      "Canonical's Cilium 1.16.10 charm with an application namespace shop and no policy of any kind",
    objects: () => [...charm(), ...namespaces('shop')],
  },
  'policy-cilium-deny-only': {
    description:
      "Canonical's Cilium 1.16.10 charm with Cilium's connectivity-test policy all-ingress-deny copied into default and shop, and no other policy (no DNS-aware or L7 rule)",
    objects: () => [
      ...charm(),
      ...namespaces('shop'),
      ...into(denyAll(), 'default', 'shop'),
    ],
  },
  'policy-cilium-enforcement-never': {
    description:
      "Canonical's Cilium 1.16.10 charm rendered with policyEnforcementMode=never (cilium-config enable-policy: never, as on the demo's prod-us-1), with the Calico docs' Kubernetes default-deny NetworkPolicy copied into default and shop",
    objects: () => [
      ...charmWith('enable-policy', 'never'),
      ...namespaces('shop'),
      ...into(kubeDeny(), 'default', 'shop'),
    ],
  },
  'policy-cilium-audit-mode': {
    description:
      'Canonical\'s Cilium 1.16.10 charm rendered with policyAuditMode=true (cilium-config policy-audit-mode: "true"), with Cilium\'s all-ingress-deny copied into default and shop',
    objects: () => [
      ...charmWith('policy-audit-mode', 'true'),
      ...namespaces('shop'),
      ...into(denyAll(), 'default', 'shop'),
    ],
  },
  'policy-cilium-k8s-networkpolicy-off': {
    description:
      'Canonical\'s Cilium 1.16.10 charm with cilium-config enable-k8s-networkpolicy: "false" (Helm k8sNetworkPolicy.enabled=false), whose only policies are the Calico docs\' Kubernetes default-deny NetworkPolicy copied into default and shop',
    objects: () => [
      ...charmWith('enable-k8s-networkpolicy', 'false'),
      ...namespaces('shop'),
      ...into(kubeDeny(), 'default', 'shop'),
    ],
  },
  'policy-cilium-clusterwide-egress': {
    description:
      "Canonical's Cilium 1.16.10 charm with Cilium's service-mesh example CiliumClusterwideNetworkPolicy default-deny (every namespace but kube-system, egress to kube-dns only) and nothing else",
    objects: () => [
      ...charm(),
      ...namespaces('shop'),
      ...fixtures('cilium/servicemesh-default-deny.yaml'),
    ],
  },
  'policy-calico-namespaced-deny': {
    description:
      "Calico 3.32.1 from its manifest with only Calico's own kinds (apiVersion crd.projectcalico.org/v1, as its CRDs store the docs' projectcalico.org/v3 objects): the docs' Calico NetworkPolicy engineering/default-deny, copied into default and production too, the docs' allow-tcp-6379 in production, the reference Tier internal-access and its StagedNetworkPolicy",
    objects: () => [
      ...fixtures('calico/calico.yaml'),
      ...namespaces('engineering', 'production'),
      calicoDeny(),
      ...into(calicoDeny(), 'default', 'production'),
      ...stored(fixtures('calico/docs-calico-network-policy.yaml')).filter(
        o => o.kind === 'NetworkPolicy',
      ),
      ...stored(fixtures('calico/docs-tier-staged.yaml')),
    ],
  },
  'policy-calico-global-deny': {
    description:
      "Calico 3.32.1 from its manifest with the docs' GlobalNetworkPolicy deny-app-policy (every namespace but kube-system and calico-system, ingress and egress, DNS allowed) and deny-blue (selects pods by label), stored as crd.projectcalico.org/v1",
    objects: () => [
      ...fixtures('calico/calico.yaml'),
      ...namespaces('engineering'),
      find(calicoDocs(), 'GlobalNetworkPolicy', 'deny-app-policy'),
      ...stored(fixtures('calico/docs-calico-network-policy.yaml')).filter(
        o => o.kind === 'GlobalNetworkPolicy',
      ),
    ],
  },
  'policy-calico-no-namespaces': {
    description:
      "A partial dump of Calico 3.32.1 from its manifest with the docs' GlobalNetworkPolicy deny-app-policy (stored as crd.projectcalico.org/v1) but without any Namespace object, as `kubectl get` of a kind list that left namespaces out prints it",
    objects: () => [
      ...fixtures('calico/calico.yaml'),
      find(calicoDocs(), 'GlobalNetworkPolicy', 'deny-app-policy'),
    ],
  },
  'policy-calico-admin-kinds': {
    description:
      'Calico 3.32.1 from its manifest (its CRDs serve ClusterNetworkPolicy v1alpha2) with the network-policy-api conformance ClusterNetworkPolicy admin-ingress-isolation, plus the policy-assistant demo AdminNetworkPolicy anp1 and BaselineAdminNetworkPolicy default (v1alpha1), which Calico 3.32 no longer enforces',
    objects: () => [
      ...fixtures(
        'calico/calico.yaml',
        'network-policy-api/standard-ingress-isolation-admin.yaml',
        'network-policy-api/anp1.yaml',
        'network-policy-api/banp.yaml',
      ),
      ...namespaces('demo', 'network-policy-conformance-gryffindor'),
    ],
  },
  'policy-flannel': {
    description:
      "Flannel v0.28.9 from its manifest with the OpenTelemetry operator's collector NetworkPolicy in test",
    objects: () => [
      ...fixtures('flannel/kube-flannel.yml'),
      ...namespaces('test'),
      find(
        fixtures('opentelemetry/build_collector_base.yaml'),
        'NetworkPolicy',
        'test-collector-networkpolicy',
      ),
    ],
  },
};
