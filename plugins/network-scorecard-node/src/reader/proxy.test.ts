import {
  bypassesProxy,
  chooseProxy,
  describeProxy,
  proxyAuthorization,
} from './proxy';

const SERVER = 'https://api.prod.example.com:6443';

function chosen(
  server: string,
  proxyUrl: string | undefined,
  env: Record<string, string>,
) {
  const proxy = chooseProxy(server, proxyUrl, env);
  return proxy && { url: proxy.url.href, source: proxy.source };
}

describe('chooseProxy', () => {
  it('uses no proxy when nothing is configured', () => {
    expect(chosen(SERVER, undefined, {})).toBeUndefined();
  });

  it("prefers the kubeconfig's proxy-url, which NO_PROXY does not affect", () => {
    expect(
      chosen(SERVER, 'http://kube-proxy:3128', {
        HTTPS_PROXY: 'http://env-proxy:8080',
        NO_PROXY: '*',
      }),
    ).toEqual({
      url: 'http://kube-proxy:3128/',
      source: 'kubeconfig proxy-url',
    });
  });

  it('uses HTTPS_PROXY, then https_proxy, for https servers', () => {
    expect(
      chosen(SERVER, undefined, {
        HTTPS_PROXY: 'http://upper:1',
        https_proxy: 'http://lower:2',
      }),
    ).toEqual({ url: 'http://upper:1/', source: 'HTTPS_PROXY' });
    expect(
      chosen(SERVER, undefined, {
        HTTPS_PROXY: ' ',
        https_proxy: 'http://lower:2',
      }),
    ).toEqual({ url: 'http://lower:2/', source: 'https_proxy' });
  });

  it('uses HTTP_PROXY only for http servers', () => {
    expect(
      chosen(SERVER, undefined, { HTTP_PROXY: 'http://p:1' }),
    ).toBeUndefined();
    expect(
      chosen('http://api.example.com:8080', undefined, {
        HTTP_PROXY: 'http://p:1',
        HTTPS_PROXY: 'http://q:2',
      }),
    ).toEqual({ url: 'http://p:1/', source: 'HTTP_PROXY' });
    expect(
      chosen('http://api.example.com', undefined, { http_proxy: 'p:3' }),
    ).toEqual({ url: 'http://p:3/', source: 'http_proxy' });
  });

  it('reads a proxy without a scheme as an http proxy', () => {
    expect(
      chosen(SERVER, undefined, { HTTPS_PROXY: 'proxy.corp:3128' }),
    ).toEqual({ url: 'http://proxy.corp:3128/', source: 'HTTPS_PROXY' });
  });

  it('skips the environment proxy when NO_PROXY or no_proxy matches', () => {
    const env = { HTTPS_PROXY: 'http://p:1' };
    expect(
      chosen(SERVER, undefined, { ...env, NO_PROXY: 'example.com' }),
    ).toBeUndefined();
    expect(
      chosen(SERVER, undefined, { ...env, no_proxy: '.prod.example.com' }),
    ).toBeUndefined();
    expect(
      chosen(SERVER, undefined, { ...env, NO_PROXY: 'other.com' }),
    ).toEqual({ url: 'http://p:1/', source: 'HTTPS_PROXY' });
  });

  it('refuses socks and unknown schemes without echoing credentials', () => {
    expect(() =>
      chooseProxy(SERVER, 'socks5://bob:hunter2@tunnel:1080', {}),
    ).toThrow(
      'proxy socks5://tunnel:1080 (kubeconfig proxy-url) is not supported: only http:// and https:// proxies (HTTP CONNECT) are',
    );
    expect(() =>
      chooseProxy(SERVER, undefined, { HTTPS_PROXY: 'http://bob:hunter2@' }),
    ).toThrow(/^the proxy URL from HTTPS_PROXY is not a valid URL$/);
  });
});

describe('bypassesProxy', () => {
  const host = 'api.prod.example.com';

  it.each([
    ['*', host, 6443, true],
    ['api.prod.example.com', host, 6443, true],
    ['API.Prod.Example.COM', host, 6443, true],
    ['example.com', host, 6443, true],
    ['example.com', 'example.com', 443, true],
    ['.example.com', host, 6443, true],
    ['.example.com', 'example.com', 443, false],
    ['*.example.com', host, 6443, true],
    ['*.example.com', 'example.com', 443, false],
    ['ample.com', 'example.com', 443, false],
    ['prod.example.com.', host, 6443, true],
    ['api.prod.example.com:6443', host, 6443, true],
    ['api.prod.example.com:443', host, 6443, false],
    ['10.0.0.1', '10.0.0.1', 443, true],
    ['10.0.0.1', '10.0.0.10', 443, false],
    ['10.0.0.1:6443', '10.0.0.1', 6443, true],
    ['10.0.0.0/8', '10.20.30.40', 443, true],
    ['10.0.0.0/8', '11.0.0.1', 443, false],
    ['10.0.0.0/99', '10.0.0.1', 443, false],
    ['10.0.0.0/8', 'ten.example.com', 443, false],
    ['::1', '[::1]', 443, true],
    ['[::1]:6443', '[::1]', 6443, true],
    ['[::1]:6443', '[::1]', 443, false],
    ['0:0:0:0:0:0:0:1', '::1', 443, true],
    ['fd00::/8', '[fd12::5]', 443, true],
    ['127.0.0.1', 'localhost', 443, false],
  ])('%s for %s:%d → %s', (noProxy, hostname, port, expected) => {
    expect(bypassesProxy(noProxy, hostname, port)).toBe(expected);
  });

  it('reads lists separated by commas and spaces', () => {
    expect(bypassesProxy('localhost, 127.0.0.1 ,.svc', 'kube.svc', 443)).toBe(
      true,
    );
    expect(bypassesProxy('localhost,,127.0.0.1', 'kube.svc', 443)).toBe(false);
    expect(bypassesProxy('', 'kube.svc', 443)).toBe(false);
  });
});

describe('describeProxy and proxyAuthorization', () => {
  const url = new URL('http://al%40ice:p%3Ass@proxy.corp:3128/path?q=1');

  it('names the proxy without its credentials, path or query', () => {
    expect(describeProxy({ url, source: 'HTTPS_PROXY' })).toBe(
      'proxy http://proxy.corp:3128 (HTTPS_PROXY)',
    );
  });

  it('sends decoded userinfo as Basic credentials', () => {
    expect(proxyAuthorization(url)).toBe(
      `Basic ${Buffer.from('al@ice:p:ss').toString('base64')}`,
    );
    expect(proxyAuthorization(new URL('http://proxy.corp:3128'))).toBe(
      undefined,
    );
  });
});
