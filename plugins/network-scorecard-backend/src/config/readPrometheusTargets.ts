import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds } from '@backstage/types';
import type { PrometheusConnection } from '@network-scorecard/node';
import { duration } from './duration';

/** One cluster's Prometheus, from `networkScorecard.prometheus` (never from the catalog). */
export interface PrometheusTarget {
  /** the cluster's name, as its source names it */
  cluster: string;
  connection: PrometheusConnection;
  /** per-query deadline; the scan's request timeout when absent */
  timeoutMs?: number;
}

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

function text(entry: Config, key: string, at: string): string {
  const value = entry.getOptional(key);
  if (typeof value !== 'string' || value.trim() === '')
    throw new InputError(`${at}.${key} must be a non-empty string`);
  return value;
}

function readOne(entry: Config, at: string): PrometheusTarget {
  const cluster = text(entry, 'cluster', at);
  const url = text(entry, 'url', at);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InputError(`${at}.url is not a URL: "${url}"`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new InputError(
      `${at}.url must be http or https, not ${parsed.protocol}`,
    );
  if (parsed.username || parsed.password)
    throw new InputError(
      `${at}.url carries credentials; put them in ${at}.auth (a secret)`,
    );
  const connection: PrometheusConnection = { url };
  const auth = entry.getOptionalConfig('auth');
  if (auth) {
    const type = auth.getOptionalString('type');
    if (type === 'bearer')
      connection.auth = { type, token: text(auth, 'token', `${at}.auth`) };
    else if (type === 'basic')
      connection.auth = {
        type,
        username: text(auth, 'username', `${at}.auth`),
        password: text(auth, 'password', `${at}.auth`),
      };
    else
      throw new InputError(
        `${at}.auth.type must be bearer or basic, not ${type ?? '(missing)'}`,
      );
  }
  const label = entry.getOptionalString('clusterLabel');
  if (label !== undefined) {
    if (!LABEL_NAME.test(label))
      throw new InputError(
        `${at}.clusterLabel "${label}" is not a Prometheus label name (letters, digits and _, not starting with a digit)`,
      );
    connection.clusterLabel = {
      name: label,
      value: entry.getOptionalString('clusterLabelValue') ?? cluster,
    };
  } else if (entry.has('clusterLabelValue')) {
    throw new InputError(`${at}.clusterLabelValue needs ${at}.clusterLabel`);
  }
  const timeout = entry.has('timeout')
    ? durationToMilliseconds(
        duration(entry, 'timeout', { seconds: 10 }, `${at}.`),
      )
    : undefined;
  return { cluster, connection, timeoutMs: timeout };
}

/**
 * `networkScorecard.prometheus`: one entry per cluster. A name that matches
 * no cluster is fine (the cluster may appear later); two entries for one
 * cluster, a bad URL or incomplete credentials are errors naming the entry.
 */
export function readPrometheusTargets(c: Config): PrometheusTarget[] {
  if (!c.has('prometheus')) return [];
  let entries: Config[];
  try {
    entries = c.getConfigArray('prometheus');
  } catch (error) {
    throw new InputError(
      `networkScorecard.prometheus must be a list of { cluster, url, auth?, clusterLabel?, timeout? }: ${
        (error as Error).message
      }`,
    );
  }
  const targets: PrometheusTarget[] = [];
  entries.forEach((entry, i) => {
    const at = `networkScorecard.prometheus[${i}]`;
    const target = readOne(entry, at);
    const twin = targets.findIndex(t => t.cluster === target.cluster);
    if (twin >= 0)
      throw new InputError(
        `${at}.cluster "${target.cluster}" already has a Prometheus (networkScorecard.prometheus[${twin}])`,
      );
    targets.push(target);
  });
  return targets;
}
