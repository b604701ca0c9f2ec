import { ClusterFacts } from '../facts';

/** @public */
export type Area =
  | 'cni'
  | 'kube-proxy'
  | 'mesh'
  | 'encryption'
  | 'observability'
  | 'policy';

/** @public */
export const AREAS: readonly Area[] = [
  'cni',
  'kube-proxy',
  'mesh',
  'encryption',
  'observability',
  'policy',
];

/** @public */
export type CheckStatus =
  | 'pass'
  | 'warn'
  | 'fail'
  | 'unknown'
  | 'not-applicable';
/** @public */
export type AntiPatternStatus = 'detected' | 'clear' | 'unknown';
/** @public */
export type ReadinessStatus =
  | 'ready'
  | 'blocked'
  | 'not-applicable'
  | 'unknown';
/** @public */
export type Grade = 'A' | 'B' | 'C' | 'D' | 'F' | '?';
/** @public */
export type ReportSource = 'kubernetes' | 'catalog' | 'snapshot';
/** @public */
export type ReportStatus = 'ok' | 'partial' | 'failed';

/** @public */
export interface ReportError {
  fact?: string;
  reason: string;
}

/** @public */
export interface CheckReport {
  id: string;
  area: Area;
  title: string;
  weight: number;
  status: CheckStatus;
  /** points earned (weight × status factor; unknown earns 0); null when not applicable */
  points: number | null;
  evidence: string[];
  recommendation: string;
  /** the framework's default choice */
  default: string;
  /** the framework's condition for leaving the default */
  switchWhen: string;
}

/** @public */
export interface Acknowledgement {
  by: string;
  reason: string;
  at: string;
  expiresAt: string | null;
}

/** @public */
export interface AntiPatternReport {
  id: string;
  title: string;
  status: AntiPatternStatus;
  evidence: string[];
  lesson: string;
  acknowledged: Acknowledgement | null;
}

/** @public */
export interface ReadinessReport {
  id: string;
  title: string;
  status: ReadinessStatus;
  blockers: string[];
  steps: string[];
}

/** @public */
export interface AreaScore {
  id: Area;
  /** 0–100, null when no check of the area applied or was known */
  score: number | null;
}

/** @public */
export interface ReportLink {
  kind: 'hubble-ui' | 'grafana';
  dashboard?: 'serviceMap' | 'errorRates' | 'latency' | 'policyDenials';
  title: string;
  url: string;
}

/** An open anti-pattern's cost in overall points (0 when an active acknowledgement waives it). @public */
export interface ScorePenalty {
  antiPatternId: string;
  /** unknown costs as much as detected: the scanner could not rule it out */
  status: 'detected' | 'unknown';
  points: number;
  waived: boolean;
}

/** A ceiling on the overall score, and why. @public */
export interface ScoreCap {
  id: 'open-anti-pattern' | 'policy-gate';
  max: number;
  reason: string;
}

/** An applicable check the scanner could not decide: what it costs, and what must be readable to decide it. @public */
export interface PointsAtStake {
  checkId: string;
  /** overall points the check could add once known */
  points: number;
  /** the unknown facts the rule read, with why they are unknown */
  reads: { fact: string; reason: string }[];
}

/** How the overall score came about, traceable to single rules. @public */
export interface ScoringReport {
  formula: string;
  areaWeights: Record<Area, number>;
  /** weighted mean of the area scores before penalties and caps; null when no area applies */
  weighted: number | null;
  penalties: ScorePenalty[];
  caps: ScoreCap[];
  atStake: PointsAtStake[];
}

/** The stable report of DESIGN.md §7 (JSON Schema: report.schema.json). @public */
export interface ClusterReport {
  schemaVersion: 1;
  rulesetVersion: string;
  cluster: string;
  scannedAt: string;
  source: ReportSource;
  status: ReportStatus;
  errors: ReportError[];
  score: number | null;
  grade: Grade;
  coverage: number;
  areas: AreaScore[];
  scoring: ScoringReport;
  facts: ClusterFacts;
  checks: CheckReport[];
  antiPatterns: AntiPatternReport[];
  readiness: ReadinessReport[];
  links: ReportLink[];
}
