import {
  Acknowledgement,
  AntiPatternStatus,
  Grade,
  ReadinessStatus,
} from '@network-scorecard/common';
import { ScanPoint } from '../database/ScanStore';
import { ScanStoredEvent } from '../scanning/events';

/** How long before its expiry an acknowledgement is announced. */
export const ACKNOWLEDGEMENT_NOTICE_DAYS = 7;

/**
 * A change worth telling a cluster's owner about. `occurrence` tells this
 * event from a later one of the same kind and item; together with the kind,
 * cluster and item it is the event's identity (its key in the sent table).
 */
export type ScorecardChange =
  | {
      kind: 'grade-drop';
      cluster: string;
      item: null;
      occurrence: string;
      from: Exclude<Grade, '?'>;
      to: Exclude<Grade, '?'>;
      previous: ScanPoint;
      current: ScanPoint;
    }
  | {
      kind: 'grade-unknown';
      cluster: string;
      item: null;
      occurrence: string;
      from: Exclude<Grade, '?'>;
      previous: ScanPoint;
      current: ScanPoint;
    }
  | {
      kind: 'new-blocker';
      cluster: string;
      /** readiness id */
      item: string;
      occurrence: string;
      /** `undefined`: the previous scan had no such readiness item */
      was: ReadinessStatus | undefined;
      rulesetChanged: boolean;
      current: ScanPoint;
    }
  | {
      kind: 'new-anti-pattern';
      cluster: string;
      /** anti-pattern id */
      item: string;
      occurrence: string;
      /** `undefined`: the previous scan had no such anti-pattern */
      was: AntiPatternStatus | undefined;
      rulesetChanged: boolean;
      current: ScanPoint;
    }
  | {
      kind: 'acknowledgement-expiring';
      cluster: string;
      /** anti-pattern id */
      item: string;
      occurrence: string;
      acknowledgement: Acknowledgement & { expiresAt: string };
    };

export type ChangeKind = ScorecardChange['kind'];

const GRADE_RANK: Record<Exclude<Grade, '?'>, number> = {
  A: 0,
  B: 1,
  C: 2,
  D: 3,
  F: 4,
};

function isLetter(grade: Grade): grade is Exclude<Grade, '?'> {
  return grade !== '?';
}

/**
 * What got worse from `previous` to `current`, in the order a reader wants
 * it: the grade first, then readiness, then anti-patterns (each by id).
 *
 * - The first scan of a cluster (no `previous`) is the baseline: nothing
 *   "got worse", so nothing is reported — otherwise installing the plugin
 *   would message every owner about everything at once.
 * - Grade: a worse letter (A > B > C > D > F) under the SAME ruleset version.
 *   A ruleset change is never a drop: the method changed, not the cluster.
 *   A letter turning into `?` is reported once, as its own kind
 *   (`grade-unknown`): unknown is not fine, but it is not a drop either, and
 *   a cluster that stays `?` scan after scan is not reported again. From `?`
 *   to a letter is not a drop (there is nothing to compare with).
 * - Blockers: a readiness item whose status became `blocked` from anything
 *   else (ready, not-applicable, unknown, or absent from the previous scan).
 *   The per-scan blocker count is deliberately not used: a point keeps only
 *   the total, so a grown count cannot be pinned to an item (no stable scope,
 *   no title to show), and it grows when an item that is already blocked —
 *   and was already reported — gains one more reason, which is no news to the
 *   owner. Every new blocker starts with an item turning `blocked`.
 * - Anti-patterns: newly `detected` (was clear, unknown, or absent). Across a
 *   ruleset change these are still reported (a new rule's finding is news),
 *   flagged `rulesetChanged` so the message can say so.
 *
 * The occurrence of a scan change is the previous point's scan time: two
 * replicas (or a retry) telling about the same transition share it, while a
 * later relapse (blocked, then ready, then blocked again) is a new event.
 */
export function scanChanges(event: ScanStoredEvent): ScorecardChange[] {
  const { previous, current, cluster } = event;
  if (!previous) return [];
  const occurrence = new Date(previous.scannedAt).toISOString();
  const changes: ScorecardChange[] = [];
  const sameRuleset = previous.rulesetVersion === current.rulesetVersion;

  if (sameRuleset && isLetter(previous.grade)) {
    if (isLetter(current.grade)) {
      if (GRADE_RANK[current.grade] > GRADE_RANK[previous.grade]) {
        changes.push({
          kind: 'grade-drop',
          cluster,
          item: null,
          occurrence,
          from: previous.grade,
          to: current.grade,
          previous,
          current,
        });
      }
    } else {
      changes.push({
        kind: 'grade-unknown',
        cluster,
        item: null,
        occurrence,
        from: previous.grade,
        previous,
        current,
      });
    }
  }

  for (const id of Object.keys(current.readiness).sort()) {
    const was = previous.readiness[id];
    if (current.readiness[id] === 'blocked' && was !== 'blocked') {
      changes.push({
        kind: 'new-blocker',
        cluster,
        item: id,
        occurrence,
        was,
        rulesetChanged: !sameRuleset,
        current,
      });
    }
  }

  for (const id of Object.keys(current.antiPatterns).sort()) {
    const was = previous.antiPatterns[id];
    if (current.antiPatterns[id] === 'detected' && was !== 'detected') {
      changes.push({
        kind: 'new-anti-pattern',
        cluster,
        item: id,
        occurrence,
        was,
        rulesetChanged: !sameRuleset,
        current,
      });
    }
  }
  return changes;
}

/**
 * Active acknowledgements that expire after `now` and at most
 * `ACKNOWLEDGEMENT_NOTICE_DAYS` days from it, soonest first. The occurrence is
 * the expiry time: a renewed acknowledgement (a new expiry) is a new event,
 * the same one seen by tomorrow's run is not.
 */
export function expiringAcknowledgements(
  now: Date,
  acknowledgements: Map<string, Record<string, Acknowledgement>>,
): Extract<ScorecardChange, { kind: 'acknowledgement-expiring' }>[] {
  const until = now.getTime() + ACKNOWLEDGEMENT_NOTICE_DAYS * 24 * 3600 * 1000;
  const found: Extract<
    ScorecardChange,
    { kind: 'acknowledgement-expiring' }
  >[] = [];
  for (const [cluster, byAntiPattern] of acknowledgements) {
    for (const [item, acknowledgement] of Object.entries(byAntiPattern)) {
      if (!acknowledgement.expiresAt) continue;
      const expires = new Date(acknowledgement.expiresAt).getTime();
      if (Number.isNaN(expires)) continue;
      if (expires <= now.getTime() || expires > until) continue;
      const expiresAt = new Date(expires).toISOString();
      found.push({
        kind: 'acknowledgement-expiring',
        cluster,
        item,
        occurrence: expiresAt,
        acknowledgement: { ...acknowledgement, expiresAt },
      });
    }
  }
  return found.sort(
    (a, b) =>
      a.occurrence.localeCompare(b.occurrence) ||
      a.cluster.localeCompare(b.cluster) ||
      a.item.localeCompare(b.item),
  );
}

/** The event's identity: the same event always has the same key. */
export function eventKey(change: ScorecardChange): string {
  return [change.kind, change.cluster, change.item ?? '', change.occurrence]
    .map(part => part.replace(/[\\|]/g, c => `\\${c}`))
    .join('|');
}
