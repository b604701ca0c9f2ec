import { printTable } from './printTable';
import { matchesFieldSelector, matchesLabelSelector } from './selectors';
import {
  BUILT_IN_GROUPS,
  RESOURCES,
  compareKubeVersions,
  groupOf,
  versionOf,
} from './resources';
import { IncludeObject } from './tables';
import { KubeObject, ListOptions, ListPage, ServedGroups } from './types';

/** What the store knows about a kind. @public */
export interface StoredType {
  group: string;
  kind: string;
  plural: string;
  namespaced: boolean;
}

const EXTRA_TYPES: [string, string, string, boolean][] = [
  ['', 'Pod', 'pods', true],
  ['', 'Secret', 'secrets', true],
  ['', 'ServiceAccount', 'serviceaccounts', true],
  ['', 'Endpoints', 'endpoints', true],
  ['', 'PersistentVolume', 'persistentvolumes', false],
  ['', 'PersistentVolumeClaim', 'persistentvolumeclaims', true],
  ['apps', 'StatefulSet', 'statefulsets', true],
  ['apps', 'ReplicaSet', 'replicasets', true],
  ['batch', 'Job', 'jobs', true],
  ['batch', 'CronJob', 'cronjobs', true],
  ['policy', 'PodDisruptionBudget', 'poddisruptionbudgets', true],
  ['rbac.authorization.k8s.io', 'ClusterRole', 'clusterroles', false],
  [
    'rbac.authorization.k8s.io',
    'ClusterRoleBinding',
    'clusterrolebindings',
    false,
  ],
  ['rbac.authorization.k8s.io', 'Role', 'roles', true],
  ['rbac.authorization.k8s.io', 'RoleBinding', 'rolebindings', true],
  ['networking.k8s.io', 'Ingress', 'ingresses', true],
  ['networking.k8s.io', 'IngressClass', 'ingressclasses', false],
  ['discovery.k8s.io', 'EndpointSlice', 'endpointslices', true],
  [
    'apiextensions.k8s.io',
    'CustomResourceDefinition',
    'customresourcedefinitions',
    false,
  ],
  [
    'admissionregistration.k8s.io',
    'MutatingWebhookConfiguration',
    'mutatingwebhookconfigurations',
    false,
  ],
  [
    'admissionregistration.k8s.io',
    'ValidatingWebhookConfiguration',
    'validatingwebhookconfigurations',
    false,
  ],
  ['autoscaling', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', true],
  ['scheduling.k8s.io', 'PriorityClass', 'priorityclasses', false],
  ['storage.k8s.io', 'StorageClass', 'storageclasses', false],
];

function knownTypes(): StoredType[] {
  const types: StoredType[] = EXTRA_TYPES.map(
    ([group, kind, plural, namespaced]) => ({
      group,
      kind,
      plural,
      namespaced,
    }),
  );
  for (const r of Object.values(RESOURCES)) {
    for (const { group } of r.served) {
      types.push({
        group,
        kind: r.kind,
        plural: r.plural,
        namespaced: r.namespaced,
      });
    }
  }
  return types;
}

function fallbackPlural(kind: string): string {
  const lower = kind.toLowerCase();
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/.test(lower)) return `${lower}es`;
  return `${lower}s`;
}

function encodeContinue(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset }), 'utf8').toString(
    'base64url',
  );
}

function decodeContinue(token: string): number {
  try {
    const offset = JSON.parse(
      Buffer.from(token, 'base64url').toString('utf8'),
    ).o;
    if (Number.isInteger(offset) && offset >= 0) return offset;
  } catch {
    // reported below
  }
  throw new Error(`invalid continue token "${token}"`);
}

type CrdObject = KubeObject & {
  spec?: {
    group?: string;
    scope?: string;
    names?: { kind?: string; plural?: string };
    version?: string;
    versions?: { name?: string; served?: boolean }[];
  };
};

/**
 * The objects of a dump, indexed the way an API server serves them: by group
 * and kind, sorted by namespace and name, listed in pages. Shared by the
 * snapshot reader and the test API server so both page and filter alike.
 * @public
 */
export class ObjectStore {
  private readonly types = new Map<string, StoredType>();
  private readonly byType = new Map<string, KubeObject[]>();
  private readonly groups: Map<string, Set<string>> = new Map();

