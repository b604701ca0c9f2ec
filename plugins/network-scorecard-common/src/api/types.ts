import {
  Acknowledgement,
  AntiPatternStatus,
  ClusterReport,
  Grade,
  ReadinessStatus,
  ReportSource,
  ReportStatus,
} from '../report';
import { CniName, MeshName } from '../facts';

/**
 * Shapes of the REST API of the backend plugin (`/api/network-scorecard`).
 * Shared by the backend (which produces them) and the frontend client.
 */

/** One row of `GET /clusters`. @public */
export interface ClusterSummary {
  name: string;
  /** display title from the catalog, else the name */
  title: string;
  source: ReportSource;
  /** catalog entity of the cluster, e.g. "resource:default/prod-eu-1"; null for config-only clusters */
  entityRef: string | null;
  lifecycle: string | null;
  owner: string | null;
  /** problems with the cluster's catalog declaration (unknown requirement ids, bad dates) */
  configErrors: string[];
  /** null until the first scan finished */
  lastScan: ClusterScanSummary | null;
  /** the newest scan attempt failed (e.g. an unreachable cluster, an unreadable dump); earlier scans are kept */
  lastError: { at: string; message: string } | null;
  /** `lastScan` is older than the newest attempt, which failed: the cluster may have changed since */
  stale: boolean;
}

/** @public */
export interface ClusterScanSummary {
  scannedAt: string;
  rulesetVersion: string;
  status: ReportStatus;
  score: number | null;
  grade: Grade;
  coverage: number;
  cni: CniName | null;
  mesh: MeshName | null;
  antiPatternsDetected: number;
  /** ids of the detected anti-patterns nobody acknowledged */
  antiPatterns: string[];
  blockers: number;
  /** readiness id -> status */
  readiness: Record<string, ReadinessStatus>;
  /** the scan before this one, for the trend; null when there is none */
  previous: PreviousScan | null;
}

/** Enough of the previous scan to draw a trend and tell a method change from a cluster change. @public */
export interface PreviousScan {
  scannedAt: string;
  score: number | null;
  grade: Grade;
  rulesetVersion: string;
}

/** `GET /clusters` @public */
export interface ClusterListResponse {
  items: ClusterSummary[];
}

/** One scan in `GET /clusters/:name/history`. @public */
export interface HistoryPoint {
  scannedAt: string;
  rulesetVersion: string;
  status: ReportStatus;
  score: number | null;
  grade: Grade;
  coverage: number;
  readiness: { id: string; status: ReadinessStatus }[];
  antiPatterns: { id: string; status: AntiPatternStatus }[];
}

/** `GET /clusters/:name/history?from=&to=` @public */
export interface ClusterHistoryResponse {
  cluster: string;
  from: string;
  to: string;
  /** scans in the range; `items` has at most 500 of them, always every ruleset or status change */
  total: number;
  /** oldest first */
  items: HistoryPoint[];
}

/** One bucket of `GET /fleet/history`: the fleet as its clusters stood at their last scan in the bucket. @public */
export interface FleetHistoryBucket {
  /** start of the bucket (UTC midnight; a Monday for weeks) */
  start: string;
  /** clusters scanned in the bucket */
  clusters: number;
  byGrade: Record<string, number>;
  /** readiness id -> status -> clusters */
  readiness: Record<string, Record<string, number>>;
  /** anti-pattern id -> clusters where it was detected */
  antiPatternsDetected: Record<string, number>;
}

/** `GET /fleet/history?from=&to=&bucket=day|week` @public */
export interface FleetHistoryResponse {
  from: string;
  to: string;
  bucket: 'day' | 'week';
  /** oldest first; buckets without a scan are left out */
  buckets: FleetHistoryBucket[];
}

/** One cluster an entity runs on, in `GET /entity`. @public */
export interface EntityClusterReport {
  cluster: ClusterSummary;
  /** the latest report; null when the cluster was never scanned */
  report: ClusterReport | null;
  /** namespace of the entity on that cluster (for deep links) */
  namespace: string | null;
}

/** `GET /entity?entityRef=…` @public */
export interface EntityReportResponse {
  entityRef: string;
  clusters: EntityClusterReport[];
}

/** `GET /fleet/summary` @public */
export interface FleetSummary {
  clusters: number;
  scanned: number;
  byCni: Record<string, number>;
  byMesh: Record<string, number>;
  byGrade: Record<string, number>;
  /** readiness id -> status -> count */
  byReadiness: Record<string, Record<string, number>>;
  antiPatternsDetected: Record<string, number>;
}

/** `POST /clusters/:name/acknowledgements` body @public */
export interface AcknowledgementRequest {
  antiPatternId: string;
  reason: string;
  /** ISO 8601; required, so that no acknowledgement lasts for ever */
  expiresAt: string;
}

/** One entry of a cluster's acknowledgement audit trail. @public */
export interface AcknowledgementRecord {
  cluster: string;
  antiPatternId: string;
  acknowledgement: Acknowledgement;
  /** who withdrew it and when; null while it stands (or expired by itself) */
  withdrawn: { by: string; at: string } | null;
}

/** `GET /clusters/:name/acknowledgements` (newest first) @public */
export interface AcknowledgementListResponse {
  cluster: string;
  items: AcknowledgementRecord[];
}

/** `DELETE /clusters/:name/acknowledgements/:antiPatternId` response @public */
export interface AcknowledgementWithdrawalResponse {
  cluster: string;
  antiPatternId: string;
  /** acknowledgements that stood and are now withdrawn */
  withdrawn: number;
}

/** `POST /clusters/:name/acknowledgements` response @public */
export interface AcknowledgementResponse {
  cluster: string;
  antiPatternId: string;
  acknowledgement: Acknowledgement;
}
