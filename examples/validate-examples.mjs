#!/usr/bin/env node
// Checks the demo fleet in examples/: cluster dumps (DESIGN.md §3.3), their history and the catalog entities (§4).
// Usage: node examples/validate-examples.mjs   (plain Node 20; only `yaml` from node_modules)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const here = path.dirname(fileURLToPath(import.meta.url));
const YAML = createRequire(import.meta.url)('yaml');

// the closed set of DESIGN.md §4 (mirrors REQUIREMENT_IDS in @network-scorecard/common)
const REQUIREMENTS = new Set([
  'mtls-all-east-west', 'l7-policy', 'auditable-l7', 'per-request-observability', 'canary-traffic-shifting',
  'request-rate-limiting', 'bgp-peering', 'windows-nodes', 'iptables-tooling',
]);
const DASHBOARDS = ['service-map', 'error-rates', 'latency', 'policy-denials'];
const MAX_BYTES = 1.5 * 1024 * 1024;
// built-in "group/Kind" that appear in the dumps -> namespaced?
const BUILTIN = new Map([
  ['/Node', false], ['/Namespace', false], ['apiextensions.k8s.io/CustomResourceDefinition', false],
  ['apps/DaemonSet', true], ['apps/Deployment', true], ['/ConfigMap', true], ['/Service', true],
  ['networking.k8s.io/NetworkPolicy', true],
]);

const errors = [];
const fail = (where, msg) => errors.push(`${where}: ${msg}`);

function strings(value, visit, at = '') {
  if (typeof value === 'string') visit(value, at);
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, visit, `${at}[${i}]`));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) strings(v, visit, `${at}.${k}`);
}

function images(podSpec) {
  return [...(podSpec.initContainers ?? []), ...(podSpec.containers ?? [])].map(c => c.image);
}

// ---------------------------------------------------------------------------------------------- dumps
const clustersDir = path.join(here, 'clusters');

/** Checks one dump's text; returns what the other checks need, or undefined when it is not JSON. */
function checkDump(where, text) {
  if (Buffer.byteLength(text) > MAX_BYTES) fail(where, `larger than ${MAX_BYTES} bytes`);
  let list;
  try {
    list = JSON.parse(text);
  } catch (e) {
    fail(where, `not JSON: ${e.message}`);
    return undefined;
  }
  if (list.apiVersion !== 'v1' || list.kind !== 'List' || !Array.isArray(list.items)) fail(where, 'not a v1 List');
  const capturedAt = list.metadata?.annotations?.['network-scorecard.io/captured-at'];
  if (!capturedAt || Number.isNaN(Date.parse(capturedAt))) fail(where, 'missing or invalid captured-at annotation');

  const items = list.items ?? [];
  const namespaces = new Set(items.filter(i => i.kind === 'Namespace').map(i => i.metadata?.name));
  const crdScope = new Map(); // "group/Kind" -> scope
  for (const crd of items.filter(i => i.kind === 'CustomResourceDefinition')) {
    crdScope.set(`${crd.spec.group}/${crd.spec.names.kind}`, crd.spec.scope);
    for (const v of crd.spec.versions ?? []) if (v.schema) fail(where, `CRD ${crd.metadata.name} still carries a schema`);
  }
  const seen = new Set();
  for (const item of items) {
    const id = `${item.kind} ${item.metadata?.namespace ? `${item.metadata.namespace}/` : ''}${item.metadata?.name}`;
    const w = `${where} ${id}`;
    if (!item.apiVersion || !item.kind || !item.metadata?.name) {
      fail(w, 'missing apiVersion, kind or metadata.name');
      continue;
    }
    for (const f of ['uid', 'creationTimestamp', 'labels']) if (item.metadata[f] === undefined) fail(w, `missing metadata.${f}`);
    if (seen.has(`${item.apiVersion} ${id}`)) fail(w, 'duplicate');
    seen.add(`${item.apiVersion} ${id}`);

    const group = item.apiVersion.includes('/') ? item.apiVersion.split('/')[0] : '';
    let namespaced;
    if (BUILTIN.has(`${group}/${item.kind}`)) namespaced = BUILTIN.get(`${group}/${item.kind}`);
    else if (crdScope.has(`${group}/${item.kind}`)) namespaced = crdScope.get(`${group}/${item.kind}`) === 'Namespaced';
    else fail(w, `no CustomResourceDefinition for ${group}/${item.kind} in the dump`);
    if (namespaced === true && !item.metadata.namespace) fail(w, 'namespaced object without metadata.namespace');
    if (namespaced === false && item.metadata.namespace) fail(w, 'cluster-scoped object with a namespace');
    if (item.metadata.namespace && !namespaces.has(item.metadata.namespace)) fail(w, `namespace ${item.metadata.namespace} is not in the dump`);

    strings(item, (s, at) => {
      if (/\{\{[^}]*\}\}/.test(s) || /\$CILIUM_|KUBE_PROXY_VERSION/.test(s)) fail(w, `unresolved placeholder at ${at}`);
    });

    switch (item.kind) {
      case 'Node': {
        const ni = item.status?.nodeInfo ?? {};
        for (const f of ['kernelVersion', 'operatingSystem', 'osImage', 'kubeletVersion', 'architecture']) if (!ni[f]) fail(w, `status.nodeInfo.${f} missing`);
        if (item.metadata.labels['kubernetes.io/os'] !== ni.operatingSystem) fail(w, 'label kubernetes.io/os does not match nodeInfo.operatingSystem');
        break;
      }
      case 'DaemonSet':
        if (typeof item.status?.desiredNumberScheduled !== 'number' || typeof item.status?.numberReady !== 'number') fail(w, 'status.desiredNumberScheduled/numberReady missing');
        break;
      case 'Deployment':
        if (typeof item.status?.replicas !== 'number' || typeof item.status?.readyReplicas !== 'number') fail(w, 'status.replicas/readyReplicas missing');
        break;
      case 'ConfigMap':
        for (const [k, v] of Object.entries(item.data ?? {})) if (typeof v !== 'string') fail(w, `data.${k} is not a string`);
        break;
      default:
    }
    if (['DaemonSet', 'Deployment'].includes(item.kind)) {
      for (const image of images(item.spec.template.spec)) {
        const tag = image.split('@')[0].split('/').pop().split(':')[1];
        if (!tag || tag === 'latest' || tag === 'master') fail(w, `image without a concrete version tag: ${image}`);
      }
    }
  }
  return { namespaces, items, capturedAt };
}

