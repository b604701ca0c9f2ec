import { NotificationPayload } from '@backstage/plugin-notifications-common';
import { AntiPatternRule, ReadinessRule } from '@network-scorecard/common';
import { createHash } from 'crypto';
import { ScorecardChange } from './changes';

/** The notifications backend keeps titles and scopes in 255-character columns. */
const MAX_COLUMN = 255;

/** Rule titles for the messages; an id without a rule is shown as the id. */
export interface RuleTitles {
  antiPatterns: Pick<AntiPatternRule, 'id' | 'title'>[];
  readiness: Pick<ReadinessRule, 'id' | 'title'>[];
}

/** What a message needs beyond the change itself. */
export interface MessageContext {
  /** the cluster's display title (catalog title, else its name) */
  title: string;
  /** the app path of the cluster's page */
  link: string;
  rules: RuleTitles;
}

/** The topics a user can mute one by one in the notification settings. */
export const TOPICS: Record<ScorecardChange['kind'], string> = {
  'grade-drop': 'Network grade',
  'grade-unknown': 'Network grade',
  'new-blocker': 'Readiness blockers',
  'new-anti-pattern': 'Anti-patterns',
  'acknowledgement-expiring': 'Acknowledgement expiry',
};

/**
 * Stable per cluster, kind and item, so the notifications UI keeps one entry
 * per thing (the newest message replaces the older one and is unread again).
 * Both grade kinds share the cluster's grade scope: the newest says how the
 * grade stands. Hashed when the readable form would not fit the column.
 */
export function scopeOf(change: ScorecardChange): string {
  const part: Record<ScorecardChange['kind'], string> = {
    'grade-drop': 'grade',
    'grade-unknown': 'grade',
    'new-blocker': `readiness:${change.item}`,
    'new-anti-pattern': `anti-pattern:${change.item}`,
    'acknowledgement-expiring': `acknowledgement:${change.item}`,
  };
  const scope = `network-scorecard:${change.cluster}:${part[change.kind]}`;
  if (scope.length <= MAX_COLUMN) return scope;
  return `network-scorecard:sha256:${createHash('sha256')
    .update(scope)
    .digest('hex')}`;
}

function clip(text: string): string {
  return text.length <= MAX_COLUMN ? text : `${text.slice(0, MAX_COLUMN - 1)}…`;
}