  constructor(objects: KubeObject[]) {
    for (const t of knownTypes()) this.types.set(`${t.group}|${t.kind}`, t);
    for (const [group, versions] of Object.entries(BUILT_IN_GROUPS)) {
      this.groups.set(group, new Set(versions));
    }
    for (const crd of objects.filter(
      o => o.kind === 'CustomResourceDefinition',
    ) as CrdObject[]) {
      const s = crd.spec;
      if (!s?.group || !s.names?.kind) continue;
      this.types.set(`${s.group}|${s.names.kind}`, {
        group: s.group,
        kind: s.names.kind,
        plural: s.names.plural ?? fallbackPlural(s.names.kind),
        namespaced: s.scope !== 'Cluster',
      });
      const versions = (s.versions ?? [])
        .filter(v => v.name && v.served !== false)
        .map(v => v.name as string);
      if (s.version) versions.push(s.version);
      this.addGroup(s.group, versions);
    }
    for (const object of objects) this.add(object);
    for (const list of this.byType.values()) {
      list.sort((a, b) => this.sortKey(a).localeCompare(this.sortKey(b)));
    }
  }

  private sortKey(o: KubeObject): string {
    return `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
  }

  private addGroup(group: string, versions: string[]): void {
    const set = this.groups.get(group) ?? new Set<string>();
    versions.forEach(v => set.add(v));
    this.groups.set(group, set);
  }

  private add(object: KubeObject): void {
    const group = groupOf(object.apiVersion);
    const kind = object.kind as string;
    const key = `${group}|${kind}`;
    let type = this.types.get(key);
    if (!type) {
      type = {
        group,
        kind,
        plural: fallbackPlural(kind),
        namespaced: !!object.metadata.namespace,
      };
      this.types.set(key, type);
    }
    this.addGroup(group, [versionOf(object.apiVersion)]);
    const stored =
      type.namespaced && !object.metadata.namespace
        ? { ...object, metadata: { ...object.metadata, namespace: 'default' } }
        : object;
    const list = this.byType.get(key) ?? [];
    list.push(stored);
    this.byType.set(key, list);
  }

  /** Groups served, versions in Kubernetes priority order. */
  servedGroups(): ServedGroups {
    const result: ServedGroups = {};
    for (const [group, versions] of [...this.groups.entries()].sort(
      ([a], [b]) => a.localeCompare(b),
    )) {
      result[group] = [...versions].sort(compareKubeVersions);
    }
    return result;
  }

  /** The type served at /apis/<group>/<version>/<plural>, if any. */
  typeForPlural(
    group: string,
    version: string,
    plural: string,
  ): StoredType | undefined {
    if (!this.groups.get(group)?.has(version)) return undefined;
    return [...this.types.values()].find(
      t => t.group === group && t.plural === plural,
    );
  }

  /** Types of one group (for APIResourceList discovery). */
  typesOfGroup(group: string): StoredType[] {
    return [...this.types.values()].filter(t => t.group === group);
  }

  /** All stored objects of one type in one namespace (or all). */
  objects(group: string, kind: string): KubeObject[] {
    return this.byType.get(`${group}|${kind}`) ?? [];
  }

  list(
    group: string,
    kind: string,
    options: ListOptions = {},
  ): ListPage & { selected: number } {
    const matching = this.objects(group, kind).filter(
      o =>
        (!options.namespace || o.metadata.namespace === options.namespace) &&
        matchesLabelSelector(o, options.labelSelector) &&
        matchesFieldSelector(o, options.fieldSelector),
    );
    const start = options.continue ? decodeContinue(options.continue) : 0;
    const limit =
      options.limit && options.limit > 0 ? options.limit : matching.length;
    const items = matching.slice(start, start + limit);
    const next = start + items.length;
    const more = next < matching.length;
    return {
      items,
      continue: more ? encodeContinue(next) : undefined,
      remainingItemCount: more ? matching.length - next : undefined,
      selected: matching.length,
    };
  }

  /**
   * Objects of one kind as the column definitions and rows of a Table
   * (meta.k8s.io/v1), printed as kube-apiserver prints that kind.
   */
  table(
    kind: string,
    items: KubeObject[],
    includeObject: IncludeObject,
    now?: number,
  ) {
    return printTable(kind, items, includeObject, now);
  }

  get(
    group: string,
    kind: string,
    name: string,
    namespace?: string,
  ): KubeObject | undefined {
    return this.objects(group, kind).find(
      o =>
        o.metadata.name === name &&
        (!namespace || o.metadata.namespace === namespace),
    );
  }
}
