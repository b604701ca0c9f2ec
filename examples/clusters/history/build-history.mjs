#!/usr/bin/env node
// Builds the demo fleet's history: examples/clusters/history/<cluster>/<yyyy-mm-dd>.json, the monthly
// dumps a team would have archived (`kubectl get … -A -o json`) before the current dump of the cluster.
// Each month is the month after it with that month's changes undone, starting from the current dump
// (examples/clusters/<cluster>.json, which stays the newest point); every change is listed in PROVENANCE.md
// next to this file. Deterministic: the same inputs give the same bytes.
//
// Usage: node examples/clusters/history/build-history.mjs           (writes the files)
//        node examples/clusters/history/build-history.mjs --check   (exit 1 when a file differs)
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const clustersDir = path.resolve(here, '..');
const upstream = path.resolve(here, '../../../fixtures/upstream');
const CAPTURED_AT = 'network-scorecard.io/captured-at';

// ------------------------------------------------------------------------------------------- helpers

const clone = value => JSON.parse(JSON.stringify(value));
const sortKeys = value =>
  Array.isArray(value)
    ? value.map(sortKeys)
    : value && typeof value === 'object'
    ? Object.fromEntries(Object.keys(value).sort().map(k => [k, sortKeys(value[k])]))
    : value;
const sha256 = text => createHash('sha256').update(text).digest('hex');