const dumps = new Map();
for (const file of fs.readdirSync(clustersDir).filter(f => f.endsWith('.json')).sort()) {
  const dump = checkDump(`clusters/${file}`, fs.readFileSync(path.join(clustersDir, file), 'utf8'));
  if (dump) dumps.set(file.replace(/\.json$/, ''), dump);
}

// ---------------------------------------------------------------------------------------------- history
// clusters/history/<cluster>/<yyyy-mm-dd>.json: monthly dumps before the current one, built by
// clusters/history/build-history.mjs (clusters/history/PROVENANCE.md says what changed each month).
const historyDir = path.join(clustersDir, 'history');
let historyDumps = 0;
if (fs.existsSync(historyDir)) {
  const { buildHistory } = await import(pathToFileURL(path.join(historyDir, 'build-history.mjs')).href);
  const built = new Map(buildHistory().map(d => [`${d.cluster}/${d.file}`, d.text]));
  const id = i => `${i.kind} ${i.metadata.namespace ? `${i.metadata.namespace}/` : ''}${i.metadata.name}`;
  for (const cluster of fs.readdirSync(historyDir).filter(f => fs.statSync(path.join(historyDir, f)).isDirectory()).sort()) {
    const current = dumps.get(cluster);
    if (!current) fail(`clusters/history/${cluster}`, 'no current dump clusters/<name>.json of that cluster');
    for (const file of fs.readdirSync(path.join(historyDir, cluster)).sort()) {
      const where = `clusters/history/${cluster}/${file}`;
      const text = fs.readFileSync(path.join(historyDir, cluster, file), 'utf8');
      if (!built.has(`${cluster}/${file}`)) fail(where, 'not built by build-history.mjs (or not a <yyyy-mm-dd>.json dump)');
      else if (built.get(`${cluster}/${file}`) !== text) fail(where, 'differs from what build-history.mjs builds: run it again');
      built.delete(`${cluster}/${file}`);
      const dump = checkDump(where, text);
      if (!dump || !current) continue;
      historyDumps += 1;
      const at = Date.parse(dump.capturedAt);
      if (Number.isNaN(at)) continue;
      if (file !== `${new Date(at).toISOString().slice(0, 10)}.json`) fail(where, `file name is not the captured-at date (${dump.capturedAt})`);
      if (!(at < Date.parse(current.capturedAt))) fail(where, `captured-at ${dump.capturedAt} is not before the current dump's ${current.capturedAt}`);
      const byUid = new Map(dump.items.map(i => [i.metadata?.uid, i]));
      for (const item of dump.items) {
        if (Date.parse(item.metadata?.creationTimestamp) > at) fail(`${where} ${id(item)}`, 'created after the dump was taken');
      }
      // an object of the current dump that existed at the time is in the older dump, as the same object
      for (const item of current.items) {
        if (Date.parse(item.metadata.creationTimestamp) > at) continue;
        const then = byUid.get(item.metadata.uid);
        if (!then) fail(`${where} ${id(item)}`, `missing: the current dump has it, created ${item.metadata.creationTimestamp}`);
        else if (id(then) !== id(item) || then.metadata.creationTimestamp !== item.metadata.creationTimestamp)
          fail(`${where} ${id(item)}`, `uid ${item.metadata.uid} names ${id(then)} created ${then.metadata.creationTimestamp} here`);
      }
    }
  }
  for (const missing of built.keys()) fail(`clusters/history/${missing}`, 'built by build-history.mjs but not in the repository: run it');
}

