import {
  AntiPatternReport,
  CheckReport,
  Grade,
  ScoreCap,
  ScorePenalty,
} from '../report';
import {
  ANTI_PATTERN_CAP,
  ANTI_PATTERN_PENALTY,
  MIN_COVERAGE_FOR_GRADE,
  POLICY_GATE_CAP,
  gradeFor,
  round1,
} from './score';
import { joined } from '../text/joined';

/** @public */
export interface FinalScore {
  score: number | null;
  grade: Grade;
  penalties: ScorePenalty[];
  caps: ScoreCap[];
}

/**
 * From the weighted area score to the grade: minus a penalty per open
 * anti-pattern (detected, or undecidable because the scanner saw too little;
 * an active acknowledgement waives it), then the caps — an open anti-pattern
 * keeps a cluster from an A, and a production cluster whose network policy is
 * not shown to be enforced gets at most a C. Below the coverage threshold
 * there is no score.
 * @public
 */
export function finalScore(input: {
  weighted: number | null;
  coverage: number;
  antiPatterns: Pick<AntiPatternReport, 'id' | 'status' | 'acknowledged'>[];
  checks: Pick<CheckReport, 'id' | 'status'>[];
  production: boolean;
}): FinalScore {
  const penalties: ScorePenalty[] = [];
  const open: string[] = [];
  for (const a of input.antiPatterns) {
    if (a.status === 'clear') continue;
    penalties.push({
      antiPatternId: a.id,
      status: a.status,
      points: a.acknowledged ? 0 : ANTI_PATTERN_PENALTY,
      waived: !!a.acknowledged,
    });
    if (!a.acknowledged) open.push(a.id);
  }
  const caps: ScoreCap[] = [];
  if (open.length > 0) {
    caps.push({
      id: 'open-anti-pattern',
      max: ANTI_PATTERN_CAP,
      reason: `${joined(open, ', ')} ${
        open.length === 1 ? 'is' : 'are'
      } open (detected or undecidable, not acknowledged): no A until resolved or acknowledged`,
    });
  }
  let policy: Pick<CheckReport, 'id' | 'status'> | undefined;
  for (let i = 0; i < input.checks.length && !policy; i++)
    if (input.checks[i].id === 'policy.enforced') policy = input.checks[i];
  if (
    input.production &&
    policy &&
    (policy.status === 'fail' || policy.status === 'unknown')
  ) {
    caps.push({
      id: 'policy-gate',
      max: POLICY_GATE_CAP,
      reason:
        policy.status === 'fail'
          ? 'production cluster without enforced network policy: at most a C'
          : 'production cluster whose policy enforcement could not be read: at most a C until it can',
    });
  }
  if (input.weighted === null || input.coverage < MIN_COVERAGE_FOR_GRADE) {
    return { score: null, grade: '?', penalties, caps };
  }
  let penalty = 0;
  for (const p of penalties) penalty += p.points;
  let capped = input.weighted - penalty;
  for (const cap of caps) capped = Math.min(capped, cap.max);
  const score = round1(Math.max(0, capped));
  return { score, grade: gradeFor(score), penalties, caps };
}
