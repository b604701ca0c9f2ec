import { factsOf, fixtures, patched } from '../__testUtils__/fixtures';

describe('detectNodes', () => {
  it('counts EKS arm64 nodes on kernel 5.4 (nodes.json NodeList)', async () => {
    const facts = await factsOf(fixtures('nodes/nodes.json'));
    expect(facts.nodes).toEqual({
      value: {
        total: 2,
        linux: 2,
        windows: 0,
        minKernel: '5.4.129-63.229.amzn2.aarch64',
        belowKernel510: 2,
      },
      evidence: [
        'Nodes: 2 in total, 2 Linux, 0 Windows',
        'Node duckboat-01: nodeInfo.kernelVersion 5.4.129-63.229.amzn2.aarch64 (lowest)',
        'Node duckboat-01: nodeInfo.kernelVersion 5.4.129-63.229.amzn2.aarch64 (below 5.10)',
        'Node duckboat-02: nodeInfo.kernelVersion 5.4.129-63.229.amzn2.aarch64 (below 5.10)',
      ],
    });
  });

  it('reads kubectl get nodes -o yaml (kernel 6.12.54-linuxkit)', async () => {
    const facts = await factsOf(
      fixtures('nodes/nri-kubernetes-1_35-nodes.yaml'),
    );
    expect(facts.nodes).toEqual({
      value: {
        total: 1,
        linux: 1,
        windows: 0,
        minKernel: '6.12.54-linuxkit',
        belowKernel510: 0,
      },
      evidence: [
        'Nodes: 1 in total, 1 Linux, 0 Windows',
        'Node datagen-1-35: nodeInfo.kernelVersion 6.12.54-linuxkit (lowest)',
      ],
    });
  });

  it('compares kernels numerically across a mixed fleet and counts Windows nodes apart', async () => {
    const [eks] = fixtures('nodes/nodes.json');
    const [modern] = fixtures('nodes/nri-kubernetes-1_35-nodes.yaml');
    const windows = patched(modern, c => {
      c.metadata.name = 'win-1';
      c.metadata.labels['kubernetes.io/os'] = 'windows';
      c.status.nodeInfo.operatingSystem = 'windows';
      c.status.nodeInfo.kernelVersion = '10.0.20348.2700';
    });
    const five10 = patched(modern, c => {
      c.metadata.name = 'lts';
      c.status.nodeInfo.kernelVersion = '5.10.0-28-amd64';
    });
    const facts = await factsOf([modern, eks, windows, five10]);
    expect(facts.nodes?.value).toEqual({
      total: 4,
      linux: 3,
      windows: 1,
      minKernel: '5.4.129-63.229.amzn2.aarch64',
      belowKernel510: 1,
    });
  });
});
