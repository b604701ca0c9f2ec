import { FleetHistoryBucket } from '@network-scorecard/common';
import { gradeRank } from '../../utils/grades';
import { Grade } from '@network-scorecard/common';

export interface GradeWeek {
  start: string;
  clusters: number;
  /** grade -> clusters */
  byGrade: Record<string, number>;
}

/** The grades that occur in any bucket, best first ("?" and grades this version does not know last). */
export function gradesOf(buckets: FleetHistoryBucket[]): string[] {
  const grades = new Set(
    buckets.flatMap(bucket => Object.keys(bucket.byGrade)),
  );
  return [...grades].sort(
    (a, b) =>
      gradeRank(a as Grade) - gradeRank(b as Grade) || a.localeCompare(b),
  );
}

export function describeWeek(week: GradeWeek, grades: string[]): string {
  const counts = grades
    .filter(grade => (week.byGrade[grade] ?? 0) > 0)
    .map(grade => `${week.byGrade[grade]} ${grade}`)
    .join(', ');
  return `week of ${week.start.slice(0, 10)}: ${
    week.clusters
  } clusters scanned (${counts || 'none graded'})`;
}
