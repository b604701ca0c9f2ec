import { Grade } from '@network-scorecard/common';

/** Background and text colour per grade; "?" is grey because it is not a judgement. */
export const GRADE_COLORS: Record<
  Grade,
  { background: string; color: string }
> = {
  A: { background: '#2e7d32', color: '#ffffff' },
  B: { background: '#689f38', color: '#ffffff' },
  C: { background: '#f9a825', color: '#000000' },
  D: { background: '#ef6c00', color: '#ffffff' },
  F: { background: '#c62828', color: '#ffffff' },
  '?': { background: '#757575', color: '#ffffff' },
};

const GRADE_ORDER: Grade[] = ['A', 'B', 'C', 'D', 'F', '?'];

/** Sort key: A first, "?" and never-scanned last. */
export function gradeRank(grade: Grade | null | undefined): number {
  const index = grade ? GRADE_ORDER.indexOf(grade) : -1;
  return index === -1 ? GRADE_ORDER.length : index;
}

export const UNGRADED_EXPLANATION = 'coverage below 50 %: not graded';

export const GRADE_SCALE = 'A ≥ 90, B ≥ 80, C ≥ 70, D ≥ 60, else F';
