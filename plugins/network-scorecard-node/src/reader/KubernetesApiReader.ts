import http from 'node:http';
import https from 'node:https';
import { KubeConfig } from '@kubernetes/client-node';
import { describeGet, describeList } from './describe';
import { classifyError, classifyStatus } from './httpFailures';
import { countByPaging } from './paging';
import { chooseProxy } from './proxy';
import { apiVersionOf } from './resources';
import { readTable } from './tables';
import { tunnelAgent } from './tunnelAgent';
import {
  ClusterReader,
  KubeObject,
  ListOptions,
  ListPage,
  ReadFailure,
  ReaderStats,
  ResourceType,
  ServedGroups,
} from './types';

/** @public */
export interface KubernetesApiReaderOptions {
  /** per-request timeout; default 10 s */
  timeoutMs?: number;
  /** requests in flight at once for this cluster; default 6 */
  concurrency?: number;
}

const JSON_ACCEPT = 'application/json';
const METADATA_ACCEPT =
  'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1, application/json';
// The plain list as a fallback, so that a server that cannot print the type sends objects.
const TABLE_ACCEPT =
  'application/json;as=Table;g=meta.k8s.io;v=v1, application/json';
/** getJson's answer to a 406 when the caller has another form to ask for */
const NOT_ACCEPTABLE = Symbol('406 Not Acceptable');

interface Connection {
  server: string;
  agent: http.Agent;
  headers: Record<string, string>;
  transport: typeof http | typeof https;
}

/**
 * Reads a live cluster. `@kubernetes/client-node`'s KubeConfig resolves the
 * server, CA, client certificates and credentials (tokens, exec plugins);
 * requests go through node:https directly (through a CONNECT tunnel when a
 * proxy applies, see proxy.ts) so that every request has a hard timeout and
 * its bytes are counted.
 * @public
 */
export class KubernetesApiReader implements ClusterReader {
  private readonly timeoutMs: number;
  private readonly concurrency: number;
  private connection?: Promise<Connection>;
  private fatal?: ReadFailure;
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly counters: ReaderStats = { requests: 0, bytes: 0 };
  /** types whose Table request was answered 406: listed as objects from then on */
  private readonly tablesRefused = new Set<string>();

  constructor(
    private readonly kubeConfig: KubeConfig,
    options: KubernetesApiReaderOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.concurrency = options.concurrency ?? 6;
  }

  stats(): ReaderStats {
    return { ...this.counters };
  }

  /** Closes kept-alive connections. */
  close(): void {
    this.connection?.then(c => c.agent.destroy()).catch(() => undefined);
  }

  async discoverGroups(): Promise<ServedGroups> {
    const body = (await this.getJson(
      '/apis',
      JSON_ACCEPT,
      'discovery of API groups (/apis)',
    )) as {
      groups?: {
        name: string;
        versions?: { version: string }[];
        preferredVersion?: { version: string };
      }[];
    };
    const groups: ServedGroups = { '': ['v1'] };
    for (const g of body.groups ?? []) {
      const versions = (g.versions ?? []).map(v => v.version);
      const preferred = g.preferredVersion?.version;
      groups[g.name] = preferred
        ? [preferred, ...versions.filter(v => v !== preferred)]
        : versions;
    }
    return groups;
  }

  async list(type: ResourceType, options: ListOptions = {}): Promise<ListPage> {
    const asTable =
      options.metadataOnly === 'table' &&
      !this.tablesRefused.has(basePath(type) + type.plural);
    const query = new URLSearchParams();
    if (options.labelSelector)
      query.set('labelSelector', options.labelSelector);
    if (options.fieldSelector)
      query.set('fieldSelector', options.fieldSelector);
    if (options.limit) query.set('limit', String(options.limit));
    if (options.continue) query.set('continue', options.continue);
    if (asTable) query.set('includeObject', 'None');
    const path = `${basePath(type)}${
      type.namespaced && options.namespace
        ? `/namespaces/${encodeURIComponent(options.namespace)}`
        : ''
    }/${type.plural}`;
    const qs = query.toString();
    let accept = JSON_ACCEPT;
    if (asTable) accept = TABLE_ACCEPT;
    else if (options.metadataOnly === true) accept = METADATA_ACCEPT;
    const answer = await this.getJson(
      qs ? `${path}?${qs}` : path,
      accept,
      describeList(type, options),
      asTable,
    );
    if (answer === NOT_ACCEPTABLE) {
      this.tablesRefused.add(basePath(type) + type.plural);
      return this.list(type, options);
    }
    const body = answer as {
      items?: KubeObject[];
      metadata?: { continue?: string; remainingItemCount?: number };
    };
    const table = asTable ? readTable(body) : undefined;
    if (table) {
      return {
        items: [],
        table,
        continue: body.metadata?.continue || undefined,
        remainingItemCount: body.metadata?.remainingItemCount,
      };
    }
    if (!Array.isArray(body.items)) {
      throw new ReadFailure(
        'error',
        `${describeList(type, options)}: response has no items`,
      );
    }
    // List responses leave kind and apiVersion off their items.
    const items = body.items.map(item => ({
      ...item,
      apiVersion: item.apiVersion ?? apiVersionOf(type),
      kind: options.metadataOnly === true ? item.kind : item.kind ?? type.kind,
    }));
    return {
      items,
      continue: body.metadata?.continue || undefined,
      remainingItemCount: body.metadata?.remainingItemCount,
    };
  }

