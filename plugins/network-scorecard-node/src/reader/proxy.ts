import { BlockList, isIP } from 'node:net';

/** A proxy to reach an API server through, and where it was configured. */
export interface ProxyChoice {
  /** may carry credentials in its userinfo: never put it in a message, use describeProxy */
  url: URL;
  /** "kubeconfig proxy-url" or the environment variable's name */
  source: string;
}

type Env = Record<string, string | undefined>;

/**
 * The proxy for requests to `server`. Like kubectl: the kubeconfig cluster's
 * proxy-url wins and NO_PROXY does not apply to it; otherwise HTTPS_PROXY
 * (HTTP_PROXY for http servers) unless NO_PROXY matches the server.
 * Throws, without echoing the URL, for a proxy URL that cannot be used.
 */
export function chooseProxy(
  server: string,
  proxyUrl: string | undefined,
  env: Env = process.env,
): ProxyChoice | undefined {
  if (proxyUrl) return parseProxy(proxyUrl, 'kubeconfig proxy-url');
  const target = new URL(server);
  const secure = target.protocol !== 'http:';
  const variable = firstSet(
    env,
    secure ? ['HTTPS_PROXY', 'https_proxy'] : ['HTTP_PROXY', 'http_proxy'],
  );
  if (!variable) return undefined;
  const noProxy = firstSet(env, ['NO_PROXY', 'no_proxy']);
  const port = Number(target.port) || (secure ? 443 : 80);
  if (noProxy && bypassesProxy(env[noProxy]!, target.hostname, port))
    return undefined;
  return parseProxy(env[variable]!, variable);
}

/**
 * Whether a NO_PROXY list exempts host:port. Entries are separated by commas
 * or spaces: "*", a host or IP (optionally with :port), a CIDR range, or a
 * domain ("example.com" matches it and its subdomains, ".example.com" and
 * "*.example.com" only its subdomains).
 */
export function bypassesProxy(
  noProxy: string,
  hostname: string,
  port: number,
): boolean {
  const host = normalizeHost(hostname);
  return noProxy
    .split(/[\s,]+/)
    .filter(Boolean)
    .some(entry => entryMatches(entry.toLowerCase(), host, port));
}

/** The proxy as it may appear in messages: scheme, host and port only. */
export function describeProxy(proxy: ProxyChoice): string {
  return `proxy ${proxy.url.protocol}//${proxy.url.host} (${proxy.source})`;
}

/** The Proxy-Authorization header for credentials in the proxy URL's userinfo. */
export function proxyAuthorization(url: URL): string | undefined {
  if (!url.username && !url.password) return undefined;
  const credentials = `${decodeURIComponent(url.username)}:${decodeURIComponent(
    url.password,
  )}`;
  return `Basic ${Buffer.from(credentials).toString('base64')}`;
}

function firstSet(env: Env, names: string[]): string | undefined {
  return names.find(name => env[name]?.trim());
}

function parseProxy(value: string, source: string): ProxyChoice {
  const text = value.trim();
  // curl and Go read a bare "host:port" as an http proxy.
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text)
    ? text
    : `http://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new Error(`the proxy URL from ${source} is not a valid URL`);
  }
  const proxy = { url, source };
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(
      `${describeProxy(
        proxy,
      )} is not supported: only http:// and https:// proxies (HTTP CONNECT) are`,
    );
  }
  if (!url.hostname)
    throw new Error(`the proxy URL from ${source} has no host`);
  return proxy;
}

function normalizeHost(host: string): string {
  return host
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
}

function splitPort(entry: string): { name: string; port?: number } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed)
    return {
      name: bracketed[1],
      port: bracketed[2] ? Number(bracketed[2]) : undefined,
    };
  const withPort = /^([^:]+):(\d+)$/.exec(entry);
  if (withPort) return { name: withPort[1], port: Number(withPort[2]) };
  return { name: entry };
}

function entryMatches(entry: string, host: string, port: number): boolean {
  if (entry === '*') return true;
  const { name, port: entryPort } = splitPort(entry);
  if (entryPort !== undefined && entryPort !== port) return false;
  if (name.includes('/')) return inRange(name, host);
  if (isIP(name)) return sameAddress(name, host);
  const domain = normalizeHost(name);
  if (domain.startsWith('*.') || domain.startsWith('.'))
    return host.endsWith(domain.slice(domain.indexOf('.')));
  return host === domain || host.endsWith(`.${domain}`);
}

function family(address: string): 'ipv4' | 'ipv6' | undefined {
  const version = isIP(address);
  if (version === 4) return 'ipv4';
  if (version === 6) return 'ipv6';
  return undefined;
}

function sameAddress(entry: string, host: string): boolean {
  const type = family(entry);
  if (!type || family(host) !== type) return false;
  const list = new BlockList();
  list.addAddress(entry, type);
  return list.check(host, type);
}

function inRange(cidr: string, host: string): boolean {
  const [network, bits] = cidr.split('/');
  const type = family(network);
  const prefix = Number(bits);
  if (!type || family(host) !== type || !Number.isInteger(prefix)) return false;
  try {
    const list = new BlockList();
    list.addSubnet(network, prefix, type);
    return list.check(host, type);
  } catch {
    // an out-of-range prefix: ignored, as curl and Go ignore entries they cannot parse
    return false;
  }
}
