import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Addresses a URL from the catalog may not point at: anyone who can edit a
 * catalog entity could otherwise make the backend call into its own network
 * (cloud metadata, loopback, private ranges), as the Kubernetes plugin also
 * refuses since 0.21.11.
 */
const FORBIDDEN = new BlockList();
FORBIDDEN.addSubnet('0.0.0.0', 8, 'ipv4'); // "this" network
FORBIDDEN.addSubnet('10.0.0.0', 8, 'ipv4'); // private
FORBIDDEN.addSubnet('100.64.0.0', 10, 'ipv4'); // carrier-grade NAT (Alibaba metadata lives here)
FORBIDDEN.addSubnet('127.0.0.0', 8, 'ipv4'); // loopback
FORBIDDEN.addSubnet('169.254.0.0', 16, 'ipv4'); // link-local, incl. 169.254.169.254 metadata
FORBIDDEN.addSubnet('172.16.0.0', 12, 'ipv4'); // private
FORBIDDEN.addSubnet('192.168.0.0', 16, 'ipv4'); // private
FORBIDDEN.addSubnet('::', 128, 'ipv6'); // unspecified
FORBIDDEN.addSubnet('::1', 128, 'ipv6'); // loopback
FORBIDDEN.addSubnet('fc00::', 7, 'ipv6'); // unique local, incl. fd00:ec2::254 metadata
FORBIDDEN.addSubnet('fe80::', 10, 'ipv6'); // link-local

const FORBIDDEN_HOSTS = [/^localhost$/i, /\.localhost$/i, /^metadata(\..*)?$/i];

function addressProblem(address: string): string | undefined {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  const ip = mapped ?? address;
  const family = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
  return FORBIDDEN.check(ip, family)
    ? `${address} is a loopback, private, link-local or metadata address`
    : undefined;
}

/** The origin-and-path form two URLs are compared in: default port made explicit, no trailing slash. */
export function normalizeClusterUrl(raw: string): string {
  const url = new URL(raw);
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.protocol}//${url.hostname.toLowerCase()}:${port}${path}`;
}

/** A lookup of every address a host name resolves to (injectable for tests). */
export type ResolveHost = (host: string) => Promise<string[]>;

const resolveWithDns: ResolveHost = async host =>
  (await lookup(host, { all: true, verbatim: true })).map(a => a.address);

/**
 * Why a catalog-supplied API server URL must not be contacted, or undefined
 * when it may be. `allowed` holds URLs config accepts anyway
 * (`networkScorecard.dangerouslyAllowClusterUrls`).
 */
export async function catalogUrlProblem(
  raw: string,
  allowed: readonly string[],
  resolveHost: ResolveHost = resolveWithDns,
): Promise<string | undefined> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `"${raw}" is not a URL`;
  }
  if (url.username || url.password)
    return 'the URL carries a user name or password';
  if (url.protocol !== 'https:')
    return `only https is allowed, not ${url.protocol.replace(/:$/, '')}`;
  if (allowed.some(a => normalizeClusterUrl(a) === normalizeClusterUrl(raw)))
    return undefined;
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (isIP(host)) return addressProblem(host);
  if (FORBIDDEN_HOSTS.some(pattern => pattern.test(host)))
    return `host ${host} is a local or metadata name`;
  let addresses: string[];
  try {
    addresses = await resolveHost(host);
  } catch (error) {
    return `host ${host} does not resolve (${(error as Error).message})`;
  }
  for (const address of addresses) {
    const problem = addressProblem(address);
    if (problem) return `host ${host} resolves to ${problem}`;
  }
  return undefined;
}
