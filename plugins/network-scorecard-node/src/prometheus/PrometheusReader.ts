import http from 'node:http';
import { chooseProxy } from '../reader/proxy';
import { tunnelAgent } from '../reader/tunnelAgent';
import { ReaderStats, ReadFailure } from '../reader/types';
import { boundedGet } from './boundedGet';
import { PrometheusConnection } from './types';

/** One sample of an instant vector: its labels and value. @public */
export interface VectorSample {
  labels: Record<string, string>;
  value: number;
}

/** A query as evidence names it: where, what, when. */
export interface QueryPlace {
  url: string;
  query: string;
  at: string;
}

function errorText(body: Buffer): string | undefined {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as {
      status?: string;
      errorType?: string;
      error?: string;
    };
    if (parsed?.status === 'error' && typeof parsed.error === 'string')
      return `${parsed.errorType ?? 'error'}: ${parsed.error.slice(0, 300)}`;
  } catch {
    // not the API's error object
  }
  return undefined;
}

function sampleOf(item: unknown): VectorSample | undefined {
  const s = item as { metric?: unknown; value?: unknown };
  if (!s || typeof s.metric !== 'object' || s.metric === null) return undefined;
  if (!Array.isArray(s.value) || s.value.length !== 2) return undefined;
  const value = Number(s.value[1]);
  if (typeof s.value[1] !== 'string' || Number.isNaN(value)) return undefined;
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(s.metric as Record<string, unknown>)) {
    if (typeof v !== 'string') return undefined;
    labels[k] = v;
  }
  return { labels, value };
}

/** The URL without credentials, for evidence and messages. */
export function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    u.search = '';
    return u.toString().replace(/\/+$/, '');
  } catch {
    return '(invalid URL)';
  }
}

/**
 * Instant queries against one Prometheus HTTP API (`/api/v1/query` with a
 * fixed `time`), each with a hard timeout and a byte limit; failures are
 * thrown as ReadFailure naming the query (HTTP status, PromQL error, shape).
 * @public
 */
export class PrometheusReader {
  private readonly counters: ReaderStats = { requests: 0, bytes: 0 };
  private readonly base: URL;
  private readonly headers: Record<string, string>;
  private readonly agent?: http.Agent;

  constructor(
    private readonly connection: PrometheusConnection,
    private readonly limits: { timeoutMs: number; maxBytes: number },
  ) {
    this.base = new URL(connection.url);
    if (this.base.protocol !== 'http:' && this.base.protocol !== 'https:')
      throw new Error(`${displayUrl(connection.url)} is not an http(s) URL`);
    // HTTPS_PROXY / HTTP_PROXY and NO_PROXY as the Kubernetes reader honours them
    const proxy = chooseProxy(connection.url, undefined);
    if (proxy)
      this.agent = tunnelAgent(
        proxy,
        this.base.protocol === 'https:',
        {},
        limits.timeoutMs,
      );
    this.headers = {
      Accept: 'application/json',
      'User-Agent': 'network-scorecard',
    };
    const auth = connection.auth;
    if (auth?.type === 'bearer')
      this.headers.Authorization = `Bearer ${auth.token}`;
    if (auth?.type === 'basic')
      this.headers.Authorization = `Basic ${Buffer.from(
        `${auth.username}:${auth.password}`,
      ).toString('base64')}`;
  }

  stats(): ReaderStats {
    return { ...this.counters };
  }

  /** Closes a proxy tunnel's kept connections. */
  close(): void {
    this.agent?.destroy();
  }

  get url(): string {
    return displayUrl(this.connection.url);
  }

  async query(query: string, at: string): Promise<VectorSample[]> {
    const url = new URL(
      `${this.base.pathname.replace(/\/+$/, '')}/api/v1/query`,
      this.base,
    );
    url.searchParams.set('query', query);
    url.searchParams.set('time', String(Date.parse(at) / 1000));
    const what = `Prometheus query ${query}`;
    this.counters.requests++;
    const { status, body } = await boundedGet({
      url,
      headers: this.headers,
      timeoutMs: this.limits.timeoutMs,
      maxBytes: this.limits.maxBytes,
      agent: this.agent,
      what,
      onBytes: n => {
        this.counters.bytes += n;
      },
    });
    if (status === 401 || status === 403)
      throw new ReadFailure(
        status === 401 ? 'unauthorized' : 'forbidden',
        `${what}: Prometheus rejected the credentials (HTTP ${status})`,
        true,
      );
    const apiError = errorText(body);
    if (status === 400 || status === 422)
      throw new ReadFailure(
        'error',
        `${what}: PromQL error (${apiError ?? `HTTP ${status}`})`,
      );
    if (status < 200 || status >= 300)
      throw new ReadFailure(
        status === 503 || status === 504 ? 'timeout' : 'error',
        `${what}: HTTP ${status}${apiError ? ` (${apiError})` : ''}`,
      );
    let parsed: {
      status?: string;
      data?: { resultType?: string; result?: unknown };
    };
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw new ReadFailure('error', `${what}: malformed JSON in the response`);
    }
    if (parsed?.status !== 'success')
      throw new ReadFailure(
        'error',
        `${what}: ${apiError ?? 'the API did not answer success'}`,
      );
    const result = parsed.data?.result;
    if (parsed.data?.resultType !== 'vector' || !Array.isArray(result))
      throw new ReadFailure(
        'error',
        `${what}: bad result shape (expected a vector, got ${
          parsed.data?.resultType ?? 'no resultType'
        })`,
      );
    const samples: VectorSample[] = [];
    for (const item of result) {
      const sample = sampleOf(item);
      if (!sample)
        throw new ReadFailure(
          'error',
          `${what}: bad result shape (a sample without labels or value)`,
        );
      samples.push(sample);
    }
    return samples;
  }
}
