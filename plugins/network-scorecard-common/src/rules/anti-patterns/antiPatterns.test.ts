import {
  calicoBpf,
  calicoIptables,
  ciliumAks,
  ciliumCharm,
  ciliumMesh,
  context,
  istioAmbientOnCilium,
  istioSidecarOnCalico,
  merge,
  migrating,
  requiring,
  set,
  unknown,
} from '../__fixtures__/clusters';
import { istio } from '../__fixtures__/platform';
import { run } from '../__fixtures__/run';
import {
  apCalicoEbpfUntested,
  apGlobalL7Visibility,
  apInfraTracingEverywhere,
  apMeshTooEarly,
  apMeshWithoutQuestion,
  apSidecarsWhenAmbientFits,
  apStandaloneCniMigration,
  apTwoControlPlanes,
} from '.';

const ISTIOD =
  'Deployment istio-system/istiod: image registry.istio.io/release/pilot:1.1.4';

describe('ap.mesh-too-early', () => {
  it('detects Istio for 12 catalog services with no requirement (the 2024 mistake)', () => {
    const result = run(
      apMeshTooEarly,
      istioSidecarOnCalico(),
      context({ catalogServiceCount: 12 }),
    );
    expect(result).toEqual({
      status: 'detected',
      evidence: [
        ISTIOD,
        'DaemonSet istio-system/ztunnel: not found',
        'catalog: 12 Components/Systems run on this cluster',
        'catalog: network-scorecard.io/requirements=(none)',
        'Istio with sidecars for 12 services (< 20)',
      ],
    });
  });

  it('falls back to the Kubernetes Service count and says so', () => {
    const facts = merge(
      istioAmbientOnCilium(),
      set('services', 14, ['Service list: 14 items']),
    );
    const result = run(apMeshTooEarly, facts);
    expect(result.status).toBe('detected');
    expect(result.evidence).toContain(
      'no catalog service count: 14 Kubernetes Services counted instead (includes system Services)',
    );
    expect(run(apMeshTooEarly, istioAmbientOnCilium()).status).toBe('clear'); // 64 Services
  });

  it('is clear with a requirement, and unknown with no count at all', () => {
    expect(
      run(
        apMeshTooEarly,
        istioSidecarOnCalico(),
        requiring('mtls-all-east-west'),
      ).status,
    ).toBe('clear');
    expect(
      run(apMeshTooEarly, merge(istioAmbientOnCilium(), unknown('services')))
        .status,
    ).toBe('unknown');
  });
});

describe('ap.mesh-without-question', () => {
  it('detects a mesh with no requirement, and one whose requirements it cannot answer', () => {
    expect(run(apMeshWithoutQuestion, istioSidecarOnCalico()).status).toBe(
      'detected',
    );
    expect(
      run(apMeshWithoutQuestion, ciliumMesh(), requiring('auditable-l7'))
        .evidence,
    ).toContain('Cilium service mesh answers none of auditable-l7');
    expect(
      run(apMeshWithoutQuestion, ciliumMesh(), requiring('l7-policy')).status,
    ).toBe('clear');
    expect(run(apMeshWithoutQuestion, ciliumAks()).status).toBe('clear');
  });
});

describe('ap.sidecars-when-ambient-fits', () => {
  it('detects sidecar injection from the injection.yaml namespace labels', () => {
    const result = run(apSidecarsWhenAmbientFits, istioSidecarOnCalico());
    expect(result.status).toBe('detected');
    expect(result.evidence).toContain(
      'Namespace default: sidecar injection label',
    );
    expect(result.evidence.at(-1)).toBe(
      'sidecar injection in 8 namespace(s): default, canary-test, pidgeon-test, busted, multi-ns-1 and 3 more',
    );
  });

  it('detects namespaces still injecting next to ambient; clear once none do', () => {
    expect(run(apSidecarsWhenAmbientFits, istioAmbientOnCilium()).status).toBe(
      'detected',
    );
    const details = istio({ ambient: true })['mesh.details']!.value!;
    const clean = merge(
      istioAmbientOnCilium(),
      set('mesh.details', { ...details, injectedNamespaces: [] }, [
        'Namespace ambient: istio.io/dataplane-mode=ambient',
      ]),
    );
    expect(run(apSidecarsWhenAmbientFits, clean).status).toBe('clear');
    expect(
      run(
        apSidecarsWhenAmbientFits,
        merge(istioAmbientOnCilium(), unknown('mesh.details')),
      ).status,
    ).toBe('unknown');
  });
});

