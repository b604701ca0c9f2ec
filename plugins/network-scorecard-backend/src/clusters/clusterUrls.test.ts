import { catalogUrlProblem, normalizeClusterUrl } from './clusterUrls';

const publicHost = async () => ['93.184.216.34'];
const NON_PUBLIC = /is not a public address/;

describe('catalogUrlProblem', () => {
  it.each([
    ['http://k8s.example.com', /must use https/],
    ['ftp://k8s.example.com', /must use https/],
    ['https://user:pw@k8s.example.com', /must not contain credentials/],
    ['not a url', /not a URL/],
    ['https://127.0.0.1:6443', NON_PUBLIC],
    ['https://[::1]:6443', NON_PUBLIC],
    ['https://169.254.169.254/latest', NON_PUBLIC],
    ['https://10.1.2.3', NON_PUBLIC],
    ['https://172.20.0.1', NON_PUBLIC],
    ['https://192.168.1.10:6443', NON_PUBLIC],
    ['https://100.100.100.200', NON_PUBLIC],
    ['https://[fd00:ec2::254]', NON_PUBLIC],
    ['https://[fe80::1]', NON_PUBLIC],
    ['https://[::ffff:127.0.0.1]', NON_PUBLIC],
    ['https://0.0.0.0', NON_PUBLIC],
  ])('refuses %s', async (url, reason) => {
    expect(await catalogUrlProblem(url, [], publicHost)).toMatch(reason);
  });

  it('refuses a host name that resolves to a non-public address, naming it', async () => {
    expect(
      await catalogUrlProblem('https://k8s.example.com', [], async () => [
        '93.184.216.34',
        '10.0.0.7',
      ]),
    ).toBe(
      'host k8s.example.com resolves to 10.0.0.7, which is not a public address',
    );
    expect(
      await catalogUrlProblem('https://localhost:6443', [], async () => [
        '127.0.0.1',
      ]),
    ).toMatch(/resolves to 127.0.0.1/);
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

  it('exempts hosts matching dangerouslyAllowClusterUrls, as the Kubernetes plugin does', async () => {
    const allowed = ['*.corp.example', '10.0.0.5'];
    const privateDns = async () => ['10.9.9.9'];
    expect(
      await catalogUrlProblem(
        'https://k8s.eu.corp.example',
        allowed,
        privateDns,
      ),
    ).toBeUndefined();
    expect(
      await catalogUrlProblem('https://corp.example', allowed, privateDns),
    ).toBeUndefined();
    expect(
      await catalogUrlProblem('https://10.0.0.5:6443', allowed, privateDns),
    ).toBeUndefined();
    expect(
      await catalogUrlProblem('https://10.0.0.6:6443', allowed, privateDns),
    ).toMatch(NON_PUBLIC);
    expect(
      await catalogUrlProblem('https://evilcorp.example', allowed, privateDns),
    ).toMatch(/resolves to 10.9.9.9/);
    // the exemption never allows credentials in the URL
    expect(
      await catalogUrlProblem('https://u:p@10.0.0.5', allowed, privateDns),
    ).toMatch(/credentials/);
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
