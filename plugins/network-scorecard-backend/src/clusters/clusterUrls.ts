import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

/**
 * Only public unicast addresses: a URL from the catalog may otherwise make the
 * backend call into its own network (cloud metadata, loopback, private
 * ranges). The same rule as the Kubernetes plugin's catalog locator.
 */
function nonPublic(address: string): boolean {
  try {
    return ipaddr.process(address).range() !== 'unicast';
  } catch {
    return true;
  }
}

/** The form two URLs are compared in: default port made explicit, host lower case, no trailing slash. */
export function normalizeClusterUrl(raw: string): string {
  const url = new URL(raw);
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.protocol}//${url.hostname.toLowerCase()}:${port}${path}`;
}

/** `host` or `*.domain` patterns, as the Kubernetes plugin's `dangerouslyAllowClusterUrls`. */
function hostAllowed(host: string, patterns: readonly string[]): boolean {
  const name = host.toLowerCase();
  return patterns.some(raw => {
    const pattern = raw.toLowerCase();
    if (!pattern.startsWith('*.')) return name === pattern;
    return name.endsWith(pattern.slice(1)) || name === pattern.slice(2);
  });
}

/** Every address a host name resolves to (injectable for tests). */
export type ResolveHost = (host: string) => Promise<string[]>;

const resolveWithDns: ResolveHost = async host =>
  (await lookup(host, { all: true, verbatim: true })).map(a => a.address);

/**
 * Why a catalog-supplied API server URL must not be contacted, or undefined
 * when it may be: https only, no user info, and no loopback, private,
 * link-local, metadata or other non-public address, unless the host matches
 * `dangerouslyAllowClusterUrls` of the `catalog` cluster locator.
 */
export async function catalogUrlProblem(
  raw: string,
  dangerouslyAllowed: readonly string[],
  resolveHost: ResolveHost = resolveWithDns,
): Promise<string | undefined> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `"${raw}" is not a URL`;
  }
  if (url.username || url.password)
    return 'the URL must not contain credentials';
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return 'the URL must use https';
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (hostAllowed(host, dangerouslyAllowed)) return undefined;
  if (url.protocol !== 'https:') return 'the URL must use https';
  if (ipaddr.isValid(host)) {
    return nonPublic(host)
      ? `${host} is not a public address (loopback, private, link-local or metadata)`
      : undefined;
  }
  let addresses: string[];
  try {
    addresses = await resolveHost(host);
  } catch (error) {
    return `host ${host} does not resolve (${(error as Error).message})`;
  }
  const bad = addresses.find(nonPublic);
  return bad
    ? `host ${host} resolves to ${bad}, which is not a public address`
    : undefined;
}
