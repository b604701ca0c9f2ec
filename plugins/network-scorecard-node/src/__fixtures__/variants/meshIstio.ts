import {
  find,
  fixtures,
  patched,
  withNamespace,
} from '../../__testUtils__/fixtures';
import { KubeObject } from '../../reader/types';
import {
  calicoCluster,
  ciliumCluster,
  namespace,
  systemNamespaces,
  charmCilium,
  kubeProxyAddons,
  nodes,
} from './meshParts';
import { Variant } from './types';

const PILOT = 'istio/pilot_default.golden.yaml';

/** istiod from the istioctl golden: Deployment and Service (its mesh ConfigMap left out: defaults apply). */
function istiod(): KubeObject[] {
  const objects = fixtures(PILOT);
  return [
    find(objects, 'Deployment', 'istiod'),
    find(objects, 'Service', 'istiod'),
  ];
}

function ambientDataPlane(): KubeObject[] {
  return fixtures('istio/ztunnel.golden.yaml', 'istio/istio-cni.golden.yaml');
}

/** The mesh-wide STRICT PeerAuthentication of the ambient test data (its workload override left out). */
function strictMeshWide(rootNamespace = 'istio-system'): KubeObject {
  const mesh = find(
    fixtures('istio/peer-authn-strict-root-permissive-workload-in.yaml'),
    'PeerAuthentication',
    'default-mesh',
  );
  return patched(mesh, c => {
    c.metadata.namespace = rootNamespace;
  });
}

/** Namespaces of the injection analyzer test data, by name. */
function injectionNamespace(name: string): KubeObject {
  return find(fixtures('istio/injection.yaml'), 'Namespace', name);
}

function ambientNamespace(name: string): KubeObject {
  return namespace(name, { 'istio.io/dataplane-mode': 'ambient' });
}

const AKS_REV = 'asm-1-24';
const AKS_NS = 'aks-istio-system';

/**
 * The AKS Istio add-on as its documentation and kubectl output show it: the
 * istio-discovery chart rendered for revision asm-1-24 into aks-istio-system.
 * Built from the istioctl golden's istiod, ConfigMap and injector webhook
 * (fixtures/upstream/istio/PROVENANCE.md names the source of every renamed field).
 */
function aksIstioAddon(): KubeObject[] {
  const objects = fixtures(PILOT);
  const aksLabels = {
    app: 'istiod',
    istio: 'pilot',
    'istio.io/rev': AKS_REV,
    'kubernetes.azure.com/managedby': 'aks',
    'operator.istio.io/component': 'Pilot',
    release: 'azure-service-mesh-istio-discovery',
  };
  const deployment = patched(find(objects, 'Deployment', 'istiod'), c => {
    c.metadata.name = `istiod-${AKS_REV}`;
    c.metadata.namespace = AKS_NS;
    c.metadata.labels = aksLabels;
    c.spec.template.metadata.labels['istio.io/rev'] = AKS_REV;
    c.spec.template.spec.containers[0].image =
      'mcr.microsoft.com/oss/istio/pilot:1.24.3-distroless';
  });
  const config = patched(find(objects, 'ConfigMap', 'istio'), c => {
    c.metadata.name = `istio-${AKS_REV}`;
    c.metadata.namespace = AKS_NS;
    c.metadata.labels['istio.io/rev'] = AKS_REV;
    c.data.mesh = c.data.mesh
      .replace('istiod.istio-system.svc', `istiod-${AKS_REV}.${AKS_NS}.svc`)
      .replace('rootNamespace: istio-control', `rootNamespace: ${AKS_NS}`);
  });
  const webhook = patched(
    find(objects, 'MutatingWebhookConfiguration', 'istio-sidecar-injector'),
    c => {
      c.metadata.name = `istio-sidecar-injector-${AKS_REV}-${AKS_NS}`;
      c.metadata.labels = {
        app: 'sidecar-injector',
        'istio.io/rev': AKS_REV,
        'operator.istio.io/component': 'Pilot',
        release: 'azure-service-mesh-istio-discovery',
      };
      // the add-on's webhook serves revision-labelled namespaces and pods only
      c.webhooks = c.webhooks
        .filter((w: { name: string }) => w.name.startsWith('rev.'))
        .map((w: Record<string, any>) => ({
          ...w,
          clientConfig: {
            ...w.clientConfig,
            service: {
              ...w.clientConfig.service,
              name: `istiod-${AKS_REV}`,
              namespace: AKS_NS,
            },
          },
          namespaceSelector: JSON.parse(
            JSON.stringify(w.namespaceSelector).replace(
              '["default"]',
              `["${AKS_REV}"]`,
            ),
          ),
        }));
    },
  );
  return [
    namespace(AKS_NS),
    namespace('aks-istio-ingress'),
    deployment,
    config,
    webhook,
  ];
}

/**
 * A control plane run outside the cluster: only its revision-tag webhook is
 * here (the golden's injector webhook renamed istio-revision-tag-default and
 * pointed at a revision "managed"), no istiod Deployment, no mesh ConfigMap.
 */
