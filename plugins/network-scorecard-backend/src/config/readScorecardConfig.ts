import {
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { Config, ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { HumanDuration, durationToMilliseconds } from '@backstage/types';
import { duration } from './duration';
import {
  PrometheusTarget,
  readPrometheusTargets,
} from './readPrometheusTargets';

export type { PrometheusTarget } from './readPrometheusTargets';

/** Everything the backend reads from `networkScorecard`, validated once at startup. */
export interface ScorecardConfig {
  schedule: SchedulerServiceTaskScheduleDefinition;
  concurrency: number;
  requestTimeoutMs: number;
  clusterTimeoutMs: number;
  retentionMaxAge: HumanDuration;
  /** how long one catalog read answers the routes before the next is read in the background */
  catalogRefreshMs: number;
  /** lifecycles that count as production; the framework's default when absent */
  productionLifecycles?: string[];
  notificationsEnabled: boolean;
  /** the Prometheus of each cluster that has one (traffic facts); others have none, by choice */
  prometheus: PrometheusTarget[];
  /**
   * A cluster whose newest attempt is older than this was not scanned when
   * the schedule said it would be: its report is stale. Undefined for a cron
   * or manual schedule.
   */
  staleAfterMs?: number;
}

/** A luxon Duration (what the scheduler's config reader returns) or a HumanDuration. */
function milliseconds(value: object): number {
  const luxon = value as { toMillis?: () => number };
  return typeof luxon.toMillis === 'function'
    ? luxon.toMillis()
    : durationToMilliseconds(value as HumanDuration);
}

/** Two missed ticks and the time a run may take: later than that, scans have stopped. */
function staleAfter(
  schedule: SchedulerServiceTaskScheduleDefinition,
): number | undefined {
  const { frequency, timeout } = schedule;
  if ('cron' in frequency || 'trigger' in frequency) return undefined;
  return 2 * milliseconds(frequency) + milliseconds(timeout);
}

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 10 },
  initialDelay: { seconds: 5 },
};

/** Keys of earlier releases, with what replaced them. */
const REPLACED: Record<string, string> = {
  'scan.requestTimeoutMs': 'scan.requestTimeout (a duration, e.g. "10s")',
  'retention.maxAgeDays': 'retention.maxAge (a duration, e.g. { days: 400 })',
};

/** Reads and checks `networkScorecard`; every error names its key. */
export function readScorecardConfig(root: Config): ScorecardConfig {
  const c =
    root.getOptionalConfig('networkScorecard') ??
    new ConfigReader({}, 'networkScorecard');
  for (const [old, replacement] of Object.entries(REPLACED)) {
    if (c.has(old)) {
      throw new InputError(
        `networkScorecard.${old} is no longer read; use networkScorecard.${replacement}`,
      );
    }
  }
  const concurrency = c.getOptionalNumber('scan.concurrency') ?? 4;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new InputError(
      `networkScorecard.scan.concurrency must be a whole number of at least 1, not ${concurrency}`,
    );
  }
  const scheduleConfig = c.getOptionalConfig('schedule');
  const schedule = scheduleConfig
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig)
    : DEFAULT_SCHEDULE;
  return {
    schedule,
    staleAfterMs: staleAfter(schedule),
    concurrency,
    requestTimeoutMs: durationToMilliseconds(
      duration(c, 'scan.requestTimeout', { seconds: 10 }),
    ),
    clusterTimeoutMs: durationToMilliseconds(
      duration(c, 'scan.clusterTimeout', { minutes: 2 }),
    ),
    retentionMaxAge: duration(c, 'retention.maxAge', { days: 400 }),
    catalogRefreshMs: durationToMilliseconds(
      duration(c, 'catalog.refresh', { seconds: 30 }),
    ),
    productionLifecycles: c.getOptionalStringArray('productionLifecycles'),
    notificationsEnabled: c.getOptionalBoolean('notifications.enabled') ?? true,
    prometheus: readPrometheusTargets(c),
  };
}