  async get(
    type: ResourceType,
    name: string,
    namespace?: string,
  ): Promise<KubeObject> {
    const ns =
      type.namespaced && namespace
        ? `/namespaces/${encodeURIComponent(namespace)}`
        : '';
    const object = (await this.getJson(
      `${basePath(type)}${ns}/${type.plural}/${encodeURIComponent(name)}`,
      JSON_ACCEPT,
      describeGet(type, name, namespace),
    )) as KubeObject;
    return {
      ...object,
      apiVersion: object.apiVersion ?? apiVersionOf(type),
      kind: object.kind ?? type.kind,
    };
  }

  count(type: ResourceType, options: ListOptions = {}): Promise<number> {
    return countByPaging((t, o) => this.list(t, o), type, options);
  }

  private connect(): Promise<Connection> {
    this.connection ??= (async () => {
      const cluster = this.kubeConfig.getCurrentCluster();
      if (!cluster) throw new Error('the kubeconfig has no current cluster');
      const opts: https.RequestOptions & { headers: Record<string, string> } = {
        headers: {},
      };
      // Resolves the CA (caData/caFile), client certificates and the bearer token.
      await this.kubeConfig.applyToHTTPSOptions(opts);
      const headers: Record<string, string> = {
        'User-Agent': 'network-scorecard',
      };
      for (const [k, v] of Object.entries(opts.headers)) headers[k] = String(v);
      if (opts.auth)
        headers.Authorization = `Basic ${Buffer.from(opts.auth).toString(
          'base64',
        )}`;
      const plain = cluster.server.startsWith('http:');
      const agentOptions: https.AgentOptions = {
        keepAlive: true,
        maxSockets: this.concurrency,
        ca: opts.ca,
        cert: opts.cert,
        key: opts.key,
        pfx: opts.pfx,
        passphrase: opts.passphrase,
        servername: opts.servername,
        rejectUnauthorized: opts.rejectUnauthorized ?? true,
      };
      const proxy = chooseProxy(cluster.server, cluster.proxyUrl);
      let agent: http.Agent;
      if (proxy)
        agent = tunnelAgent(
          proxy,
          !plain,
          plain ? { keepAlive: true } : agentOptions,
          this.timeoutMs,
        );
      else if (plain) agent = new http.Agent({ keepAlive: true });
      else agent = new https.Agent(agentOptions);
      return {
        server: cluster.server.replace(/\/+$/, ''),
        agent,
        headers,
        transport: plain ? http : https,
      };
    })();
    return this.connection;
  }

  private async acquire(): Promise<void> {
    if (this.active < this.concurrency) {
      this.active++;
      return;
    }
    await new Promise<void>(resolve => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }

  /** The parsed body; NOT_ACCEPTABLE for a 406 when `orNotAcceptable` is set. */
  private async getJson(
    path: string,
    accept: string,
    what: string,
    orNotAcceptable = false,
  ): Promise<unknown> {
    if (this.fatal) throw this.fatal;
    let connection: Connection;
    try {
      connection = await this.connect();
    } catch (e) {
      this.fatal = new ReadFailure(
        'error',
        `cannot connect: ${(e as Error).message}`,
        true,
      );
      throw this.fatal;
    }
    await this.acquire();
    try {
      if (this.fatal) throw this.fatal;
      const { status, body } = await this.send(connection, path, accept, what);
      if (status === 406 && orNotAcceptable) return NOT_ACCEPTABLE;
      if (status >= 200 && status < 300) {
        try {
          return JSON.parse(body.toString('utf8'));
        } catch {
          throw new ReadFailure(
            'error',
            `${what}: malformed JSON in the response`,
          );
        }
      }
      throw classifyStatus(status, body, what);
    } catch (e) {
      const failure =
        e instanceof ReadFailure
          ? e
          : classifyError(e as NodeJS.ErrnoException, what);
      if (failure.fatal) this.fatal ??= failure;
      throw failure;
    } finally {
      this.release();
    }
  }

  private send(
    connection: Connection,
    path: string,
    accept: string,
    what: string,
  ): Promise<{ status: number; body: Buffer }> {
    this.counters.requests++;
    return new Promise((resolve, reject) => {
      const request = connection.transport.request(
        `${connection.server}${path}`,
        {
          method: 'GET',
          agent: connection.agent,
          headers: { ...connection.headers, Accept: accept },
        },
      );
      const timer = setTimeout(() => {
        request.destroy(
          new ReadFailure(
            'timeout',
            `${what}: no answer within ${this.timeoutMs} ms`,
          ),
        );
      }, this.timeoutMs);
      request.on('error', error => {
        clearTimeout(timer);
        reject(error);
      });
      request.on('response', response => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => {
          this.counters.bytes += chunk.length;
          chunks.push(chunk);
        });
        response.on('error', error => {
          clearTimeout(timer);
          reject(error);
        });
        response.on('aborted', () => {
          clearTimeout(timer);
          reject(
            Object.assign(new Error('response aborted'), {
              code: 'ECONNRESET',
            }),
          );
        });
        response.on('end', () => {
          clearTimeout(timer);
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks),
          });
        });
      });
      request.end();
    });
  }
}

function basePath(type: ResourceType): string {
  return type.group
    ? `/apis/${type.group}/${type.version}`
    : `/api/${type.version}`;
}
