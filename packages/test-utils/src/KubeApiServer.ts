import { randomBytes } from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import { AddressInfo, Socket } from 'node:net';
import { Duplex } from 'node:stream';
import {
  BUILT_IN_GROUPS,
  KubeObject,
  KubernetesConnection,
  ObjectStore,
} from '@network-scorecard/node';
import { TestCertificates, createTestCertificates } from './certificates';
import {
  PolicyRule,
  RequestAttributes,
  clusterRoleRules,
  forbiddenMessage,
  isAllowed,
} from './rbac';
import {
  Representation,
  ResourceRequest,
  TableSupport,
  negotiate,
  route,
} from './routes';

/**
 * A fault for requests whose path (without query) matches: an exact path, a
 * prefix ending in "*", or a RegExp.
 * @public
 */
export interface Fault {
  path: string | RegExp;
  /** answer with this HTTP status and a Status object */
  status?: number;
  /** answer 200 with a body that is not JSON */
  malformed?: boolean;
  /** drop the connection (TCP reset) */
  reset?: boolean;
  /** never answer */
  hang?: boolean;
  /** extra latency before answering */
  delayMs?: number;
}

/** @public */
export interface KubeApiServerOptions {
  /** the dump to serve (objects with kind and apiVersion) */
  objects: KubeObject[];
  /** bearer token required (default: a random one); null serves anonymous requests */
  token?: string | null;
  /**
   * accepts bearer tokens this function approves instead of one fixed token,
   * as an API server with a webhook authenticator (e.g. EKS's aws-iam-authenticator) does
   */
  acceptToken?: (token: string) => boolean;
  /** YAML with a ClusterRole whose rules are enforced for the token's user */
  clusterRole?: string;
  /** latency added to every request */
  latencyMs?: number;
  faults?: Fault[];
  /** set metadata.remainingItemCount on list pages (default true), as API servers since 1.16 do */
  remainingItemCount?: boolean;
  /** Table requests (Accept: application/json;as=Table;g=meta.k8s.io;v=v1): 'served' (default), 'ignored' or 'refused' */
  tables?: TableSupport;
  /** reuse a CA (e.g. across many servers); default: a new one */
  certificates?: TestCertificates;
}

/** @public */
export interface RecordedRequest {
  method: string;
  path: string;
  query: string;
  status: number;
  bytes: number;
  /** the Authorization header as received, so a test can prove a credential never arrived */
  authorization: string | null;
}

/** @public */
export interface KubeApiServer {
  url: string;
  token: string | undefined;
  certificates: TestCertificates;
  requests: RecordedRequest[];
  /** TCP connections accepted, whether or not a request followed */
  connections(): number;
  setFaults(faults: Fault[]): void;
  /** connection settings for collectFromKubernetes */
  connection(name?: string): KubernetesConnection;
  close(): Promise<void>;
}

const USER = 'system:serviceaccount:network-scorecard:network-scorecard';
const INCLUDE_OBJECT = ['None', 'Metadata', 'Object'] as const;
type IncludeObject = (typeof INCLUDE_OBJECT)[number];

function status(
  code: number,
  reason: string,
  message: string,
  details?: object,
) {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(details ? { details } : {}),
    code,
  };
}

const REASONS: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  406: 'NotAcceptable',
  410: 'Expired',
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'ServiceUnavailable',
  504: 'Timeout',
};

