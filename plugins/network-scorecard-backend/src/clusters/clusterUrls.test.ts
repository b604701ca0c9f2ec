import { catalogUrlProblem, normalizeClusterUrl } from './clusterUrls';

const publicHost = async () => ['203.0.113.10'];

describe('catalogUrlProblem', () => {
  it.each([
    ['http://k8s.example.com', /only https/],
    ['https://user:pw@k8s.example.com', /user name or password/],
    ['not a url', /not a URL/],
    ['https://127.0.0.1:6443', /loopback, private, link-local or metadata/],
    ['https://[::1]:6443', /loopback/],
    ['https://169.254.169.254/latest', /metadata/],
    ['https://10.1.2.3', /private/],
    ['https://172.20.0.1', /private/],
    ['https://192.168.1.10:6443', /private/],
    ['https://100.100.100.200', /metadata/],
    ['https://[fd00:ec2::254]', /metadata/],
    ['https://[fe80::1]', /link-local/],
    ['https://[::ffff:127.0.0.1]', /loopback/],
    ['https://localhost:6443', /local or metadata name/],
    ['https://metadata.google.internal', /local or metadata name/],
  ])('refuses %s', async (url, reason) => {
    expect(await catalogUrlProblem(url, [], publicHost)).toMatch(reason);
  });

  it('refuses a host name that resolves into a private range', async () => {
    expect(
      await catalogUrlProblem('https://k8s.example.com', [], async () => [
        '203.0.113.10',
        '10.0.0.7',
      ]),
    ).toBe(
      'host k8s.example.com resolves to 10.0.0.7 is a loopback, private, link-local or metadata address',
    );
  });

  it('refuses a host name that does not resolve, saying so', async () => {
    expect(
      await catalogUrlProblem('https://nowhere.example', [], async () => {
        throw new Error('ENOTFOUND');
      }),
    ).toBe('host nowhere.example does not resolve (ENOTFOUND)');
  });

  it('accepts a public https API server', async () => {
    expect(
      await catalogUrlProblem('https://k8s.example.com:6443', [], publicHost),
    ).toBeUndefined();
  });

  it('accepts a private address only when config names it exactly', async () => {
    const allowed = ['https://10.0.0.5:6443/'];
    expect(
      await catalogUrlProblem('https://10.0.0.5:6443', allowed, publicHost),
    ).toBeUndefined();
    expect(
      await catalogUrlProblem('https://10.0.0.6:6443', allowed, publicHost),
    ).toMatch(/private/);
    // the allowance never lifts the https and userinfo rules
    expect(
      await catalogUrlProblem(
        'http://10.0.0.5:6443',
        ['http://10.0.0.5:6443'],
        publicHost,
      ),
    ).toMatch(/only https/);
  });
});

describe('normalizeClusterUrl', () => {
  it('compares URLs by scheme, host, port and path', () => {
    expect(normalizeClusterUrl('https://K8S.example.com/')).toBe(
      normalizeClusterUrl('https://k8s.example.com:443'),
    );
    expect(normalizeClusterUrl('https://k8s.example.com:6443')).not.toBe(
      normalizeClusterUrl('https://k8s.example.com'),
    );
    expect(normalizeClusterUrl('https://k8s.example.com/a')).not.toBe(
      normalizeClusterUrl('https://k8s.example.com/b'),
    );
  });
});
