import {
  Acknowledgement,
  AcknowledgementRecord,
  Area,
  ClusterReport,
  FleetHistoryBucket,
  ReportSource,
  ScanHeadline,
} from '@network-scorecard/common';
import type { HistoryHead } from './historyPoints';

/**
 * One scan as history keeps it: the headline figures and statuses of a
 * report, without its evidence. Every scan has one; the full report is kept
 * once per distinct content (`contentHash`).
 */
export type { AcknowledgementRecord, FleetHistoryBucket };

export interface ScanPoint extends ScanHeadline {
  cluster: string;
  source: ReportSource;
  /** sha256 of the report without its scan time: equal hashes, equal reports */
  contentHash: string;
  areas: Partial<Record<Area, number | null>>;
}

/** One try at scanning a cluster, from whichever replica made it. */
export interface ScanAttempt {
  cluster: string;
  /** when the attempt ended */
  at: string;
  ok: boolean;
  /** why it failed; for a dump folder, also the files that could not be read */
  message: string | null;
}

/** A cluster's newest scan and the one before it, for the fleet page and its trend. */
export interface LatestPoints {
  latest: ScanPoint;
  previous: ScanPoint | null;
}

/** See `ScanStore.fleetState`. */
export interface FleetState {
  version: string;
  /** taken from the same read as `version` when first asked for; an attempt unchanged since the last read keeps its object */
  attempts(): Map<string, ScanAttempt>;
}

/** What `insertScan` did. */
export type InsertOutcome =
  | {
      stored: true;
      /** false when the same content was already kept for an earlier scan */
      reportStored: boolean;
      /** false for a backfilled dump older than the cluster's newest scan */
      becameLatest: boolean;
      /** the cluster's newest point before this one, when this one became the newest */
      previous: ScanPoint | null;
    }
  /** this cluster already has a scan at this time with this content (a dump read again) */
  | { stored: false };

/** Stores scans, attempts and acknowledgements; never interprets facts. */
export interface ScanStore {
  /** one point per scan, the full report only when its content is new, in one transaction */
  insertScan(report: ClusterReport): Promise<InsertOutcome>;
  recordAttempt(attempt: ScanAttempt): Promise<void>;
  /**
   * Claims the right to scan a cluster until `until`, unless another replica
   * holds an unexpired claim; true when this replica may scan.
   */
  claimScan(cluster: string, by: string, until: Date): Promise<boolean>;
  /** gives a claim back once the attempt is recorded */
  releaseScan(cluster: string, by: string): Promise<void>;
  /** the newest attempt of each cluster that has one */
  latestAttempts(): Promise<Map<string, ScanAttempt>>;
  /**
   * What the fleet's rows are read from, in one read: a version that
   * changes whenever a cluster's latest or previous scan or newest attempt,
   * or the acknowledgements in force at `now`, change (by any replica), and
   * the newest attempts as of that same version
   */
  fleetState(now: Date): Promise<FleetState>;
  /** the newest report (by scan time) of a cluster */
  latestReport(cluster: string): Promise<ClusterReport | undefined>;
  /** the newest and previous point of every cluster, in one query */
  latestPoints(): Promise<Map<string, LatestPoints>>;
  /** changes whenever a scan of the cluster is stored or deleted (by any replica) */
  historyVersion(cluster: string): Promise<string>;
  /**
   * how many scans of the cluster `from <= scannedAt <= to` holds, with the
   * first and last: changes whenever one in the range is stored or deleted
   * (by any replica); `history` over the range starts from it
   */
  historyHead(
    cluster: string,
    range: { from: Date; to: Date },
  ): Promise<HistoryHead>;
  /** a cluster's points with `from <= scannedAt <= to`, oldest first */
  points(
    cluster: string,
    range: { from: Date; to: Date },
  ): Promise<ScanPoint[]>;
  /**
   * a cluster's points with `from <= scannedAt <= to` (only the newest
   * `limit` when given), oldest first, thinned to at most `max` points
   * spread over time; never drops the first, the last or a change of report
   */
  history(
    cluster: string,
    range: { from: Date; to: Date; limit?: number },
    max: number,
    /** the range's head, when read just before (without a limit) */
    head?: HistoryHead,
  ): Promise<{ total: number; points: ScanPoint[] }>;
  fleetHistory(range: {
    from: Date;
    to: Date;
    bucket: 'day' | 'week';
  }): Promise<FleetHistoryBucket[]>;
  /** deletes points (and reports no point uses) older than `before`, keeping each cluster's newest; returns points deleted */
  deleteScansBefore(before: Date): Promise<number>;
  addAcknowledgement(
    cluster: string,
    antiPatternId: string,
    acknowledgement: Acknowledgement,
  ): Promise<void>;
  /** the newest acknowledgement per anti-pattern id that is neither expired nor withdrawn at `now` */
  activeAcknowledgements(
    cluster: string,
    now: Date,
  ): Promise<Record<string, Acknowledgement>>;
  /** the same for every cluster, in one query */
  allActiveAcknowledgements(
    now: Date,
  ): Promise<Map<string, Record<string, Acknowledgement>>>;
  /** the whole audit trail of a cluster, newest first */
  acknowledgements(cluster: string): Promise<AcknowledgementRecord[]>;
  /** withdraws the active acknowledgements of one anti-pattern; returns how many were active */
  withdrawAcknowledgement(
    cluster: string,
    antiPatternId: string,
    withdrawal: { by: string; at: string },
  ): Promise<number>;
}
