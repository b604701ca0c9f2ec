import http from 'node:http';
import net, { AddressInfo } from 'node:net';
import { ConnectProxy, startConnectProxy } from './ConnectProxy';

let echo: net.Server;
let echoTarget: string;
beforeAll(async () => {
  echo = net.createServer(socket => socket.pipe(socket));
  await new Promise<void>(resolve => echo.listen(0, '127.0.0.1', resolve));
  echoTarget = `127.0.0.1:${(echo.address() as AddressInfo).port}`;
});
afterAll(() => new Promise(resolve => echo.close(resolve)));

let proxy: ConnectProxy | undefined;
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});

type Answer =
  | { status: number; socket: net.Socket }
  | { status: 'no answer'; socket?: undefined };

function connect(
  url: string,
  target: string,
  headers: Record<string, string> = {},
  waitMs = 2000,
): Promise<Answer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const request = http.request({
      method: 'CONNECT',
      host: hostname,
      port,
      path: target,
      headers: { Host: target, ...headers },
      agent: false,
    });
    const timer = setTimeout(() => {
      request.destroy();
      resolve({ status: 'no answer' });
    }, waitMs);
    request.on('connect', (response, socket) => {
      clearTimeout(timer);
      resolve({ status: response.statusCode ?? 0, socket });
    });
    request.on('error', error => {
      clearTimeout(timer);
      reject(error);
    });
    request.end();
  });
}

function roundTrip(socket: net.Socket, text: string): Promise<string> {
  return new Promise(resolve => {
    socket.once('data', data => resolve(data.toString()));
    socket.write(text);
  });
}

describe('startConnectProxy', () => {
  it('tunnels to the target and logs the tunnel', async () => {
    proxy = await startConnectProxy();
    const before = Date.now();
    const answer = await connect(proxy.url, echoTarget);
    expect(answer.status).toBe(200);
    expect(await roundTrip(answer.socket!, 'ping')).toBe('ping');
    answer.socket!.destroy();
    expect(proxy.log).toEqual([
      {
        target: echoTarget,
        at: expect.any(Number),
        authorization: null,
        outcome: 'tunnelled',
      },
    ]);
    expect(proxy.log[0].at).toBeGreaterThanOrEqual(before);
  });

  it('refuses with the configured status', async () => {
    proxy = await startConnectProxy({ mode: 'refuse', refuseStatus: 403 });
    const answer = await connect(proxy.url, echoTarget);
    expect(answer.status).toBe(403);
    answer.socket?.destroy();
    expect(proxy.log.map(r => r.outcome)).toEqual(['refused']);
  });

  it('hangs: never answers CONNECT', async () => {
    proxy = await startConnectProxy({ mode: 'hang' });
    expect((await connect(proxy.url, echoTarget, {}, 300)).status).toBe(
      'no answer',
    );
    expect(proxy.log.map(r => r.outcome)).toEqual(['hung']);
  });

  it('switches mode', async () => {
    proxy = await startConnectProxy({ mode: 'refuse' });
    proxy.setMode('tunnel');
    const answer = await connect(proxy.url, echoTarget);
    expect(answer.status).toBe(200);
    answer.socket?.destroy();
  });

  it('asks for credentials with 407 and tunnels with them', async () => {
    proxy = await startConnectProxy({
      credentials: { username: 'alice', password: 's3cret' },
    });
    const denied = await connect(proxy.url, echoTarget);
    expect(denied.status).toBe(407);
    denied.socket?.destroy();
    const basic = `Basic ${Buffer.from('alice:s3cret').toString('base64')}`;
    const allowed = await connect(proxy.url, echoTarget, {
      'Proxy-Authorization': basic,
    });
    expect(allowed.status).toBe(200);
    allowed.socket?.destroy();
    expect(proxy.log.map(r => [r.outcome, r.authorization])).toEqual([
      ['unauthorized', null],
      ['tunnelled', basic],
    ]);
  });

  it('answers 502 for an unreachable target', async () => {
    const closed = net.createServer();
    await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise(resolve => closed.close(resolve));
    proxy = await startConnectProxy();
    const answer = await connect(proxy.url, `127.0.0.1:${port}`);
    expect(answer.status).toBe(502);
    answer.socket?.destroy();
    expect(proxy.log.map(r => r.outcome)).toEqual(['unreachable']);
  });
});
