import {
  calicoBpf,
  calicoIptables,
  ciliumAks,
  ciliumCharm,
  ciliumMesh,
  context,
  flannelCluster,
  istioAmbientOnCilium,
  linkerdOnCalico,
  merge,
  requiring,
  set,
  unknown,
} from '../__fixtures__/clusters';
import { nodes, policies } from '../__fixtures__/platform';
import { run } from '../__fixtures__/run';
import {
  readinessCalicoToCilium,
  readinessHubble,
  readinessKubeProxyReplacement,
  readinessMesh,
} from '.';

const REFRESH = { platformRefresh: '2027-03-01' };
const KERNELS =
  '2 of 2 Linux nodes run a kernel below 5.10 (lowest 5.4.129-63.229.amzn2.aarch64)';
const newKernels = (facts: ReturnType<typeof calicoIptables>) =>
  merge(facts, nodes('nodes/nri-kubernetes-1_35-nodes.yaml'));

describe('readiness.calico-to-cilium', () => {
  it('is blocked by the 5.4 kernels of the EKS nodes, with eBPF testing as the first step', () => {
    expect(
      run(readinessCalicoToCilium, calicoIptables(), context(REFRESH)),
    ).toEqual({
      status: 'blocked',
      blockers: [KERNELS],
      steps: [
        'First test Calico eBPF mode on the real workload: if it is close to Cilium, the move may not be worth its risk',
        'Roll the node image to a 5.10+ kernel',
        'Schedule the move inside the platform refresh of 2027-03-01',
        'Replace nodes one pool at a time (drain, reinstall with Cilium), with a rehearsed rollback',
        'Then turn on kube-proxy replacement, Hubble (relay, UI, metrics) and WireGuard',
      ],
    });
  });

  it('is ready on new kernels inside a refresh window', () => {
    expect(
      run(
        readinessCalicoToCilium,
        newKernels(calicoIptables()),
        context(REFRESH),
      ).status,
    ).toBe('ready');
  });

  it('lists every blocker of DESIGN §6', () => {
    const facts = merge(
      calicoIptables(),
      nodes('nodes/nodes.json', 2),
      policies(['opentelemetry/build_collector_base.yaml'], 3),
    );
    const ctx = context({ requirements: ['bgp-peering', 'iptables-tooling'] });
    expect(run(readinessCalicoToCilium, facts, ctx).blockers).toEqual([
      KERNELS,
      '2 Windows nodes: Cilium does not run Windows nodes',
      "requirement bgp-peering: peering with the physical network must move to Cilium's BGP control plane, which the network team has not accepted yet",
      'requirement iptables-tooling: Cilium replaces kube-proxy and its iptables rules',
      '3 Calico GlobalNetworkPolicy object(s) to translate (CiliumClusterwideNetworkPolicy has no tiers or order)',
      'no platform refresh window is planned (network-scorecard.io/platform-refresh): a CNI change rides on a refresh, never alone',
    ]);
  });

  it('accepts BGP peering once Cilium BGP control plane is on, and flags a refresh date in the past', () => {
    const bgp = set(
      'bgp',
      { calicoBgp: true, peers: 2, ciliumBgpControlPlane: true },
      ['ConfigMap kube-system/cilium-config: enable-bgp-control-plane=true'],
    );
    const ready = run(
      readinessCalicoToCilium,
      merge(newKernels(calicoIptables()), bgp),
      context({ ...REFRESH, requirements: ['bgp-peering'] }),
    );
    expect(ready.status).toBe('ready');
    expect(ready.steps).toContain(
      "Move the requirement bgp-peering to Cilium's BGP control plane (already enabled) and have the network team sign off",
    );
    expect(
      run(
        readinessCalicoToCilium,
        newKernels(calicoIptables()),
        context({ platformRefresh: '2026-01-15' }),
      ).blockers,
    ).toEqual([
      'the platform refresh of 2026-01-15 has passed; no new refresh window is planned',
    ]);
  });

  it('is unknown rather than ready when a blocker could hide in an unread fact', () => {
    const result = run(
      readinessCalicoToCilium,
      merge(newKernels(calicoIptables()), unknown('bgp')),
      context(REFRESH),
    );
    expect(result.status).toBe('unknown');
    expect(result.steps.at(-1)).toBe(
      'Confirm what the scanner could not read: bgp: forbidden',
    );
  });

  it('does not apply to Cilium clusters', () => {
    expect(run(readinessCalicoToCilium, ciliumAks()).status).toBe(
      'not-applicable',
    );
  });
});

