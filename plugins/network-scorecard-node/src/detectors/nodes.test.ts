import {
  createTestCertificates,
  startKubeApiServer,
  syntheticCluster,
  TestCertificates,
} from '@internal/network-scorecard-test-utils';
import { factsOf, fixtures, patched } from '../__testUtils__/fixtures';
import { collectFromKubernetes } from '../collect/collectFromKubernetes';
import { SnapshotReader } from '../reader/SnapshotReader';
import { ClusterReader, KubeObject, ListOptions } from '../reader/types';
import { detectNodes } from './nodes';

/** The reader as a server that prints no Tables sees it: every list answered with objects. */
function withoutTables(reader: ClusterReader): ClusterReader {
  return {
    discoverGroups: () => reader.discoverGroups(),
    list: (type, options = {}) =>
      reader.list(type, {
        ...options,
        metadataOnly:
          options.metadataOnly === 'table' ? undefined : options.metadataOnly,
      }),
    get: (type, name, namespace) => reader.get(type, name, namespace),
    count: (type, options) => reader.count(type, options),
    stats: () => reader.stats(),
  };
}

/** The reader, recording the options of every Node list. */
function recording(reader: ClusterReader, lists: ListOptions[]): ClusterReader {
  return {
    ...withoutTables(reader),
    list: (type, options = {}) => {
      if (type.kind === 'Node') lists.push(options);
      return reader.list(type, options);
    },
  };
}

/** Nodes that test every way the OS and kernel are read, in one fleet. */
function mixedFleet(): KubeObject[] {
  const [eks, eks2] = fixtures('nodes/nodes.json');
  const [modern] = fixtures('nodes/nri-kubernetes-1_35-nodes.yaml');
  const node = (name: string, change: (copy: any) => void) =>
    patched(modern, c => {
      c.metadata.name = name;
      change(c);
    });
  return [
    modern,
    eks,
    eks2,
    node('win-1', c => {
      c.metadata.labels['kubernetes.io/os'] = 'windows';
      c.metadata.labels['beta.kubernetes.io/os'] = 'windows';
      c.status.nodeInfo.operatingSystem = 'windows';
      c.status.nodeInfo.kernelVersion = '10.0.20348.2700';
    }),
    // no OS labels: only nodeInfo tells (Linux, the lowest kernel)
    node('unlabelled', c => {
      c.metadata.labels = {};
      c.status.nodeInfo.kernelVersion = '4.19.0-27-amd64';
    }),
    // beta label only, no nodeInfo.operatingSystem
    node('old-windows', c => {
      delete c.metadata.labels['kubernetes.io/os'];
      c.metadata.labels['beta.kubernetes.io/os'] = 'windows';
      delete c.status.nodeInfo.operatingSystem;
    }),
    node('bsd', c => {
      c.metadata.labels['kubernetes.io/os'] = 'freebsd';
      c.status.nodeInfo.operatingSystem = 'freebsd';
    }),
    node('no-kernel', c => {
      c.status.nodeInfo.kernelVersion = '';
    }),
    node('no-node-info', c => {
      delete c.status.nodeInfo;
    }),
    node('lts', c => {
      c.status.nodeInfo.kernelVersion = '5.10.0-28-amd64';
    }),
  ];
}

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
        kernel510Equivalent: 0,
        unreadableKernel: 0,
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
        kernel510Equivalent: 0,
        unreadableKernel: 0,
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
      kernel510Equivalent: 0,
      unreadableKernel: 0,
    });
  });
});

describe('kernels the detector does not guess', () => {
  const [modern] = fixtures('nodes/nri-kubernetes-1_35-nodes.yaml');
  const withKernel = (name: string, kernel: string) =>
    patched(modern, c => {
      c.metadata.name = name;
      c.status.nodeInfo.kernelVersion = kernel;
    });

  it('counts Linux nodes whose kernel is not reported, and names them', async () => {
    const facts = await factsOf([modern, withKernel('blank', '')]);
    expect(facts.nodes?.value).toMatchObject({
      linux: 2,
      minKernel: '6.12.54-linuxkit',
      belowKernel510: 0,
      unreadableKernel: 1,
    });
    expect(facts.nodes?.evidence).toContain(
      'Node blank: nodeInfo.kernelVersion not reported',
    );
  });

  it("counts RHEL 8.10's 4.18 kernel as Cilium's documented 5.10 equivalent, and earlier RHEL 8 as below", async () => {
    const facts = await factsOf([
      modern,
      withKernel('rhel-810', '4.18.0-553.16.1.el8_10.x86_64'),
      withKernel('rhel-86', '4.18.0-372.9.1.el8.x86_64'),
    ]);
    expect(facts.nodes?.value).toMatchObject({
      minKernel: '4.18.0-553.16.1.el8_10.x86_64',
      belowKernel510: 1,
      kernel510Equivalent: 1,
      unreadableKernel: 0,
    });
    expect(facts.nodes?.evidence).toEqual([
      'Nodes: 3 in total, 3 Linux, 0 Windows',
      'Node rhel-810: nodeInfo.kernelVersion 4.18.0-553.16.1.el8_10.x86_64 (lowest)',
      'Node rhel-86: nodeInfo.kernelVersion 4.18.0-372.9.1.el8.x86_64 (below 5.10; RHEL 8 before 8.10, whose 4.18 Cilium does not count as 5.10)',
      'Node rhel-810: nodeInfo.kernelVersion 4.18.0-553.16.1.el8_10.x86_64 (RHEL 8.10, documented by Cilium as equivalent to 5.10)',
    ]);
  });
});

