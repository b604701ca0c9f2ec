import http from 'node:http';
import net, { AddressInfo } from 'node:net';
import { Duplex } from 'node:stream';

/**
 * How the proxy answers CONNECT: open the tunnel, refuse it with
 * `refuseStatus`, or never answer.
 * @public
 */
export type ConnectProxyMode = 'tunnel' | 'refuse' | 'hang';

/** @public */
export interface ConnectProxyOptions {
  mode?: ConnectProxyMode;
  /** the status of a refused CONNECT; default 403 */
  refuseStatus?: number;
  /** require these Basic credentials in Proxy-Authorization, else answer 407 */
  credentials?: { username: string; password: string };
}

/** One CONNECT the proxy received. @public */
export interface TunnelRecord {
  /** host:port asked for */
  target: string;
  /** when the CONNECT arrived (ms since the epoch) */
  at: number;
  /** the Proxy-Authorization header as received */
  authorization: string | null;
  outcome: 'tunnelled' | 'refused' | 'hung' | 'unauthorized' | 'unreachable';
}

/** @public */
export interface ConnectProxy {
  /** http://127.0.0.1:port, without credentials */
  url: string;
  /** every CONNECT received, in order */
  log: TunnelRecord[];
  setMode(mode: ConnectProxyMode): void;
  close(): Promise<void>;
}

function answer(client: Duplex, status: number, extra = ''): void {
  client.end(
    `HTTP/1.1 ${status} ${
      http.STATUS_CODES[status] ?? 'Error'
    }\r\n${extra}Content-Length: 0\r\nConnection: close\r\n\r\n`,
  );
}

/**
 * Starts an HTTP proxy that only tunnels (CONNECT), on 127.0.0.1, and logs
 * every tunnel so a test can prove which connections went through it.
 * For tests only.
 * @public
 */
export async function startConnectProxy(
  options: ConnectProxyOptions = {},
): Promise<ConnectProxy> {
  let mode = options.mode ?? 'tunnel';
  const log: TunnelRecord[] = [];
  const sockets = new Set<Duplex>();
  const track = (socket: Duplex) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  };
  const expected = options.credentials
    ? `Basic ${Buffer.from(
        `${options.credentials.username}:${options.credentials.password}`,
      ).toString('base64')}`
    : undefined;

  const server = http.createServer((_req, res) => {
    res.writeHead(501).end('this proxy only tunnels (CONNECT)');
  });
  server.on('connection', track);
  server.on('connect', (req: http.IncomingMessage, client: Duplex, head) => {
    const record: TunnelRecord = {
      target: req.url ?? '',
      at: Date.now(),
      authorization: req.headers['proxy-authorization'] ?? null,
      outcome: 'tunnelled',
    };
    log.push(record);
    if (expected && record.authorization !== expected) {
      record.outcome = 'unauthorized';
      answer(client, 407, 'Proxy-Authenticate: Basic realm="test"\r\n');
      return;
    }
    if (mode === 'hang') {
      record.outcome = 'hung';
      return;
    }
    if (mode === 'refuse') {
      record.outcome = 'refused';
      answer(client, options.refuseStatus ?? 403);
      return;
    }
    const { hostname, port } = new URL(`http://${record.target}`);
    const upstream = net.connect(
      Number(port),
      hostname.replace(/^\[(.*)\]$/, '$1'),
    );
    track(upstream);
    let connected = false;
    upstream.once('connect', () => {
      connected = true;
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.once('error', () => {
      if (connected) return;
      record.outcome = 'unreachable';
      answer(client, 502);
    });
    upstream.on('close', () => {
      if (connected) client.destroy();
    });
    client.on('close', () => upstream.destroy());
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    log,
    setMode: next => {
      mode = next;
    },
    close: () =>
      new Promise<void>(resolve => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
