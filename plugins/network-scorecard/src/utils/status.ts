import { CheckReport } from '@network-scorecard/common';

const CHECK_ORDER: Record<string, number> = {
  fail: 0,
  warn: 1,
  unknown: 2,
  pass: 3,
  'not-applicable': 4,
};

/** Fail, then warn, then unknown (statuses this version does not know count as unknown), then pass. */
export function checkRank(status: string): number {
  return CHECK_ORDER[status] ?? CHECK_ORDER.unknown;
}

export function sortChecksBySeverity(checks: CheckReport[]): CheckReport[] {
  return [...checks].sort((a, b) => checkRank(a.status) - checkRank(b.status));
}

export function needsAttention(check: CheckReport): boolean {
  return checkRank(check.status) <= CHECK_ORDER.unknown;
}