// ---------------------------------------------------------------------------------------------- entities
const entitiesDir = path.join(here, 'entities');
const entities = [];
for (const file of fs.readdirSync(entitiesDir).filter(f => f.endsWith('.yaml')).sort()) {
  const docs = YAML.parseAllDocuments(fs.readFileSync(path.join(entitiesDir, file), 'utf8'));
  docs.forEach((d, i) => {
    if (d.errors.length) fail(`entities/${file}#${i}`, d.errors[0].message);
    else if (d.contents !== null) entities.push({ file, entity: d.toJS() });
  });
}
const byKind = kind => entities.filter(e => e.entity.kind === kind).map(e => e.entity);
const names = kind => new Set(byKind(kind).map(e => e.metadata.name));
const groups = names('Group');
const systems = names('System');
const users = names('User');
const refName = (ref, kind) => {
  const m = /^(?:([a-z]+):)?(?:[a-z0-9-]+\/)?([a-z0-9._-]+)$/i.exec(ref ?? '');
  return m && (!m[1] || m[1].toLowerCase() === kind) ? m[2] : null;
};

for (const { file, entity } of entities) {
  const w = `entities/${file} ${entity.kind} ${entity.metadata?.name}`;
  if (entity.apiVersion !== 'backstage.io/v1alpha1' || !entity.kind || !entity.metadata?.name) fail(w, 'not a catalog entity');
  if (entity.spec?.owner && !groups.has(refName(entity.spec.owner, 'group'))) fail(w, `unknown owner ${entity.spec.owner}`);
  if (entity.spec?.system && !systems.has(entity.spec.system)) fail(w, `unknown system ${entity.spec.system}`);
}

const clusterResources = byKind('Resource').filter(r => r.spec?.type === 'kubernetes-cluster');
for (const r of clusterResources) {
  const w = `Resource ${r.metadata.name}`;
  const a = r.metadata.annotations ?? {};
  if (!dumps.has(r.metadata.name)) fail(w, 'no clusters/<name>.json dump');
  if (!['production', 'development'].includes(r.spec.lifecycle)) fail(w, `unexpected lifecycle ${r.spec.lifecycle}`);
  if (a['backstage.io/kubernetes-id'] !== r.metadata.name) fail(w, 'backstage.io/kubernetes-id must be the cluster name');
  for (const id of (a['network-scorecard.io/requirements'] ?? '').split(',').map(s => s.trim()).filter(Boolean)) {
    if (!REQUIREMENTS.has(id)) fail(w, `unknown requirement ${id}`);
  }
  const refresh = a['network-scorecard.io/platform-refresh'];
  if (refresh !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(refresh)) fail(w, `platform-refresh is not a date: ${refresh}`);
  for (const key of ['hubble-ui-url', 'grafana-url', ...DASHBOARDS.map(d => `grafana-dashboard-${d}`)]) {
    const url = a[`network-scorecard.io/${key}`];
    if (url !== undefined && !/^https:\/\/[^/]+\.example\.com(\/|$)/.test(url)) fail(w, `${key} is not an https URL under example.com`);
  }
  const grafana = a['network-scorecard.io/grafana-url'];
  for (const d of DASHBOARDS) {
    const url = a[`network-scorecard.io/grafana-dashboard-${d}`];
    if (url && (!grafana || !url.startsWith(grafana))) fail(w, `dashboard ${d} is not under grafana-url`);
  }
}
for (const name of dumps.keys()) if (!clusterResources.some(r => r.metadata.name === name)) fail(`clusters/${name}.json`, 'no catalog Resource');

for (const c of byKind('Component')) {
  const w = `Component ${c.metadata.name}`;
  const ns = c.metadata.annotations?.['backstage.io/kubernetes-namespace'] ?? c.metadata.name;
  const clusters = (c.spec.dependsOn ?? []).map(ref => refName(ref, 'resource')).filter(Boolean);
  if (!clusters.length) fail(w, 'depends on no cluster Resource');
  for (const cluster of clusters) {
    const dump = dumps.get(cluster);
    if (!dump) fail(w, `depends on unknown cluster ${cluster}`);
    else if (!dump.namespaces.has(ns)) fail(w, `namespace ${ns} does not exist in ${cluster}`);
  }
}
for (const g of byKind('Group')) {
  for (const m of g.spec.members ?? []) if (!users.has(m)) fail(`Group ${g.metadata.name}`, `unknown member ${m}`);
  for (const ch of g.spec.children ?? []) if (!groups.has(ch)) fail(`Group ${g.metadata.name}`, `unknown child ${ch}`);
}
for (const loc of byKind('Location')) {
  for (const t of loc.spec.targets ?? []) if (!fs.existsSync(path.join(entitiesDir, t))) fail(`Location ${loc.metadata.name}`, `missing target ${t}`);
}

if (errors.length) {
  console.error(errors.join('\n'));
  console.error(`\n${errors.length} problem(s)`);
  process.exit(1);
}
console.log(
  `ok: ${dumps.size} cluster dumps (${[...dumps.values()].reduce((n, d) => n + d.items.length, 0)} objects), ${historyDumps} history dumps, ${entities.length} entities`,
);