/** "2026-11-20 10:00 UTC" */
function when(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function day(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toISOString().slice(0, 10);
}

function score(value: number | null): string {
  return value === null ? 'no score' : `${Math.round(value * 10) / 10}`;
}

function titleOf(rules: { id: string; title: string }[], id: string): string {
  return rules.find(rule => rule.id === id)?.title ?? id;
}

/** "prod-eu-1" or "Production EU (prod-eu-1)" */
function named(cluster: string, title: string): string {
  return title && title !== cluster ? `${title} (${cluster})` : cluster;
}

const READINESS_WAS: Record<string, string> = {
  ready: 'was ready',
  'not-applicable': 'did not apply',
  unknown: 'was unknown',
};

const ANTI_PATTERN_WAS: Record<string, string> = {
  clear: 'was clear',
  unknown: 'could not be ruled out or confirmed',
};

/** The notification a cluster's owner gets for one change. */
export function payloadFor(
  change: ScorecardChange,
  context: MessageContext,
): NotificationPayload {
  const cluster = named(change.cluster, context.title);
  const base = {
    link: context.link,
    topic: TOPICS[change.kind],
    scope: scopeOf(change),
  };
  switch (change.kind) {
    case 'grade-drop':
      return {
        ...base,
        title: clip(
          `${context.title}: network grade dropped from ${change.from} to ${change.to}`,
        ),
        description:
          `The scan of ${cluster} at ${when(
            change.current.scannedAt,
          )} scores ` +
          `${score(change.current.score)} out of 100, grade ${
            change.to
          }; the scan before ` +
          `(${when(change.previous.scannedAt)}) scored ${score(
            change.previous.score,
          )}, ` +
          `grade ${change.from}, under the same ruleset (${change.current.rulesetVersion}). ` +
          `The Network tab shows which checks, blockers and anti-patterns changed.`,
        severity: 'high',
        metadata: {
          cluster: change.cluster,
          kind: change.kind,
          from: change.from,
          to: change.to,
          scannedAt: change.current.scannedAt,
          rulesetVersion: change.current.rulesetVersion,
        },
      };
    case 'grade-unknown':
      return {
        ...base,
        title: clip(
          `${context.title}: network grade is unknown (was ${change.from})`,
        ),
        description:
          `The scan of ${cluster} at ${when(
            change.current.scannedAt,
          )} could not grade it: ` +
          `${Math.round(
            change.current.coverage * 100,
          )} % of its applicable checks could be decided ` +
          `(scan status ${change.current.status}). Unknown is not a pass: the Network tab names ` +
          `the facts that could not be read. You are told once; scans that stay ungraded are not ` +
          `reported again.`,
        severity: 'normal',
        metadata: {
          cluster: change.cluster,
          kind: change.kind,
          from: change.from,
          to: '?',
          scannedAt: change.current.scannedAt,
          rulesetVersion: change.current.rulesetVersion,
        },
      };
    case 'new-blocker': {
      const item = titleOf(context.rules.readiness, change.item);
      const was =
        change.was === undefined
          ? 'was not checked by the previous scan'
          : READINESS_WAS[change.was] ?? `was ${change.was}`;
      return {
        ...base,
        title: clip(`${context.title}: now blocked: ${item}`),
        description:
          `"${item}" is blocked on ${cluster} since the scan of ${when(
            change.current.scannedAt,
          )} ` +
          `(it ${was}${
            change.rulesetChanged ? '; the ruleset changed in between' : ''
          }). ` +
          `The cluster has ${change.current.blockers} readiness blocker` +
          `${
            change.current.blockers === 1 ? '' : 's'
          } in all; the Network tab lists them ` +
          `with the steps that clear them.`,
        severity: 'normal',
        metadata: {
          cluster: change.cluster,
          kind: change.kind,
          readiness: change.item,
          was: change.was ?? null,
          scannedAt: change.current.scannedAt,
          rulesetVersion: change.current.rulesetVersion,
        },
      };
    }
    case 'new-anti-pattern': {
      const item = titleOf(context.rules.antiPatterns, change.item);
      const was =
        change.was === undefined
          ? 'was not checked by the previous scan'
          : ANTI_PATTERN_WAS[change.was] ?? `was ${change.was}`;
      return {
        ...base,
        title: clip(`${context.title}: anti-pattern detected: ${item}`),
        description:
          `The scan of ${cluster} at ${when(
            change.current.scannedAt,
          )} detected "${item}" ` +
          `(it ${was} before${
            change.rulesetChanged ? '; the ruleset changed in between' : ''
          }). ` +
          `An open anti-pattern costs points and caps the score; the Network tab shows the ` +
          `evidence and the lesson behind it.`,
        severity: 'normal',
        metadata: {
          cluster: change.cluster,
          kind: change.kind,
          antiPattern: change.item,
          was: change.was ?? null,
          scannedAt: change.current.scannedAt,
          rulesetVersion: change.current.rulesetVersion,
        },
      };
    }
    case 'acknowledgement-expiring': {
      const item = titleOf(context.rules.antiPatterns, change.item);
      const ack = change.acknowledgement;
      return {
        ...base,
        title: clip(
          `${context.title}: acknowledgement expires ${day(
            ack.expiresAt,
          )}: ${item}`,
        ),
        description:
          `The acknowledgement of "${item}" on ${cluster} by ${ack.by} (${day(
            ack.at,
          )}: ` +
          `"${ack.reason}") expires at ${when(
            ack.expiresAt,
          )}. From then on the anti-pattern, ` +
          `if still detected, costs points again; renew the acknowledgement on the Network tab ` +
          `or remove the cause.`,
        severity: 'normal',
        metadata: {
          cluster: change.cluster,
          kind: change.kind,
          antiPattern: change.item,
          acknowledgedBy: ack.by,
          expiresAt: ack.expiresAt,
        },
      };
    }
    default:
      throw new Error(`Unknown change ${JSON.stringify(change)}`);
  }
}