describe('ap.two-control-planes', () => {
  it('detects Istio on Cilium without auditable-l7, and accepts it with', () => {
    const result = run(
      apTwoControlPlanes,
      istioAmbientOnCilium(),
      requiring('mtls-all-east-west'),
    );
    expect(result.status).toBe('detected');
    expect(result.evidence.at(-1)).toBe(
      'Istio runs on top of Cilium, whose own mesh would cover the declared needs',
    );
    expect(
      run(apTwoControlPlanes, istioAmbientOnCilium(), requiring('auditable-l7'))
        .status,
    ).toBe('clear');
  });

  it('is clear for Istio on Calico (one CNI, one mesh)', () => {
    expect(run(apTwoControlPlanes, istioSidecarOnCalico()).status).toBe(
      'clear',
    );
  });
});

describe('ap.standalone-cni-migration', () => {
  it('detects Calico and Cilium side by side without a refresh, or after its date', () => {
    const result = run(apStandaloneCniMigration, migrating());
    expect(result.status).toBe('detected');
    expect(result.evidence).toEqual([
      'DaemonSet kube-system/calico-node: image quay.io/calico/node:v3.32.1',
      'DaemonSet kube-system/cilium: image quay.io/cilium/cilium:v1.16.10',
      'catalog: network-scorecard.io/platform-refresh=(not set)',
      'calico and cilium run side by side with no platform refresh planned',
    ]);
    expect(
      run(
        apStandaloneCniMigration,
        migrating(),
        context({ platformRefresh: '2026-06-01' }),
      ).status,
    ).toBe('detected');
    expect(
      run(
        apStandaloneCniMigration,
        migrating(),
        context({ platformRefresh: '2027-03-01' }),
      ).status,
    ).toBe('clear');
  });

  it('treats Canal (Calico policy on Flannel) as a steady state, not a migration', () => {
    const canal = merge(
      calicoIptables(),
      set('cni.all', ['calico', 'flannel'], ['canal']),
    );
    expect(run(apStandaloneCniMigration, canal).status).toBe('clear');
  });
});

describe('ap.calico-ebpf-untested', () => {
  it('detects a Cilium rollout or a planned refresh while Calico runs iptables', () => {
    expect(run(apCalicoEbpfUntested, migrating()).status).toBe('detected');
    expect(
      run(
        apCalicoEbpfUntested,
        calicoIptables(),
        context({ platformRefresh: '2027-03-01' }),
      ).status,
    ).toBe('detected');
  });

  it('is clear for Calico on eBPF, or with no move in sight', () => {
    // a refresh on a BGP-peering (or Windows) cluster keeps Calico, so no move to Cilium is prepared
    expect(
      run(
        apCalicoEbpfUntested,
        calicoIptables(),
        context({
          platformRefresh: '2027-03-01',
          requirements: ['bgp-peering'],
        }),
      ).status,
    ).toBe('clear');
    expect(
      run(
        apCalicoEbpfUntested,
        calicoBpf(),
        context({ platformRefresh: '2027-03-01' }),
      ).status,
    ).toBe('clear');
    expect(run(apCalicoEbpfUntested, calicoIptables()).status).toBe('clear');
    expect(run(apCalicoEbpfUntested, ciliumCharm()).status).toBe('clear');
  });
});

describe('ap.global-l7-visibility', () => {
  it('detects cluster-wide L7 visibility and notes the http metrics it feeds', () => {
    const facts = merge(
      ciliumCharm(),
      set('l7Visibility', 'global', [
        'CiliumClusterwideNetworkPolicy l7-all: http rule on every endpoint',
      ]),
    );
    const result = run(apGlobalL7Visibility, facts);
    expect(result.status).toBe('detected');
    expect(result.evidence.at(-1)).toBe(
      'Hubble http metrics are therefore collected for every pod',
    );
    expect(run(apGlobalL7Visibility, istioAmbientOnCilium()).status).toBe(
      'clear',
    );
  });
});

describe('ap.infra-tracing-everywhere', () => {
  it('detects a mesh-wide 100 % Istio Telemetry unless per-request observability is declared', () => {
    const facts = istioSidecarOnCalico({ tracingNamespace: 'istio-system' });
    expect(run(apInfraTracingEverywhere, facts)).toEqual({
      status: 'detected',
      evidence: [
        'Telemetry istio-system/otel-tracing: randomSamplingPercentage=100',
        'catalog: network-scorecard.io/requirements=(none)',
      ],
    });
    expect(
      run(
        apInfraTracingEverywhere,
        facts,
        requiring('per-request-observability'),
      ).status,
    ).toBe('clear');
    expect(run(apInfraTracingEverywhere, istioSidecarOnCalico()).status).toBe(
      'clear',
    );
  });
});