function managedIstioWebhook(): KubeObject {
  const webhook = find(
    fixtures(PILOT),
    'MutatingWebhookConfiguration',
    'istio-sidecar-injector',
  );
  return patched(webhook, c => {
    c.metadata.name = 'istio-revision-tag-default';
    c.metadata.labels['istio.io/rev'] = 'managed';
    c.metadata.labels['istio.io/tag'] = 'default';
  });
}

export const MESH_ISTIO_VARIANTS: Record<string, Variant> = {
  'mesh-istio-ambient-on-cilium': {
    description:
      'Istio ambient on top of Cilium, the framework\'s pick for regulated mTLS: the Cilium 1.16.10 charm render (no WireGuard) with istiod, ztunnel and istio-cni from the istioctl goldens, the "ambient" namespace of the injection analyzer data and default (relabelled ambient, its injection label dropped) as the only application namespaces, the reviews waypoint, and the mesh-wide STRICT PeerAuthentication of the ambient test data.',
    objects: () => [
      ...ciliumCluster(),
      namespace('istio-system'),
      ...istiod(),
      ...ambientDataPlane(),
      injectionNamespace('ambient'),
      ambientNamespace('default'),
      ...withNamespace(fixtures('istio/reviews-waypoint.yaml'), 'ambient'),
      strictMeshWide(),
    ],
  },
  'mesh-istio-ambient-partial': {
    description:
      'Istio ambient on Cilium with gaps: as mesh-istio-ambient-on-cilium, but with the whole PeerAuthentication test file (mesh-wide STRICT plus a PERMISSIVE port 9090 for app=a in foo), foo relabelled ambient as in that ambient test, and bar (no label) left outside the mesh.',
    objects: () => [
      ...ciliumCluster(),
      namespace('istio-system'),
      ...istiod(),
      ...ambientDataPlane(),
      injectionNamespace('ambient'),
      ambientNamespace('default'),
      ambientNamespace('foo'),
      injectionNamespace('bar'),
      ...fixtures('istio/peer-authn-strict-root-permissive-workload-in.yaml'),
    ],
  },
  'mesh-istio-sidecar-calico': {
    description:
      "Istio with sidecars on Calico (the 2024 lesson: a mesh on a dozen services): Calico's manifest install with kube-proxy, istiod from the istioctl golden (revision default, no ztunnel), and the injection analyzer's namespaces (istio-injection=enabled, revision labels for canary/pidgeon/test that no istiod serves, opt-outs).",
    objects: () => [
      ...calicoCluster(),
      namespace('istio-system'),
      ...istiod(),
      ...fixtures('istio/injection.yaml').filter(o => o.kind === 'Namespace'),
    ],
  },
  'mesh-istio-ingress-only': {
    description:
      'istiod on Cilium with nothing enrolled (kept for an ingress gateway): the Cilium 1.16.10 charm render, istiod from the istioctl golden, and the unlabelled namespaces default and bar of the injection analyzer data.',
    objects: () => [
      ...ciliumCluster(),
      namespace('istio-system'),
      ...istiod(),
      namespace('default'),
      injectionNamespace('bar'),
    ],
  },
  'mesh-aks-istio-addon': {
    description:
      'The AKS Istio add-on (revision asm-1-24) on Azure CNI powered by Cilium 1.18: istiod-asm-1-24, ConfigMap istio-asm-1-24 and webhook istio-sidecar-injector-asm-1-24-aks-istio-system in aks-istio-system, renamed from the istioctl golden as the add-on renders them; default and pets labelled istio.io/rev=asm-1-24 as the add-on documentation asks, legacy labelled istio-injection=enabled (a no-op on the add-on), and STRICT mesh-wide mTLS in the root namespace aks-istio-system.',
    objects: () => [
      ...systemNamespaces(),
      ...fixtures(
        'cilium/aks-acn-v1.18-cilium-config-hubble.yaml',
        'cilium/aks-acn-v1.18-cilium-daemonset.yaml',
        'cilium/aks-acn-v1.18-cilium-operator-deployment.yaml',
      ),
      ...kubeProxyAddons(),
      ...nodes(),
      ...aksIstioAddon(),
      namespace('default', { 'istio.io/rev': AKS_REV }),
      namespace('pets', { 'istio.io/rev': AKS_REV }),
      namespace('legacy', { 'istio-injection': 'enabled' }),
      strictMeshWide(AKS_NS),
    ],
  },
  'mesh-istio-managed-control-plane': {
    description:
      'Istio whose control plane runs outside the cluster: only the revision-tag webhook istio-revision-tag-default (the istioctl golden injector webhook, renamed and labelled istio.io/tag=default) on the Cilium 1.16.10 charm render; default labelled istio-injection=enabled.',
    objects: () => [
      ...systemNamespaces(),
      ...charmCilium(),
      ...kubeProxyAddons(),
      ...nodes(),
      namespace('istio-system'),
      managedIstioWebhook(),
      namespace('default', { 'istio-injection': 'enabled' }),
    ],
  },
};
