import { fixtures, patched, withNamespace } from '../../__testUtils__/fixtures';
import { KubeObject } from '../../reader/types';
import {
  MUTUAL_AUTH,
  calicoCluster,
  ciliumCluster,
  kubeProxyAddons,
  mutualAuthPolicy,
  namespace,
  nodes,
  systemNamespaces,
} from './meshParts';
import { MESH_ISTIO_VARIANTS } from './meshIstio';
import { Variant } from './types';

const LINKERD = 'linkerd/install_default.golden';

/** `linkerd install` output, its policy controller started with another default inbound policy. */
function linkerd(policy?: string): KubeObject[] {
  return fixtures(LINKERD).map(o =>
    policy &&
    o.kind === 'Deployment' &&
    o.metadata.name === 'linkerd-destination'
      ? patched(o, c => {
          for (const container of c.spec.template.spec.containers)
            container.args = (container.args ?? []).map((a: string) =>
              a.startsWith('--default-policy=')
                ? `--default-policy=${policy}`
                : a,
            );
        })
      : o,
  );
}

const meshed = (name: string) =>
  namespace(name, {}, { 'linkerd.io/inject': 'enabled' });

/** Variants for the mesh rules. */
export const MESH_VARIANTS: Record<string, Variant> = {
  'mesh-cilium-no-mesh': {
    description:
      'Cilium without any mesh feature: the Cilium 1.16.10 charm render (mutual authentication off, no WireGuard, L7 proxy on) with kube-proxy, recent kernels and the application namespaces default and shop.',
    objects: () => [
      ...ciliumCluster(),
      namespace('default'),
      namespace('shop'),
    ],
  },
  'mesh-cilium-l7-policy': {
    description:
      "Cilium's own L7 policy, no mesh: the Cilium 1.16.10 charm render (L7 proxy on, so the per-node Envoy enforces HTTP rules) with the upstream HTTP example CiliumNetworkPolicy (examples/policies/l7/http/simple/l7.yaml, GET /public only) in namespace shop.",
    objects: () => [
      ...ciliumCluster(),
      namespace('default'),
      namespace('shop'),
      ...withNamespace(fixtures('cilium/l7-http-simple.yaml'), 'shop'),
    ],
  },
  'mesh-cilium-mutual-auth': {
    description:
      'Cilium mutual authentication switched on and nothing else: the Cilium 1.16.10 charm render with mesh-auth-enabled/mesh-auth-mutual-enabled as Helm renders authentication.mutual.spire.enabled=true, no WireGuard, and no policy that requires authentication; namespaces default and shop.',
    objects: () => [
      ...ciliumCluster(MUTUAL_AUTH),
      namespace('default'),
      namespace('shop'),
    ],
  },
  'mesh-cilium-mutual-auth-partial': {
    description:
      "Cilium mutual authentication with WireGuard, applied to one workload: the charm render with authentication.mutual.spire.enabled=true and encryption.type=wireguard, and Cilium's servicemesh example cnp-with-mutual-auth.yaml (authentication required into app=echo) in namespace echo; default and shop have no such policy.",
    objects: () => [
      ...ciliumCluster({ ...MUTUAL_AUTH, 'enable-wireguard': 'true' }),
      namespace('default'),
      namespace('shop'),
      namespace('echo'),
      mutualAuthPolicy('echo'),
    ],
  },
  'mesh-cilium-mutual-auth-everywhere': {
    description:
      'Cilium mutual authentication with WireGuard for every pair: as mesh-cilium-mutual-auth-partial, but the servicemesh example policy is copied into every application namespace (default, shop, echo) with its endpointSelector widened to every endpoint.',
    objects: () => [
      ...ciliumCluster({ ...MUTUAL_AUTH, 'enable-wireguard': 'true' }),
      ...['default', 'shop', 'echo'].flatMap(n => [
        namespace(n),
        mutualAuthPolicy(n, true),
      ]),
    ],
  },
  'mesh-calico-no-mesh': {
    description:
      "Calico's manifest install (iptables, no WireGuard) with kube-proxy and recent kernels, no mesh; namespaces default and shop.",
    objects: () => [
      ...calicoCluster(),
      namespace('default'),
      namespace('shop'),
    ],
  },
  'mesh-flannel-dev': {
    description:
      "A development cluster on Flannel from its upstream manifest (vxlan backend, no encryption) with kube-proxy and recent kernels; the CNI's encryption is out of the framework's scope.",
    objects: () => [
      ...systemNamespaces(),
      ...fixtures('flannel/kube-flannel.yml'),
      ...kubeProxyAddons(),
      ...nodes(),
      namespace('default'),
    ],
  },
  'mesh-linkerd-calico': {
    description:
      'Linkerd on Calico as `linkerd install` renders it by default (policy controller --default-policy=all-unauthenticated), with namespace emojivoto annotated linkerd.io/inject=enabled and default left unmeshed.',
    objects: () => [
      ...calicoCluster(),
      ...linkerd(),
      namespace('default'),
      meshed('emojivoto'),
    ],
  },
  'mesh-linkerd-authenticated': {
    description:
      'Linkerd on Calico requiring mTLS from every client: the `linkerd install` render with the policy controller flag changed to --default-policy=all-authenticated, as --set proxy.defaultInboundPolicy=all-authenticated renders it (the proxy env vars left as rendered), every application namespace (default, emojivoto) annotated linkerd.io/inject=enabled.',
    objects: () => [
      ...calicoCluster(),
      ...linkerd('all-authenticated'),
      meshed('default'),
      meshed('emojivoto'),
    ],
  },
  ...MESH_ISTIO_VARIANTS,
};
