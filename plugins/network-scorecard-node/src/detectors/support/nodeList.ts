import { listAll, listTable } from '../../reader/paging';
import { RESOURCES, builtIn } from '../../reader/resources';
import { ClusterReader, KubeObject } from '../../reader/types';
import { asArray, asString, dig, labels } from './objects';

const NODE = builtIn(RESOURCES.Node);
/** Columns of kube-apiserver's Node Table the facts need. */
const COLUMNS = ['Name', 'Status', 'Version', 'Internal-IP', 'Kernel-Version'];
/** What the Node printer shows for an empty field. */
const UNKNOWN_CELL = '<unknown>';
const NO_ADDRESS = '<none>';
/**
 * The Nodes read whole beside the Table: those not labelled Linux (Windows,
 * or without the label, whose OS only nodeInfo tells). The kubelet sets
 * `kubernetes.io/os` from the value it reports as nodeInfo.operatingSystem,
 * so the label is the OS of all the others.
 */
const NOT_LINUX = 'kubernetes.io/os!=linux';

/** What the facts use of a Node. */
export interface NodeView {
  name: string;
  os?: string;
  kernel?: string;
  /** nodeInfo.kubeletVersion, e.g. "v1.31.5+k3s1" */
  kubelet?: string;
  internalIp?: string;
  /** the Ready condition: true, false, or undefined when the node reports none (Unknown) */
  ready?: boolean;
}

function readyCondition(node: KubeObject): boolean | undefined {
  const ready = asArray(dig(node, 'status', 'conditions'))
    .filter(c => dig(c, 'type') === 'Ready')
    .pop();
  const status = asString(dig(ready, 'status'));
  if (status === 'True') return true;
  if (status === 'False') return false;
  return undefined;
}

function fromObject(node: KubeObject): NodeView {
  const address = asArray(dig(node, 'status', 'addresses')).find(
    a => dig(a, 'type') === 'InternalIP',
  );
  return {
    name: node.metadata.name,
    os:
      asString(dig(node, 'status', 'nodeInfo', 'operatingSystem')) ??
      labels(node)['kubernetes.io/os'] ??
      labels(node)['beta.kubernetes.io/os'],
    kernel: asString(dig(node, 'status', 'nodeInfo', 'kernelVersion')),
    kubelet:
      asString(dig(node, 'status', 'nodeInfo', 'kubeletVersion')) || undefined,
    internalIp: asString(dig(address, 'address')),
    ready: readyCondition(node),
  };
}

function cell(
  row: Record<string, unknown>,
  column: string,
): string | undefined {
  const value = asString(row[column]);
  return value && value !== UNKNOWN_CELL && value !== NO_ADDRESS
    ? value
    : undefined;
}

function readyCell(status: string | undefined): boolean | undefined {
  const first = status?.split(',')[0];
  if (first === 'Ready') return true;
  if (first === 'NotReady') return false;
  return undefined;
}

/**
 * Every Node in list order, without what the facts do not use (status.images
 * alone is 10–20 KB a Node): names, status, versions, addresses and kernels
 * from the server-side Table, the few Nodes not labelled Linux whole. Servers
 * that cannot print Tables send all Nodes whole. Shared by the detectors
 * (the reader answers the same request once per scan).
 */
export async function readNodes(reader: ClusterReader): Promise<NodeView[]> {
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
    return (
      others.get(name) ?? {
        name,
        os: 'linux',
        kernel: cell(row, 'Kernel-Version'),
        kubelet: cell(row, 'Version'),
        internalIp: cell(row, 'Internal-IP'),
        ready: readyCell(cell(row, 'Status')),
      }
    );
  });
}