describe('readiness.kube-proxy-replacement', () => {
  it('is blocked by old kernels on the charm cluster', () => {
    expect(run(readinessKubeProxyReplacement, ciliumCharm())).toMatchObject({
      status: 'blocked',
      blockers: [KERNELS],
    });
  });

  it('is ready where only the leftover DaemonSet remains, and done once it is gone', () => {
    expect(run(readinessKubeProxyReplacement, ciliumAks())).toEqual({
      status: 'ready',
      blockers: [],
      steps: [
        'Delete the kube-proxy DaemonSet: its replacement already routes Services',
      ],
    });
    expect(run(readinessKubeProxyReplacement, ciliumMesh()).status).toBe(
      'not-applicable',
    );
    expect(run(readinessKubeProxyReplacement, calicoBpf()).status).toBe(
      'not-applicable',
    );
  });

  it('is blocked by Flannel and by iptables-tooling', () => {
    expect(
      run(readinessKubeProxyReplacement, flannelCluster()).blockers,
    ).toEqual([
      'the CNI (flannel) cannot replace kube-proxy; only Cilium or Calico eBPF can',
    ]);
    expect(
      run(
        readinessKubeProxyReplacement,
        newKernels(calicoIptables()),
        requiring('iptables-tooling'),
      ).status,
    ).toBe('blocked');
    expect(
      run(readinessKubeProxyReplacement, newKernels(calicoIptables())).status,
    ).toBe('ready');
  });
});

describe('readiness.hubble', () => {
  it('lists what the charm cluster still lacks', () => {
    expect(run(readinessHubble, ciliumCharm())).toEqual({
      status: 'ready',
      blockers: [],
      steps: [
        'Deploy Hubble UI',
        'Build and link the Grafana dashboards: serviceMap, errorRates, latency, policyDenials',
      ],
    });
    expect(run(readinessHubble, ciliumAks()).steps).toEqual([
      'Deploy Hubble UI',
      'Export Hubble metrics http to Prometheus',
    ]);
  });

  it('has nothing left on the full v1.9 install and does not apply off Cilium', () => {
    expect(run(readinessHubble, istioAmbientOnCilium()).steps).toEqual([]);
    expect(run(readinessHubble, calicoIptables()).status).toBe(
      'not-applicable',
    );
    expect(
      run(readinessHubble, merge(ciliumAks(), unknown('dashboards'))).status,
    ).toBe('unknown');
  });
});

describe('readiness.mesh', () => {
  it('only applies when a mesh requirement is declared', () => {
    expect(run(readinessMesh, istioAmbientOnCilium()).status).toBe(
      'not-applicable',
    );
    expect(
      run(readinessMesh, ciliumAks(), requiring('bgp-peering')).status,
    ).toBe('not-applicable');
  });

  it('is done when the fitting mesh already answers every requirement', () => {
    expect(
      run(
        readinessMesh,
        istioAmbientOnCilium(),
        requiring('mtls-all-east-west', 'auditable-l7'),
      ),
    ).toEqual({
      status: 'ready',
      blockers: [],
      steps: [],
    });
    expect(
      run(
        readinessMesh,
        ciliumMesh(),
        requiring('mtls-all-east-west', 'l7-policy'),
      ).steps,
    ).toEqual([]);
  });

  it('names the fitting mesh and the steps to it', () => {
    expect(
      run(readinessMesh, ciliumAks(), requiring('mtls-all-east-west')).steps,
    ).toEqual([
      'Adopt Cilium service mesh, the fit for mtls-all-east-west: enable its mesh features (Envoy DaemonSet, Gateway API) on the existing Cilium install',
      'Enable Cilium mutual authentication (SPIRE) and set authentication.mode: required in every service policy',
    ]);
    expect(
      run(
        readinessMesh,
        linkerdOnCalico(),
        requiring('mtls-all-east-west'),
      ).steps.at(-1),
    ).toBe('Move workloads off Linkerd, namespace by namespace');
  });

  it('is blocked by old kernels for Cilium and by Windows nodes for Istio', () => {
    expect(
      run(readinessMesh, ciliumCharm(), requiring('l7-policy')).blockers,
    ).toEqual([KERNELS]);
    const windows = merge(calicoIptables(), nodes('nodes/nodes.json', 2));
    expect(
      run(readinessMesh, windows, requiring('auditable-l7')).blockers,
    ).toEqual([
      '2 Windows nodes: Istio ambient cannot enrol Windows workloads',
    ]);
  });

  it('is unknown when the mesh cannot be read', () => {
    expect(
      run(
        readinessMesh,
        merge(ciliumAks(), unknown('mesh')),
        requiring('l7-policy'),
      ).status,
    ).toBe('unknown');
  });
});