describe('the Node read: names and kernels from the server-side Table', () => {
  const fleets: [string, KubeObject[]][] = [
    ['nodes.json', fixtures('nodes/nodes.json')],
    [
      'nri-kubernetes-1_35-nodes.yaml',
      fixtures('nodes/nri-kubernetes-1_35-nodes.yaml'),
    ],
    ['a mixed fleet', mixedFleet()],
    ['a synthetic cluster', syntheticCluster({ nodes: 7, services: 1 })],
  ];

  it.each(fleets)(
    '%s: the same facts as from the whole objects',
    async (_, objects) => {
      const lists: ListOptions[] = [];
      const slim = await detectNodes(
        recording(new SnapshotReader(objects), lists),
      );
      const whole = await detectNodes(
        withoutTables(new SnapshotReader(objects)),
      );
      expect(slim).toEqual(whole);
      expect(slim.nodes?.value).not.toBeNull();
      expect(lists.map(o => [o.metadataOnly, o.labelSelector])).toEqual([
        ['table', undefined],
        [undefined, 'kubernetes.io/os!=linux'],
      ]);
    },
  );

  it('reads the OS of Nodes not labelled Linux from nodeInfo, as before', async () => {
    const facts = await factsOf(mixedFleet());
    expect(facts.nodes).toEqual({
      value: {
        total: 10,
        linux: 7,
        windows: 2,
        minKernel: '4.19.0-27-amd64',
        belowKernel510: 3,
        kernel510Equivalent: 0,
        unreadableKernel: 2,
      },
      evidence: [
        'Nodes: 10 in total, 7 Linux, 2 Windows',
        'Node unlabelled: nodeInfo.kernelVersion 4.19.0-27-amd64 (lowest)',
        'Node duckboat-01: nodeInfo.kernelVersion 5.4.129-63.229.amzn2.aarch64 (below 5.10)',
        'Node duckboat-02: nodeInfo.kernelVersion 5.4.129-63.229.amzn2.aarch64 (below 5.10)',
        'Node unlabelled: nodeInfo.kernelVersion 4.19.0-27-amd64 (below 5.10)',
        'Node no-kernel: nodeInfo.kernelVersion not reported',
        'Node no-node-info: nodeInfo.kernelVersion not reported',
      ],
    });
  });
});

describe('the Node read against API servers', () => {
  let certificates: TestCertificates;
  beforeAll(() => {
    certificates = createTestCertificates();
  });

  async function scan(
    objects: KubeObject[],
    tables: 'served' | 'ignored' | 'refused',
  ) {
    const server = await startKubeApiServer({ objects, certificates, tables });
    try {
      const live = await collectFromKubernetes(server.connection());
      const nodeRequests = server.requests
        .filter(r => r.path === '/api/v1/nodes')
        .map(
          r => `${r.status} ${r.query.replace(/continue=[^&]+/, 'continue=…')}`,
        );
      return { live, nodeRequests };
    } finally {
      await server.close();
    }
  }

  it.each(['served', 'ignored', 'refused'] as const)(
    'a server that %s Tables gives the facts of the dump',
    async tables => {
      const objects = mixedFleet();
      const { live } = await scan(objects, tables);
      expect(live.errors.filter(e => e.fact === 'nodes')).toEqual([]);
      expect(live.facts.nodes).toEqual((await factsOf(objects)).nodes);
      expect(live.facts.platform).toEqual((await factsOf(objects)).platform);
    },
  );

  it('lists objects when the server sends them instead of a Table', async () => {
    const { nodeRequests } = await scan(mixedFleet(), 'ignored');
    expect(nodeRequests).toEqual(['200 ?limit=500&includeObject=None']);
  });

  it('asks again for objects after a 406, once per scan', async () => {
    const objects = syntheticCluster({ nodes: 501, services: 1 });
    const { live, nodeRequests } = await scan(objects, 'refused');
    expect(live.facts.nodes?.value?.total).toBe(501);
    expect(nodeRequests).toEqual([
      '406 ?limit=500&includeObject=None',
      '200 ?limit=500',
      '200 ?limit=500&continue=…',
    ]);
  });
});