function matches(fault: Fault, path: string): boolean {
  if (fault.path instanceof RegExp) return fault.path.test(path);
  if (fault.path.endsWith('*')) return path.startsWith(fault.path.slice(0, -1));
  return fault.path === path;
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/**
 * Starts an HTTPS server that serves a dump as a Kubernetes API: discovery,
 * list (limit/continue/remainingItemCount, label and field selectors), get,
 * the metadata-only and Table forms (Accept negotiation, includeObject),
 * Status errors, bearer tokens, ClusterRole enforcement and fault injection.
 * For tests and benchmarks only.
 * @public
 */
export async function startKubeApiServer(
  options: KubeApiServerOptions,
): Promise<KubeApiServer> {
  const store = new ObjectStore(options.objects);
  const certificates = options.certificates ?? createTestCertificates();
  const token =
    options.token === null
      ? undefined
      : options.token ?? randomBytes(16).toString('hex');
  const rules: PolicyRule[] | undefined = options.clusterRole
    ? clusterRoleRules(options.clusterRole)
    : undefined;
  let faults = options.faults ?? [];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Duplex>();
  let connections = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'https://localhost');
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.search,
      status: 0,
      bytes: 0,
      authorization: req.headers.authorization ?? null,
    };
    requests.push(record);
    const send = (code: number, body: unknown, raw?: string) => {
      const text = raw ?? JSON.stringify(body);
      record.status = code;
      record.bytes = Buffer.byteLength(text);
      res.writeHead(code, { 'Content-Type': 'application/json' });
      res.end(text);
    };
    const fail = (code: number, message: string, details?: object) =>
      send(
        code,
        status(code, REASONS[code] ?? 'InternalError', message, details),
      );

    const fault = faults.find(f => matches(f, url.pathname));
    const delay = (options.latencyMs ?? 0) + (fault?.delayMs ?? 0);
    if (delay) await sleep(delay);
    if (fault?.hang) return;
    if (fault?.reset) {
      record.status = -1;
      dropConnection(req.socket);
      return;
    }
    if (fault?.malformed) {
      send(200, undefined, '{"kind":"List","items":[{"metadata":');
      return;
    }
    if (fault?.status) {
      fail(fault.status, `injected fault: HTTP ${fault.status}`);
      return;
    }
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const authenticated = options.acceptToken
      ? bearer !== undefined && options.acceptToken(bearer)
      : !token || bearer === token;
    if (!authenticated) {
      fail(401, 'Unauthorized');
      return;
    }
    if (req.method !== 'GET') {
      fail(
        405,
        `the server does not allow this method on the requested resource`,
      );
      return;
    }
    const target = route(store, url.pathname);
    if (target.kind === 'not-found') {
      fail(404, target.message);
      return;
    }
    if (target.kind === 'discovery') {
      send(200, target.body);
      return;
    }
    const request = target.request;
    const listVerb =
      url.searchParams.get('watch') === 'true' ? 'watch' : 'list';
    const attributes: RequestAttributes = {
      verb: request.name ? 'get' : listVerb,
      apiGroup: request.group,
      resource: request.type.plural,
      namespace: request.namespace,
      name: request.name,
    };
    if (rules && !isAllowed(rules, attributes)) {
      fail(403, forbiddenMessage(USER, attributes), {
        name: request.name,
        group: request.group,
        kind: request.type.plural,
      });
      return;
    }
    const form = negotiate(req.headers.accept, !request.name, options.tables);
    if (form === 'not-acceptable') {
      fail(
        406,
        'only the following media types are accepted: application/json, application/yaml, application/vnd.kubernetes.protobuf',
      );
      return;
    }
    const include = url.searchParams.get('includeObject') || 'Metadata';
    if (
      form === 'table' &&
      !INCLUDE_OBJECT.includes(include as IncludeObject)
    ) {
      fail(400, `unrecognized includeObject value: "${include}"`);
      return;
    }
    if (request.name) {
      const found = store.get(
        request.group,
        request.type.kind,
        request.name,
        request.namespace,
      );
      if (!found) {
        fail(
          404,
          `${request.type.plural}${request.group ? `.${request.group}` : ''} "${
            request.name
          }" not found`,
          {
            name: request.name,
            kind: request.type.plural,
          },
        );
      } else {
        send(
          200,
          shaped(store, request, [found], form, include as IncludeObject, {
            resourceVersion: found.metadata.resourceVersion,
          }) ?? found,
        );
      }
      return;
    }
    try {
      send(
        200,
        listBody(
          store,
          request,
          url.searchParams,
          form,
          include as IncludeObject,
          options.remainingItemCount !== false,
        ),
      );
    } catch (error) {
      fail(400, (error as Error).message);
    }
  };

  const server = https.createServer(
    { key: certificates.key, cert: certificates.cert, keepAlive: true },
    (req, res) => {
      handle(req, res).catch(error => {
        if (!res.headersSent)
          res
            .writeHead(500)
            .end(JSON.stringify(status(500, 'InternalError', String(error))));
      });
    },
  );
  server.on('connection', socket => {
    connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // Client TLS failures (wrong CA) surface here; they are the client's business.
  server.on('tlsClientError', () => undefined);
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `https://127.0.0.1:${port}`;

  return {
    url,
    token,
    certificates,
    requests,
    connections: () => connections,
    setFaults: next => {
      faults = next;
    },
    connection: (name = 'test-cluster') => ({
      name,
      url,
      serviceAccountToken: token,
      caData: certificates.caData,
    }),
    close: () =>
      new Promise<void>(resolve => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A TCP reset on the connection under the TLS socket; a plain close where that is not possible. */
function dropConnection(socket: Socket): void {
  const raw = (socket as Socket & { _parent?: Socket })._parent;
  try {
    (raw ?? socket).resetAndDestroy();
  } catch {
    socket.destroy();
  }
}

function listBody(
  store: ObjectStore,
  request: ResourceRequest,
  params: URLSearchParams,
  form: Representation,
  include: IncludeObject,
  remainingItemCount: boolean,
) {
  const labelSelector = params.get('labelSelector') ?? undefined;
  const fieldSelector = params.get('fieldSelector') ?? undefined;
  const limit = params.get('limit') ? Number(params.get('limit')) : undefined;
  const page = store.list(request.group, request.type.kind, {
    namespace: request.namespace,
    labelSelector,
    fieldSelector,
    limit,
    continue: params.get('continue') ?? undefined,
  });
  const apiVersion = request.group
    ? `${request.group}/${request.version}`
    : request.version;
  const metadata = {
    resourceVersion: '1000',
    ...(page.continue ? { continue: page.continue } : {}),
    // Like the API server: only for lists without selectors.
    ...(page.remainingItemCount &&
    remainingItemCount &&
    !labelSelector &&
    !fieldSelector
      ? { remainingItemCount: page.remainingItemCount }
      : {}),
  };
  const other = shaped(store, request, page.items, form, include, metadata);
  if (other) return other;
  // Built-in types are listed without kind and apiVersion on each item, custom resources with them.
  const builtIn = request.group in BUILT_IN_GROUPS;
  const items = builtIn
    ? page.items.map(({ kind: _k, apiVersion: _a, ...rest }) => rest)
    : page.items;
  return { kind: `${request.type.kind}List`, apiVersion, metadata, items };
}

/**
 * The metadata-only or Table form of a list page or of one object (request
 * with a name); undefined for the objects themselves.
 */
function shaped(
  store: ObjectStore,
  request: ResourceRequest,
  items: KubeObject[],
  form: Representation,
  include: IncludeObject,
  metadata: Record<string, unknown>,
) {
  const partial = (o: KubeObject) => ({
    kind: 'PartialObjectMetadata',
    apiVersion: 'meta.k8s.io/v1',
    metadata: o.metadata,
  });
  if (form === 'metadata') {
    if (request.name) return partial(items[0]);
    return {
      kind: 'PartialObjectMetadataList',
      apiVersion: 'meta.k8s.io/v1',
      metadata,
      items: items.map(partial),
    };
  }
  if (form !== 'table') return undefined;
  // Field order of meta.k8s.io/v1 Table: TypeMeta, ListMeta, columnDefinitions, rows.
  const { columnDefinitions, rows } = store.table(
    request.type.kind,
    items,
    include,
  );
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata,
    columnDefinitions,
    rows,
  };
}
