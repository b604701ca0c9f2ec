import { HistoryPoint, ReadinessStatus } from '@network-scorecard/common';
import { readinessStatusOf } from '../ReadinessList';

/** One scan as the chart plots it: time in ms, score and coverage out of 100. */
export interface ScorePoint {
  time: number;
  /** null for an ungraded scan: the line breaks there */
  score: number | null;
  coverage: number;
  grade: string;
  rulesetVersion: string;
}

export interface RulesetChange {
  time: number;
  version: string;
}

/** A stretch of time in which one readiness item kept one status. */
export interface StatusRun {
  status: ReadinessStatus;
  from: number;
  /** the next run's start, or the last scan */
  to: number;
}

export interface HistorySeries {
  points: ScorePoint[];
  rulesetChanges: RulesetChange[];
  /** readiness id -> runs, oldest first; ids in the order they first appear */
  readiness: Map<string, StatusRun[]>;
}

/** A scan that does not list an item (a ruleset without it) counts as not applicable. */
const ABSENT: ReadinessStatus = 'not-applicable';

function runsOf(
  sorted: HistoryPoint[],
  id: string,
  times: number[],
): StatusRun[] {
  const runs: StatusRun[] = [];
  sorted.forEach((point, index) => {
    const found = point.readiness.find(item => item.id === id);
    const status = found ? readinessStatusOf(found.status) : ABSENT;
    const last = runs[runs.length - 1];
    if (last && last.status === status) return;
    if (last) last.to = times[index];
    runs.push({ status, from: times[index], to: times[index] });
  });
  const last = runs[runs.length - 1];
  if (last) last.to = times[times.length - 1];
  return runs;
}

/** What the score chart and the readiness bands draw, oldest scan first. */
export function historySeries(history: HistoryPoint[]): HistorySeries {
  const sorted = [...history].sort(
    (a, b) => Date.parse(a.scannedAt) - Date.parse(b.scannedAt),
  );
  const times = sorted.map(point => Date.parse(point.scannedAt));
  const points = sorted.map((point, index) => ({
    time: times[index],
    score: point.score,
    coverage: Math.round(point.coverage * 1000) / 10,
    grade: point.grade,
    rulesetVersion: point.rulesetVersion,
  }));
  const rulesetChanges = points
    .filter(
      (point, index) =>
        index > 0 && point.rulesetVersion !== points[index - 1].rulesetVersion,
    )
    .map(point => ({ time: point.time, version: point.rulesetVersion }));
  const ids = [
    ...new Set(sorted.flatMap(point => point.readiness.map(item => item.id))),
  ];
  const readiness = new Map(ids.map(id => [id, runsOf(sorted, id, times)]));
  return { points, rulesetChanges, readiness };
}
