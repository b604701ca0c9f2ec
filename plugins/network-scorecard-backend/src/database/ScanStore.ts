import { Acknowledgement, ClusterReport } from '@network-scorecard/common';

/** Stores every scan and every acknowledgement; never interprets facts. */
export interface ScanStore {
  insertScan(report: ClusterReport): Promise<void>;
  /** the newest report of each cluster that has one */
  latestReports(): Promise<Map<string, ClusterReport>>;
  latestReport(cluster: string): Promise<ClusterReport | undefined>;
  /** newest first, at most `limit` */
  history(cluster: string, limit: number): Promise<ClusterReport[]>;
  /** deletes scans older than `before`, always keeping each cluster's newest; returns rows deleted */
  deleteScansBefore(before: Date): Promise<number>;
  addAcknowledgement(
    cluster: string,
    antiPatternId: string,
    acknowledgement: Acknowledgement,
  ): Promise<void>;
  /** the newest acknowledgement per anti-pattern id that has not expired at `now` */
  activeAcknowledgements(
    cluster: string,
    now: Date,
  ): Promise<Record<string, Acknowledgement>>;
}
