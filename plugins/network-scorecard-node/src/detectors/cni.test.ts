import {
  factsOf,
  find,
  fixtures,
  object,
  patched,
} from '../__testUtils__/fixtures';
import { VARIANTS } from '../__fixtures__/variants';

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

  it('says none only when no CNI agent runs and every node reports its network not ready', async () => {
    const [node] = fixtures('nodes/nri-kubernetes-1_35-nodes.yaml');
    const notReady = patched(node, c => {
      c.status.conditions = c.status.conditions.map((x: any) =>
        x.type === 'Ready'
          ? { ...x, status: 'False', reason: 'KubeletNotReady' }
          : x,
      );
    });
    const facts = await factsOf([notReady]);
    expect(facts.cni).toEqual({
      value: 'none',
      evidence: [
        'DaemonSets: no agent of Cilium, Calico, Flannel or another known CNI',
        'Nodes: 1 listed, 0 Ready: no node has a ready network',
      ],
    });
    expect(facts['cni.all']?.value).toEqual([]);
    expect(facts['cni.version']?.reason).toBe('not applicable: no CNI found');
  });

  it('is unknown, never none, when Ready nodes run a CNI it does not recognise', async () => {
    const facts = await factsOf(VARIANTS['cni-unrecognised'].objects());
    expect(facts.cni).toEqual({
      value: null,
      evidence: [
        'DaemonSets: no agent of Cilium, Calico, Flannel or another known CNI',
        'Nodes: 3 listed, 3 Ready',
      ],
      reason:
        'not recognised: Nodes: 3 listed, 3 Ready (a node reports Ready only once a CNI is configured), but no agent of a known CNI runs',
    });
    expect(
      (await factsOf([object('v1', 'Namespace', 'default')])).cni?.reason,
    ).toBe(
      'not recognised: no agent of a known CNI and no Node listed, so whether a CNI runs cannot be told',
    );
  });

  it("reads RKE2's rke2-canal as Calico with Flannel, an RKE2-managed chart", async () => {
    const facts = await factsOf(VARIANTS['cni-rke2-canal'].objects());
    expect(facts.cni?.value).toBe('calico');
    expect(facts['cni.all']).toEqual({
      value: ['calico', 'flannel'],
      evidence: [
        'DaemonSet kube-system/rke2-canal: image rancher/hardened-calico:v3.30.3-build20250909',
        'DaemonSet kube-system/rke2-canal: image rancher/hardened-flannel:v0.27.3-build20250901',
      ],
    });
    expect(facts.platform?.value).toEqual({
      distribution: 'rke2',
      cniAddon: 'rke2-canal',
      cniManaged: true,
    });
    expect(facts.bgp?.value?.calicoBgp).toBe(false);
  });

  it('recognises Flannel by its flanneld container whatever the DaemonSet is called', async () => {
    const facts = await factsOf(VARIANTS['cni-flannel-renamed'].objects());
    expect(facts.cni).toEqual({
      value: 'flannel',
      evidence: [
        'DaemonSet kube-system/kube-flannel: image ghcr.io/flannel-io/flannel:v0.28.9',
      ],
    });
  });

  it("reads k3s's built-in Flannel from the k3s kubelet builds, with no DaemonSet at all", async () => {
    const facts = await factsOf(fixtures('k3s/k3s-master-01-node.yaml'));
    expect(facts.cni).toEqual({
      value: 'flannel',
      evidence: [
        'Node k3s-master-01: nodeInfo.kubeletVersion v1.25.6+k3s1',
        'DaemonSets: no agent of Cilium, Calico, Flannel or another known CNI',
        'k3s runs Flannel inside its own process unless started with --flannel-backend=none',
      ],
    });
    expect(facts.platform?.value).toEqual({
      distribution: 'k3s',
      cniAddon: 'k3s-flannel',
      cniManaged: true,
    });
  });

  it('names the managed CNIs of GKE, AKS and EKS', async () => {
    const platform = async (name: string) =>
      (await factsOf(VARIANTS[name].objects())).platform?.value;
    expect(await platform('cni-gke-dpv2')).toEqual({
      distribution: 'gke',
      cniAddon: 'gke-dataplane-v2',
      cniManaged: true,
    });
    expect(await platform('cni-aks-cilium')).toEqual({
      distribution: 'aks',
      cniAddon: 'aks-cilium',
      cniManaged: true,
    });
    expect(await platform('cni-aks-azure-cni')).toEqual({
      distribution: 'aks',
      cniAddon: 'aks-azure-cni',
      cniManaged: true,
    });
    expect(await platform('cni-eks-vpc-cni')).toEqual({
      distribution: 'eks',
      cniAddon: 'eks-vpc-cni',
      cniManaged: true,
    });
    expect((await factsOf(VARIANTS['cni-gke-dpv2'].objects())).cni?.value).toBe(
      'cilium',
    );
    expect(await platform('cni-calico-iptables')).toEqual({
      distribution: null,
      cniAddon: null,
      cniManaged: false,
    });
  });
});
