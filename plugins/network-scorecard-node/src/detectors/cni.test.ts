import {
  factsOf,
  find,
  fixtures,
  object,
  patched,
} from '../__testUtils__/fixtures';

const calicoManifest = () => fixtures('calico/calico.yaml');

describe('detectCni', () => {
  it('reads Cilium and its version from the agent DaemonSet image (charm 1.16.10 render)', async () => {
    const facts = await factsOf(
      fixtures('cilium/charm-cilium-1.16.10-rendered.yaml'),
    );
    const evidence = [
      'DaemonSet kube-system/cilium: image quay.io/cilium/cilium:v1.16.10',
    ];
    expect(facts.cni).toEqual({ value: 'cilium', evidence });
    expect(facts['cni.all']).toEqual({ value: ['cilium'], evidence });
    expect(facts['cni.version']).toEqual({ value: '1.16.10', evidence });
    expect(facts['calico.dataplane']).toEqual({
      value: null,
      evidence: [],
      reason: 'not applicable: Calico is not installed',
    });
  });

  it('reads a Calico manifest install on the iptables data plane (calico.yaml v3.32.1)', async () => {
    const facts = await factsOf(calicoManifest());
    expect(facts.cni?.value).toBe('calico');
    expect(facts['cni.version']).toEqual({
      value: '3.32.1',
      evidence: [
        'DaemonSet kube-system/calico-node: image quay.io/calico/node:v3.32.1',
      ],
    });
    expect(facts['calico.dataplane']).toEqual({
      value: 'iptables',
      evidence: [
        'DaemonSet kube-system/calico-node: env FELIX_BPFENABLED not set',
        'no FelixConfiguration default',
      ],
    });
  });

  it('reads eBPF from FELIX_BPFENABLED on calico-node', async () => {
    const objects = calicoManifest().map(o =>
      o.kind === 'DaemonSet' && o.metadata.name === 'calico-node'
        ? patched(o, c =>
            c.spec.template.spec.containers[0].env.push({
              name: 'FELIX_BPFENABLED',
              value: 'true',
            }),
          )
        : o,
    );
    expect((await factsOf(objects))['calico.dataplane']).toEqual({
      value: 'bpf',
      evidence: [
        'DaemonSet kube-system/calico-node: env FELIX_BPFENABLED=true',
      ],
    });
  });

  it('reads the operator Installation linuxDataplane (custom-resources-bpf.yaml)', async () => {
    const node = patched(
      find(calicoManifest(), 'DaemonSet', 'calico-node'),
      c => {
        c.metadata.namespace = 'calico-system';
      },
    );
    const facts = await factsOf([
      ...fixtures('calico/custom-resources-bpf.yaml'),
      node,
    ]);
    expect(facts['calico.dataplane']).toEqual({
      value: 'bpf',
      evidence: ['Installation default: spec.calicoNetwork.linuxDataplane=BPF'],
    });
    const iptables = fixtures('calico/custom-resources-bpf.yaml').map(o =>
      o.kind === 'Installation'
        ? patched(o, c => delete c.spec.calicoNetwork.linuxDataplane)
        : o,
    );
    expect((await factsOf([...iptables, node]))['calico.dataplane']).toEqual({
      value: 'iptables',
      evidence: [
        'Installation default: spec.calicoNetwork.linuxDataplane absent (default Iptables)',
      ],
    });
  });

  it('reads Flannel (kube-flannel.yml v0.28.9) from its main container, not the CNI plugin init container', async () => {
    const facts = await factsOf(fixtures('flannel/kube-flannel.yml'));
    expect(facts.cni?.value).toBe('flannel');
    expect(facts['cni.version']).toEqual({
      value: '0.28.9',
      evidence: [
        'DaemonSet kube-flannel/kube-flannel-ds: image ghcr.io/flannel-io/flannel:v0.28.9',
      ],
    });
  });

  it('calls the AWS VPC CNI "other" (real EKS export)', async () => {
    const facts = await factsOf(
      fixtures('kube-proxy/eksctl-sample-1.25-default-addons.json'),
    );
    expect(facts.cni?.value).toBe('other');
    expect(facts['cni.version']?.value).toBe('1.12.2-eksbuild.1');
  });

  it('lists both CNIs mid-migration, the one on more nodes first', async () => {
    const scheduled = (n: number) => (o: any) =>
      (o.status = { desiredNumberScheduled: n });
    const cilium = patched(
      find(
        fixtures('cilium/charm-cilium-1.16.10-rendered.yaml'),
        'DaemonSet',
        'cilium',
      ),
      scheduled(2),
    );
    const calico = patched(
      find(calicoManifest(), 'DaemonSet', 'calico-node'),
      scheduled(5),
    );
    const facts = await factsOf([cilium, calico]);
    expect(facts.cni?.value).toBe('calico');
    expect(facts['cni.all']).toEqual({
      value: ['cilium', 'calico'],
      evidence: [
        'DaemonSet kube-system/calico-node: image quay.io/calico/node:v3.32.1',
        'DaemonSet kube-system/cilium: image quay.io/cilium/cilium:v1.16.10',
      ],
    });
  });

  it('does not count a CNI that Cilium delegates IPAM to (AKS Azure CNI powered by Cilium)', async () => {
    const objects = [
      ...fixtures(
        'cilium/aks-acn-v1.18-cilium-daemonset.yaml',
        'cilium/aks-acn-v1.18-cilium-config-hubble.yaml',
      ),
      object('apps/v1', 'DaemonSet', 'azure-cns', 'kube-system', {
        spec: {
          template: {
            spec: {
              containers: [
                {
                  name: 'cns',
                  image:
                    'mcr.microsoft.com/containernetworking/azure-cns:v1.6.0',
                },
              ],
            },
          },
        },
      }),
    ];
    const facts = await factsOf(objects);
    expect(facts['cni.all']).toEqual({
      value: ['cilium'],
      evidence: [
        'DaemonSet kube-system/cilium: image $CILIUM_IMAGE_REGISTRY/cilium/cilium-distroless:$CILIUM_VERSION_TAG',
        'ConfigMap kube-system/cilium-config: ipam=delegated-plugin',
      ],
    });
  });

  it('says none when no CNI agent runs, and the version does not apply', async () => {
    const facts = await factsOf([object('v1', 'Namespace', 'default')]);
    expect(facts.cni?.value).toBe('none');
    expect(facts['cni.all']?.value).toEqual([]);
    expect(facts['cni.version']?.reason).toBe('not applicable: no CNI found');
  });
});
