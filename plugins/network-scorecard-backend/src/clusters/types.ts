import type { ClusterDetails } from '@backstage/plugin-kubernetes-node';
import { ReportSource } from '@network-scorecard/common';

/** A cluster to scan, from one of the three sources of DESIGN.md §3. */
export type ClusterTarget =
  /** dumps of one cluster (a file, several, or a folder's files), scanned oldest captured-at first */
  | { name: string; source: 'snapshot'; files: string[] }
  /** a live cluster as the Kubernetes plugin describes it; its credential is resolved at scan time */
  | { name: string; source: 'kubernetes' | 'catalog'; cluster: ClusterDetails }
  /** known, but Network Scorecard cannot scan it (e.g. an auth provider that needs a signed-in user) */
  | { name: string; source: 'kubernetes' | 'catalog'; unsupported: string }
  /** never contacted: what it names disagrees with config or is not a safe address */
  | { name: string; source: 'catalog'; refused: string };

/** Where clusters come from. */
export interface ClusterSource {
  readonly source: ReportSource;
  listClusters(): Promise<ClusterTarget[]>;
}
