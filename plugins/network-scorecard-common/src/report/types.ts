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
  /** points earned (weight × status factor); null when the check leaves the denominator */
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
  facts: ClusterFacts;
  checks: CheckReport[];
  antiPatterns: AntiPatternReport[];
  readiness: ReadinessReport[];
  links: ReportLink[];
}
