import { IncludeObject, TableColumnDefinition, TableRow } from './tables';
import { KubeObject } from './types';

/**
 * Server-side Tables as kube-apiserver prints them (`kubectl get -o wide`):
 * Nodes with their printer's columns (pkg/printers/internalversion), every
 * other kind with the default columns (Name, Created At). For the dump reader
 * and the test API server, so that both answer a Table request alike.
 */

const NAME_DOC =
  'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names';
const CREATED_DOC =
  'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata';
const ADDRESSES_DOC =
  "List of addresses reachable to the node. Queried from cloud provider, if available. More info: https://kubernetes.io/docs/reference/node/node-status/#addresses Note: This field is declared as mergeable, but the merge key is not sufficiently unique, which can cause data corruption when it is merged. Callers should instead use a full-replacement patch. See https://pr.k8s.io/79391 for an example. Consumers should assume that addresses can change during the lifetime of a Node. However, there are some exceptions where this may not be possible, such as Pods that inherit a Node's address in its own status or consumers of the downward API (status.hostIP).";

function column(
  name: string,
  description: string,
  extra: Partial<TableColumnDefinition> = {},
): TableColumnDefinition {
  return {
    name,
    type: 'string',
    format: '',
    description,
    priority: 0,
    ...extra,
  };
}

const NODE_COLUMNS: TableColumnDefinition[] = [
  column('Name', NAME_DOC, { format: 'name' }),
  column('Status', 'The status of the node'),
  column('Roles', 'The roles of the node'),
  column('Age', CREATED_DOC),
  column('Version', 'Kubelet Version reported by the node.'),
  column('Internal-IP', ADDRESSES_DOC, { priority: 1 }),
  column('External-IP', ADDRESSES_DOC, { priority: 1 }),
  column(
    'OS-Image',
    'OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).',
    { priority: 1 },
  ),
  column(
    'Kernel-Version',
    "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).",
    { priority: 1 },
  ),
  column(
    'Container-Runtime',
    'ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).',
    { priority: 1 },
  ),
];

const DEFAULT_COLUMNS: TableColumnDefinition[] = [
  column('Name', NAME_DOC, { format: 'name' }),
  column('Created At', CREATED_DOC, { type: 'date' }),
];

type Printer = (object: KubeObject, now: number) => unknown[];

const text = (value: unknown): string =>
  typeof value === 'string' ? value : '';

function field(object: KubeObject, ...path: string[]): unknown {
  let value: unknown = object;
  for (const key of path) {
    value =
      value && typeof value === 'object'
        ? (value as Record<string, unknown>)[key]
        : undefined;
  }
  return value;
}

/** k8s.io/apimachinery/pkg/util/duration.HumanDuration */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.trunc(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.trunc(minutes / 60);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  const days = Math.trunc(hours / 24);
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${days}d` : `${days}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.trunc(days / 365);
  if (hours < 24 * 365 * 8) {
    const d = days % 365;
    return d === 0 ? `${years}y` : `${years}y${d}d`;
  }
  return `${years}y`;
}

function age(object: KubeObject, now: number): string {
  const created = Date.parse(text(object.metadata.creationTimestamp));
  return Number.isNaN(created) ? '<unknown>' : humanDuration(now - created);
}

function nodeStatus(node: KubeObject): string {
  const conditions = field(node, 'status', 'conditions');
  const ready = Array.isArray(conditions)
    ? (conditions as { type?: string; status?: string }[])
        .filter(c => c?.type === 'Ready')
        .pop()
    : undefined;
  const status = ['Unknown'];
  if (ready) status[0] = ready.status === 'True' ? 'Ready' : 'NotReady';
  if (field(node, 'spec', 'unschedulable') === true)
    status.push('SchedulingDisabled');
  return status.join(',');
}

function nodeRoles(node: KubeObject): string {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata.labels ?? {})) {
    if (key.startsWith('node-role.kubernetes.io/')) {
      const role = key.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (key === 'kubernetes.io/role' && value) {
      roles.add(value);
    }
  }
  return [...roles].sort().join(',') || '<none>';
}

function nodeAddress(node: KubeObject, type: string): string {
  const addresses = field(node, 'status', 'addresses');
  const found = Array.isArray(addresses)
    ? (addresses as { type?: string; address?: string }[]).find(
        a => a?.type === type,
      )
    : undefined;
  return found?.address ?? '<none>';
}

const orUnknown = (value: unknown) => text(value) || '<unknown>';

const printNode: Printer = (node, now) => [
  node.metadata.name,
  nodeStatus(node),
  nodeRoles(node),
  age(node, now),
  text(field(node, 'status', 'nodeInfo', 'kubeletVersion')),
  nodeAddress(node, 'InternalIP'),
  nodeAddress(node, 'ExternalIP'),
  orUnknown(field(node, 'status', 'nodeInfo', 'osImage')),
  orUnknown(field(node, 'status', 'nodeInfo', 'kernelVersion')),
  orUnknown(field(node, 'status', 'nodeInfo', 'containerRuntimeVersion')),
];

function rfc3339(timestamp: unknown): string {
  const ms = Date.parse(text(timestamp));
  // Go's zero time, as the default convertor prints an unset timestamp
  if (Number.isNaN(ms)) return '0001-01-01T00:00:00Z';
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const printDefault: Printer = object => [
  object.metadata.name,
  rfc3339(object.metadata.creationTimestamp),
];

function rowObject(
  object: KubeObject,
  include: IncludeObject,
): KubeObject | null {
  if (include === 'None') return null;
  if (include === 'Object') return object;
  return {
    kind: 'PartialObjectMetadata',
    apiVersion: 'meta.k8s.io/v1',
    metadata: object.metadata,
  };
}

/** The column definitions and rows of a Table of `items` (all of one kind). */
export function printTable(
  kind: string,
  items: KubeObject[],
  include: IncludeObject,
  now: number = Date.now(),
): { columnDefinitions: TableColumnDefinition[]; rows: TableRow[] } {
  const [columnDefinitions, print] =
    kind === 'Node'
      ? [NODE_COLUMNS, printNode]
      : [DEFAULT_COLUMNS, printDefault];
  return {
    columnDefinitions,
    rows: items.map(item => ({
      cells: print(item, now),
      object: rowObject(item, include),
    })),
  };
}
