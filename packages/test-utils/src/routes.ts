import { ObjectStore, StoredType } from '@network-scorecard/node';

/** A parsed resource path. */
export interface ResourceRequest {
  group: string;
  version: string;
  type: StoredType;
  namespace?: string;
  name?: string;
}

export type Route =
  | { kind: 'discovery'; body: unknown }
  | { kind: 'resource'; request: ResourceRequest }
  | { kind: 'not-found'; message: string };

function groupDocument(group: string, versions: string[]) {
  return {
    name: group,
    versions: versions.map(v => ({
      groupVersion: `${group}/${v}`,
      version: v,
    })),
    preferredVersion: {
      groupVersion: `${group}/${versions[0]}`,
      version: versions[0],
    },
  };
}

function resourceList(store: ObjectStore, group: string, version: string) {
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group ? `${group}/${version}` : version,
    resources: store.typesOfGroup(group).map(t => ({
      name: t.plural,
      singularName: t.kind.toLowerCase(),
      namespaced: t.namespaced,
      kind: t.kind,
      verbs: ['get', 'list'],
    })),
  };
}

/** Maps a URL path to discovery or to a resource of the store. */
export function route(store: ObjectStore, path: string): Route {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const groups = store.servedGroups();
  if (parts[0] === 'api') {
    if (parts.length === 1)
      return {
        kind: 'discovery',
        body: { kind: 'APIVersions', versions: ['v1'] },
      };
    if (parts[1] !== 'v1')
      return {
        kind: 'not-found',
        message: `the server could not find the requested resource`,
      };
    if (parts.length === 2)
      return { kind: 'discovery', body: resourceList(store, '', 'v1') };
    return resource(store, '', 'v1', parts.slice(2));
  }
  if (parts[0] === 'apis') {
    const nonCore = Object.entries(groups).filter(([g]) => g !== '');
    if (parts.length === 1) {
      return {
        kind: 'discovery',
        body: {
          kind: 'APIGroupList',
          apiVersion: 'v1',
          groups: nonCore.map(([g, v]) => groupDocument(g, v)),
        },
      };
    }
    const versions = groups[parts[1]];
    if (!versions || parts[1] === '')
      return {
        kind: 'not-found',
        message: 'the server could not find the requested resource',
      };
    if (parts.length === 2)
      return {
        kind: 'discovery',
        body: {
          kind: 'APIGroup',
          apiVersion: 'v1',
          ...groupDocument(parts[1], versions),
        },
      };
    if (!versions.includes(parts[2]))
      return {
        kind: 'not-found',
        message: 'the server could not find the requested resource',
      };
    if (parts.length === 3)
      return {
        kind: 'discovery',
        body: resourceList(store, parts[1], parts[2]),
      };
    return resource(store, parts[1], parts[2], parts.slice(3));
  }
  return {
    kind: 'not-found',
    message: 'the server could not find the requested resource',
  };
}

function resource(
  store: ObjectStore,
  group: string,
  version: string,
  rest: string[],
): Route {
  let namespace: string | undefined;
  let tail = rest;
  // namespaces/<ns>/<plural>[/<name>]; "namespaces/<name>" alone is the Namespace object
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1];
    tail = rest.slice(2);
  }
  if (tail.length < 1 || tail.length > 2) {
    return {
      kind: 'not-found',
      message: 'the server could not find the requested resource',
    };
  }
  const type = store.typeForPlural(group, version, tail[0]);
  if (!type || (namespace && !type.namespaced)) {
    return {
      kind: 'not-found',
      message: 'the server could not find the requested resource',
    };
  }
  return {
    kind: 'resource',
    request: { group, version, type, namespace, name: tail[1] },
  };
}

/** The form of a response, as kube-apiserver negotiates it from the Accept header. */
export type Representation = 'object' | 'metadata' | 'table' | 'not-acceptable';

/**
 * How a server treats Table requests: 'served' as kube-apiserver does,
 * 'ignored' as a server that knows no Tables (the next acceptable form, else
 * 406), 'refused' with 406 even when another form is acceptable (a proxy that
 * negotiates badly).
 */
export type TableSupport = 'served' | 'ignored' | 'refused';

interface MediaRange {
  type: string;
  params: Record<string, string>;
}

function mediaRange(text: string): MediaRange {
  const [type, ...params] = text.split(';').map(p => p.trim());
  return {
    type: type.toLowerCase(),
    params: Object.fromEntries(
      params.map(p => {
        const eq = p.indexOf('=');
        return eq < 0 ? [p, ''] : [p.slice(0, eq), p.slice(eq + 1)];
      }),
    ),
  };
}

const JSON_TYPES = new Set(['application/json', 'application/*', '*/*']);

/**
 * The first acceptable form of the Accept header's list: plain JSON,
 * PartialObjectMetadata(List) or Table of meta.k8s.io/v1; 406 when none is.
 * Lists and single objects have their own metadata form.
 */
export function negotiate(
  accept: string | undefined,
  list: boolean,
  tables: TableSupport = 'served',
): Representation {
  const ranges = (accept ?? '')
    .split(',')
    .map(r => r.trim())
    .filter(Boolean)
    .map(mediaRange);
  if (!ranges.length) return 'object';
  if (tables === 'refused' && ranges.some(r => r.params.as === 'Table'))
    return 'not-acceptable';
  const metadata = list ? 'PartialObjectMetadataList' : 'PartialObjectMetadata';
  for (const { type, params } of ranges) {
    if (!JSON_TYPES.has(type)) continue;
    if (!params.as) return 'object';
    if (params.g !== 'meta.k8s.io' || params.v !== 'v1') continue;
    if (params.as === metadata) return 'metadata';
    if (params.as === 'Table' && tables !== 'ignored') return 'table';
  }
  return 'not-acceptable';
}
