import http from 'node:http';
import https from 'node:https';
import { Duplex } from 'node:stream';
import { ProxyChoice, describeProxy, proxyAuthorization } from './proxy';
import { ReadFailure } from './types';

type Opened = (error: Error | null, socket?: Duplex) => void;

/**
 * Opens HTTP CONNECT tunnels through one proxy. Each CONNECT has its own
 * deadline: a request whose agent has not handed it a socket yet cannot be
 * aborted by the request's own timer, so a proxy that never answers would
 * otherwise hold the request forever. Failures are fatal for the scan: every
 * later connection would go through the same proxy.
 */
class Tunnels {
  private readonly pending = new Set<() => void>();

  constructor(
    private readonly proxy: ProxyChoice,
    private readonly timeoutMs: number,
  ) {}

  open(host: string, port: number, opened: Opened): void {
    const target = `${host.includes(':') ? `[${host}]` : host}:${port}`;
    const name = describeProxy(this.proxy);
    const { url } = this.proxy;
    const secure = url.protocol === 'https:';
    const proxyHost = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const headers: Record<string, string> = { Host: target };
    const authorization = proxyAuthorization(url);
    if (authorization) headers['Proxy-Authorization'] = authorization;
    const request = (secure ? https : http).request({
      method: 'CONNECT',
      host: proxyHost,
      port: Number(url.port) || (secure ? 443 : 80),
      path: target,
      headers,
      setHost: false,
      agent: false,
      ...(secure ? { servername: proxyHost } : {}),
    });
    let settled = false;
    let timer: NodeJS.Timeout | undefined = undefined;
    let abort: () => void = () => undefined;
    const settle = (error: Error | null, socket?: Duplex) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      this.pending.delete(abort);
      opened(error, socket);
    };
    abort = () => {
      request.destroy();
      settle(new ReadFailure('error', `${name}: the reader was closed`));
    };
    this.pending.add(abort);
    timer = setTimeout(() => {
      request.destroy();
      settle(
        new ReadFailure(
          'timeout',
          `${name} did not answer CONNECT to ${target} within ${this.timeoutMs} ms`,
          true,
        ),
      );
    }, this.timeoutMs);
    request.on('connect', (response, socket, head) => {
      if (response.statusCode === 200) {
        if (head.length) socket.unshift(head);
        settle(null, socket);
        return;
      }
      socket.destroy();
      settle(
        new ReadFailure(
          'error',
          refusal(name, target, response, Boolean(authorization)),
          true,
        ),
      );
    });
    // Node's messages for socket errors name the address, never the userinfo.
    request.on('error', error =>
      settle(
        new ReadFailure(
          'error',
          `cannot reach ${name}: ${error.message}`,
          true,
        ),
      ),
    );
    request.end();
  }

  destroy(): void {
    for (const abort of [...this.pending]) abort();
  }
}

function refusal(
  name: string,
  target: string,
  response: http.IncomingMessage,
  sentCredentials: boolean,
): string {
  // The standard reason phrase, not the proxy's own text, which could echo anything.
  const status = `HTTP ${response.statusCode} ${
    http.STATUS_CODES[response.statusCode ?? 0] ?? ''
  }`.trim();
  if (response.statusCode === 407) {
    return sentCredentials
      ? `${name} rejected the proxy credentials (${status})`
      : `${name} requires credentials (${status}); put them in the proxy URL as http://user:password@host:port`;
  }
  return `${name} refused CONNECT to ${target} (${status})`;
}

function requireCallback(callback: Opened | undefined): Opened {
  if (!callback) throw new Error('a tunnel is only opened asynchronously');
  return callback;
}

/** TLS to the API server inside the tunnel, verified against the cluster's CA as without a proxy. */
class HttpsTunnelAgent extends https.Agent {
  constructor(options: https.AgentOptions, private readonly tunnels: Tunnels) {
    super(options);
  }

  createConnection(
    options: https.RequestOptions,
    callback?: (err: Error | null, stream: Duplex) => void,
  ): undefined {
    const done = requireCallback(callback as Opened | undefined);
    this.tunnels.open(
      String(options.host),
      Number(options.port) || 443,
      (error, socket) => {
        if (error || !socket) {
          done(error);
          return;
        }
        const tls = super.createConnection({
          ...options,
          socket,
        } as https.RequestOptions);
        done(null, tls ?? undefined);
      },
    );
    return undefined;
  }

  destroy(): void {
    this.tunnels.destroy();
    super.destroy();
  }
}

/** Plain HTTP inside the tunnel, as client-node does for http servers with a proxy-url. */
class HttpTunnelAgent extends http.Agent {
  constructor(options: http.AgentOptions, private readonly tunnels: Tunnels) {
    super(options);
  }

  createConnection(
    options: http.ClientRequestArgs,
    callback?: (err: Error | null, stream: Duplex) => void,
  ): undefined {
    const done = requireCallback(callback as Opened | undefined);
    this.tunnels.open(String(options.host), Number(options.port) || 80, done);
    return undefined;
  }

  destroy(): void {
    this.tunnels.destroy();
    super.destroy();
  }
}

/** An agent whose connections are CONNECT tunnels through `proxy`. */
export function tunnelAgent(
  proxy: ProxyChoice,
  secure: boolean,
  options: https.AgentOptions,
  timeoutMs: number,
): http.Agent {
  const tunnels = new Tunnels(proxy, timeoutMs);
  return secure
    ? new HttpsTunnelAgent(options, tunnels)
    : new HttpTunnelAgent(options, tunnels);
}