/** The uid scheme of the current dumps (PROVENANCE.md §1): a v4-shaped UUID from cluster/kind/namespace/name. */
export function uidFor(cluster, kind, namespace, name) {
  const h = sha256(`${cluster}/${kind}/${namespace ?? ''}/${name}`);
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function readDump(cluster) {
  return JSON.parse(fs.readFileSync(path.join(clustersDir, `${cluster}.json`), 'utf8'));
}

const idOf = o => `${o.kind} ${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata.name}`;

function find(list, kind, namespace, name) {
  const found = list.items.find(
    i => i.kind === kind && (i.metadata.namespace ?? '') === (namespace ?? '') && i.metadata.name === name,
  );
  if (!found) throw new Error(`${kind} ${namespace ?? ''}/${name} is not in the dump`);
  return found;
}

// kubectl's order in the dumps: these kinds first, in this order, then every other kind by name
const KIND_ORDER = ['Node', 'Namespace', 'DaemonSet', 'Deployment', 'ConfigMap', 'Service', 'NetworkPolicy', 'CustomResourceDefinition'];
const rank = o => {
  const i = KIND_ORDER.indexOf(o.kind);
  return i >= 0 ? `${i}` : `9 ${o.kind}`;
};
const sortKey = o => `${rank(o)}\u0000${o.metadata.namespace ?? ''}\u0000${o.metadata.name}`;

/** Adds an object where kubectl would print it: in its kind's group, by namespace and name. */
function insert(list, object) {
  const key = sortKey(object);
  const at = list.items.findIndex(i => sortKey(i) > key);
  list.items.splice(at < 0 ? list.items.length : at, 0, object);
}

/** Node label and condition helpers */
function heartbeatOffsets(node, capturedAt) {
  return node.status.conditions.map(c => Date.parse(capturedAt) - Date.parse(c.lastHeartbeatTime));
}
const iso = ms => new Date(ms).toISOString().replace(/\.000Z$/, 'Z');

// -------------------------------------------------------------------- DaemonSet status from the nodes

function labelsMatch(selector, labels) {
  return Object.entries(selector ?? {}).every(([k, v]) => labels[k] === v);
}
function expressionMatches(e, labels) {
  const has = Object.prototype.hasOwnProperty.call(labels, e.key);
  switch (e.operator) {
    case 'In':
      return has && e.values.includes(labels[e.key]);
    case 'NotIn':
      return !has || !e.values.includes(labels[e.key]);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    default:
      throw new Error(`node selector operator ${e.operator} is not handled`);
  }
}
function tolerated(taint, tolerations) {
  // the DaemonSet controller tolerates cordoned nodes itself
  if (taint.key === 'node.kubernetes.io/unschedulable') return true;
  return (tolerations ?? []).some(
    t =>
      (!t.effect || t.effect === taint.effect) &&
      (t.operator === 'Exists' ? !t.key || t.key === taint.key : t.key === taint.key && (t.value ?? '') === (taint.value ?? '')),
  );
}
/** PROVENANCE.md §1: the nodes that match the pod template's nodeSelector, required affinity and tolerations. */
function schedules(ds, node) {
  const pod = ds.spec.template.spec;
  const labels = node.metadata.labels ?? {};
  if (!labelsMatch(pod.nodeSelector, labels)) return false;
  const terms = pod.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (terms && !terms.some(t => (t.matchExpressions ?? []).every(e => expressionMatches(e, labels)))) return false;
  return (node.spec?.taints ?? [])
    .filter(t => t.effect === 'NoSchedule' || t.effect === 'NoExecute')
    .every(t => tolerated(t, pod.tolerations));
}
function daemonSetStatus(list) {
  const nodes = list.items.filter(i => i.kind === 'Node');
  for (const ds of list.items.filter(i => i.kind === 'DaemonSet')) {
    const n = nodes.filter(node => schedules(ds, node)).length;
    Object.assign(ds.status, { currentNumberScheduled: n, desiredNumberScheduled: n, numberReady: n });
    // omitempty in the API: absent when 0
    for (const f of ['numberAvailable', 'updatedNumberScheduled']) {
      if (n) ds.status[f] = n;
      else delete ds.status[f];
    }
  }
}

// ------------------------------------------------------------------------------- reusable transforms

/** A Node of the N-eks block (PROVENANCE.md §2) under a new name: ids, address and creation of its own. */
function legacyNode(cluster, template, { name, ip, zone, created }) {
  const node = clone(template);
  const hex = sha256(`${cluster}/${name}/machine-id`).slice(0, 32);
  const boot = uidFor(cluster, 'boot', '', name);
  node.metadata.name = name;
  node.metadata.uid = uidFor(cluster, 'Node', '', name);
  node.metadata.creationTimestamp = created;
  node.metadata.labels['kubernetes.io/hostname'] = name;
  node.metadata.labels['topology.kubernetes.io/zone'] = zone;
  const host = `ip-${ip.replace(/\./g, '-')}.ec2.internal`;
  node.status.addresses = [
    { address: ip, type: 'InternalIP' },
    { address: host, type: 'Hostname' },
    { address: host, type: 'InternalDNS' },
  ];
  Object.assign(node.status.nodeInfo, { machineID: hex, systemUUID: hex, bootID: boot });
  for (const c of node.status.conditions) {
    c.lastTransitionTime = c.type === 'Ready' ? iso(Date.parse(created) + 29_000) : created;
  }
  return node;
}

/** `kubectl drain`: the node is cordoned (its pods, not in the dump, are evicted). */
function cordon(node, at) {
  node.spec.unschedulable = true;
  node.spec.taints = [...(node.spec.taints ?? []), { effect: 'NoSchedule', key: 'node.kubernetes.io/unschedulable', timeAdded: at }];
}

/** The kubeconfig server line of the KP block's ConfigMap. */
function setKubeProxyEndpoint(cm, url) {
  cm.data['kubeconfig.conf'] = cm.data['kubeconfig.conf'].replace(/server: \S+/, `server: ${url}`);
}

// ----------------------------------------------------------------------------------- the three stories

// The real Nodes behind N-eks: the kernel, OS image, kubelet and runtime of the legacy pool.
const eksNodes = JSON.parse(fs.readFileSync(path.join(upstream, 'nodes/nodes.json'), 'utf8')).items;
function assertEksNodeInfo(node, source) {
  const real = eksNodes.find(n => n.metadata.name === source).status.nodeInfo;
  for (const f of ['kernelVersion', 'osImage', 'kubeletVersion', 'containerRuntimeVersion', 'architecture'])
    if (node.status.nodeInfo[f] !== real[f]) throw new Error(`${node.metadata.name}: nodeInfo.${f} is not that of ${source}`);
}

/**
 * Per cluster, the months before the current dump, newest first: each `undo` turns the month after it
 * into this month (it undoes what the team changed in between). `at` is the month's captured-at.
 */
export const STORIES = {
  // The Calico -> Cilium migration started in November 2024 (the Cilium objects' creation) stalled half-way;
  // from June 2026 the team works through the blockers: the legacy pool on kernel 5.4 shrinks, the Calico
  // GlobalNetworkPolicy is dropped, the new nodes move to Cilium. No refresh window is planned, so the
  // anti-pattern and the grade stay.
  'prod-us-1': [
    {
      at: '2026-10-20T18:41:09Z',
      // between October and November: us-legacy-3, drained in October, is deleted
      undo(list, { current }) {
        const node = legacyNode('prod-us-1', find(current, 'Node', '', 'us-legacy-1'), {
          name: 'us-legacy-3',
          ip: '10.80.16.88',
          zone: 'us-east-1a',
          created: '2023-03-27T15:37:12Z',
        });
        assertEksNodeInfo(node, 'duckboat-01');
        cordon(node, '2026-10-13T09:12:40Z');
        node.metadata.resourceVersion = '29347';
        insert(list, node);
      },
    },
    {
      at: '2026-08-25T18:52:47Z',
      // between August and October: us-w-2 is migrated to Cilium; us-legacy-3 is drained
      undo(list) {
        delete find(list, 'Node', '', 'us-w-2').metadata.labels['io.cilium.migration/cilium-default'];
        const node = find(list, 'Node', '', 'us-legacy-3');
        node.spec.taints = node.spec.taints.filter(t => t.key !== 'node.kubernetes.io/unschedulable');
        delete node.spec.unschedulable;
      },
    },
    {
      at: '2026-07-21T19:05:31Z',
      // between July and August: the Calico GlobalNetworkPolicy is deleted; us-w-1 is migrated to Cilium
      undo(list, { fleet }) {
        const gnp = clone(find(fleet['dc-fra-1'], 'GlobalNetworkPolicy', '', 'deny-app-policy'));
        gnp.metadata.uid = uidFor('prod-us-1', 'GlobalNetworkPolicy', '', 'deny-app-policy');
        gnp.metadata.creationTimestamp = '2023-06-25T15:31:52Z';
        gnp.metadata.resourceVersion = '31201';
        insert(list, gnp);
        delete find(list, 'Node', '', 'us-w-1').metadata.labels['io.cilium.migration/cilium-default'];
      },
    },
    {
      at: '2026-06-23T18:47:05Z',
      // between June and July: us-legacy-4 is drained and deleted
      undo(list, { current }) {
        const node = legacyNode('prod-us-1', find(current, 'Node', '', 'us-legacy-2'), {
          name: 'us-legacy-4',
          ip: '10.80.17.142',
          zone: 'us-east-1d',
          created: '2023-03-27T15:38:12Z',
        });
        assertEksNodeInfo(node, 'duckboat-02');
        node.metadata.resourceVersion = '29512';
        insert(list, node);
      },
    },
  ],

  // Cilium 1.18 done right, reached step by step: kube-proxy replacement (with a month where both route
  // Services), kube-proxy deleted, policies out of audit mode, then WireGuard.
  'prod-eu-1': [
    {
      at: '2026-09-21T08:05:12Z',
      // between September and November: WireGuard is turned on
      undo(list) {
        const cm = find(list, 'ConfigMap', 'kube-system', 'cilium-config');
        delete cm.data['enable-wireguard'];
        delete cm.data['wireguard-persistent-keepalive'];
      },
    },
    {
      at: '2026-07-20T08:09:55Z',
      // between July and September: policy audit mode is switched off; the kube-proxy DaemonSet and ConfigMap are deleted
      undo(list, { fleet }) {
        find(list, 'ConfigMap', 'kube-system', 'cilium-config').data['policy-audit-mode'] = 'true';
        const cm = clone(find(fleet['prod-us-1'], 'ConfigMap', 'kube-system', 'kube-proxy'));
        const ds = clone(find(fleet['prod-us-1'], 'DaemonSet', 'kube-system', 'kube-proxy'));
        cm.data['config.conf'] = cm.data['config.conf'].replace('clusterCIDR: 192.168.0.0/16', 'clusterCIDR: 10.244.0.0/16');
        setKubeProxyEndpoint(cm, 'https://10.20.0.10:6443');
        for (const [o, created, rv] of [
          [cm, '2025-02-11T09:20:44Z', '26807'],
          [ds, '2025-02-11T09:20:44Z', '27391'],
        ]) {
          o.metadata.uid = uidFor('prod-eu-1', o.kind, 'kube-system', 'kube-proxy');
          o.metadata.creationTimestamp = created;
          o.metadata.resourceVersion = rv;
          insert(list, o);
        }
      },
    },
    {
      at: '2026-06-22T08:14:31Z',
      // between June and July: kube-proxy replacement is turned on (kube-proxy still runs)
      undo(list) {
        const cm = find(list, 'ConfigMap', 'kube-system', 'cilium-config');
        cm.data['kube-proxy-replacement'] = 'false';
        cm.data['kube-proxy-replacement-healthz-bind-address'] = '';
      },
    },
  ],

  // Istio on compliance-eu-1 moves from sidecars to ambient one namespace at a time, then to STRICT mTLS.
  'compliance-eu-1': [
    {
      at: '2026-10-26T10:17:44Z',
      // between October and November: mesh-wide mTLS goes from PERMISSIVE to STRICT
      undo(list) {
        find(list, 'PeerAuthentication', 'istio-system', 'default-mesh').spec.mtls.mode = 'PERMISSIVE';
      },
    },
    {
      at: '2026-08-31T10:25:03Z',
      // between August and October: card-vault leaves sidecar injection for ambient and its waypoint
      undo(list) {
        const labels = find(list, 'Namespace', '', 'card-vault').metadata.labels;
        delete labels['istio.io/dataplane-mode'];
        delete labels['istio.io/use-waypoint'];
        labels['istio-injection'] = 'enabled';
      },
    },
    {
      at: '2026-06-29T10:12:26Z',
      // between June and August: kyc leaves sidecar injection for ambient
      undo(list) {
        const labels = find(list, 'Namespace', '', 'kyc').metadata.labels;
        delete labels['istio.io/dataplane-mode'];
        labels['istio-injection'] = 'enabled';
      },
    },
  ],
};

// --------------------------------------------------------------------------------------------- build

const withoutVersion = item => JSON.stringify(sortKeys({ ...item, metadata: { ...item.metadata, resourceVersion: undefined } }));
/** uid -> resourceVersion and content (without it) of every object of a dump */
const versions = dump =>
  new Map(dump.items.map(i => [i.metadata.uid, { rv: i.metadata.resourceVersion, text: withoutVersion(i) }]));

/** Every history dump as `{ cluster, file, text }`, oldest first per cluster. */
export function buildHistory() {
  const fleet = Object.fromEntries(
    fs
      .readdirSync(clustersDir)
      .filter(f => f.endsWith('.json'))
      .map(f => [f.replace(/\.json$/, ''), readDump(f.replace(/\.json$/, ''))]),
  );
  // the DaemonSet status rule must give the current dumps' own figures
  for (const [cluster, dump] of Object.entries(fleet)) {
    const again = clone(dump);
    daemonSetStatus(again);
    if (JSON.stringify(again) !== JSON.stringify(dump))
      throw new Error(`${cluster}: DaemonSet status computed differently from the current dump`);
  }
  const out = [];
  for (const [cluster, months] of Object.entries(STORIES)) {
    const current = fleet[cluster];
    const currentAt = current.metadata.annotations[CAPTURED_AT];
    // each Node's heartbeats trail captured-at as they do in the current dump
    const offsets = new Map(
      current.items.filter(i => i.kind === 'Node').map(n => [n.metadata.name, heartbeatOffsets(n, currentAt)]),
    );
    let list = current;
    let after = versions(current);
    const built = [];
    for (const month of months) {
      if (!(Date.parse(month.at) < Date.parse(list.metadata.annotations[CAPTURED_AT])))
        throw new Error(`${cluster}: ${month.at} is not before the month after it`);
      list = clone(list);
      month.undo(list, { current, fleet });
      const dump = clone(list);
      dump.metadata.annotations[CAPTURED_AT] = month.at;
      for (const node of dump.items.filter(i => i.kind === 'Node')) {
        const offset = offsets.get(node.metadata.name) ?? offsets.values().next().value;
        node.status.conditions.forEach((c, i) => {
          c.lastHeartbeatTime = iso(Date.parse(month.at) - offset[i]);
        });
      }
      daemonSetStatus(dump);
      dump.items = dump.items.map(item => {
        if (Date.parse(item.metadata.creationTimestamp) > Date.parse(month.at))
          throw new Error(`${cluster} ${month.at}: ${idOf(item)} is created after the dump`);
        // an object written to between this month and the next reads with an older resourceVersion
        const next = after.get(item.metadata.uid);
        if (next) item.metadata.resourceVersion = next.rv;
        if (next && next.text !== withoutVersion(item)) item.metadata.resourceVersion = String(Number(next.rv) - 1009);
        return sortKeys(item);
      });
      after = versions(dump);
      const file = `${month.at.slice(0, 10)}.json`;
      built.push({ cluster, file, text: `${JSON.stringify(dump, null, 2)}\n` });
      list.metadata.annotations[CAPTURED_AT] = month.at;
    }
    out.push(...built.reverse());
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  const dumps = buildHistory();
  const differing = [];
  for (const { cluster, file, text } of dumps) {
    const target = path.join(here, cluster, file);
    const old = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : undefined;
    if (old === text) continue;
    differing.push(path.relative(clustersDir, target));
    if (!check) {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, text);
    }
  }
  // files of a month no story builds any more
  for (const cluster of Object.keys(STORIES)) {
    const dir = path.join(here, cluster);
    for (const f of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
      if (dumps.some(d => d.cluster === cluster && d.file === f)) continue;
      differing.push(`${path.relative(clustersDir, path.join(dir, f))} (not built by this script)`);
      if (!check) fs.rmSync(path.join(dir, f));
    }
  }
  const bytes = dumps.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
  if (check) {
    for (const d of differing) console.error(`out of date: ${d}`);
    console.log(`history: ${dumps.length} dumps, ${bytes} bytes, ${differing.length} out of date`);
    process.exit(differing.length ? 1 : 0);
  }
  console.log(`history: ${dumps.length} dumps, ${bytes} bytes, ${differing.length} written or removed`);
}
