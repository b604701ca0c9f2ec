import { NodesFact } from '@network-scorecard/common';
import { listAll, listTable } from '../reader/paging';
import { RESOURCES, builtIn } from '../reader/resources';
import { ClusterReader, KubeObject } from '../reader/types';
import { Detector, guarded, known } from './support/facts';
import { compareKernels, isBelow, parseKernel } from './support/kernel';
import { asString, capped, dig, labels } from './support/objects';

const NODE = builtIn(RESOURCES.Node);
/** Columns of kube-apiserver's Node Table the facts need. */
const COLUMNS = ['Name', 'Kernel-Version'];
/** What the Node printer shows for an empty field. */
const UNKNOWN_CELL = '<unknown>';
/**
 * The Nodes read whole beside the Table: those not labelled Linux (Windows,
 * or without the label, whose OS only nodeInfo tells). The kubelet sets
 * `kubernetes.io/os` from the value it reports as nodeInfo.operatingSystem,
 * so the label is the OS of all the others.
 */
const NOT_LINUX = 'kubernetes.io/os!=linux';

/** What the facts use of a Node. */
interface NodeView {
  name: string;
  os?: string;
  kernel?: string;
}

function fromObject(node: KubeObject): NodeView {
  return {
    name: node.metadata.name,
    os:
      asString(dig(node, 'status', 'nodeInfo', 'operatingSystem')) ??
      labels(node)['kubernetes.io/os'] ??
      labels(node)['beta.kubernetes.io/os'],
    kernel: asString(dig(node, 'status', 'nodeInfo', 'kernelVersion')),
  };
}

/**
 * Every Node in list order, without what the facts do not use (status.images
 * alone is 10–20 KB a Node): names and kernels from the server-side Table,
 * the few Nodes not labelled Linux whole. Servers that cannot print Tables
 * send all Nodes whole.
 */
async function readNodes(reader: ClusterReader): Promise<NodeView[]> {
  const listed = await listTable(reader, NODE, COLUMNS);
  if (listed.items) return listed.items.map(fromObject);
  const others = new Map(
    (await listAll(reader, NODE, { labelSelector: NOT_LINUX })).map(n => [
      n.metadata.name,
      fromObject(n),
    ]),
  );
  return listed.rows.map(row => {
    const name = String(row.Name);
    const kernel = asString(row['Kernel-Version']);
    return (
      others.get(name) ?? {
        name,
        os: 'linux',
        kernel: kernel === UNKNOWN_CELL ? undefined : kernel,
      }
    );
  });
}

/** Fact nodes: counts by OS and the Linux kernels (5.10 is Cilium's bar in the framework). */
export const detectNodes: Detector = async reader => ({
  nodes: await guarded(async () => {
    const nodes = await readNodes(reader);
    let linux = 0;
    let windows = 0;
    let lowest:
      | { node: NodeView; kernel: string; parsed: [number, number, number] }
      | undefined;
    const old: string[] = [];
    for (const node of nodes) {
      if (node.os === 'windows') windows++;
      if (node.os !== 'linux') continue;
      linux++;
      const { kernel } = node;
      const parsed = parseKernel(kernel);
      if (!kernel || !parsed) continue;
      if (isBelow(parsed, 5, 10))
        old.push(
          `Node ${node.name}: nodeInfo.kernelVersion ${kernel} (below 5.10)`,
        );
      if (!lowest || compareKernels(parsed, lowest.parsed) < 0)
        lowest = { node, kernel, parsed };
    }
    const value: NodesFact = {
      total: nodes.length,
      linux,
      windows,
      minKernel: lowest?.kernel ?? null,
      belowKernel510: old.length,
    };
    const evidence = [
      `Nodes: ${nodes.length} in total, ${linux} Linux, ${windows} Windows`,
    ];
    if (lowest)
      evidence.push(
        `Node ${lowest.node.name}: nodeInfo.kernelVersion ${lowest.kernel} (lowest)`,
      );
    evidence.push(...capped(old, 5));
    return known(value, [...new Set(evidence)]);
  }),
});
