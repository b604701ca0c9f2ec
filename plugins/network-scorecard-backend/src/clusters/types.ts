import { KubernetesConnection } from '@network-scorecard/node';
import { ReportSource } from '@network-scorecard/common';

/** A cluster to scan, from one of the three sources of DESIGN.md §3. */
export type ClusterTarget =
  | { name: string; source: 'snapshot'; file: string }
  | {
      name: string;
      source: 'kubernetes' | 'catalog';
      connection: KubernetesConnection;
    }
  | { name: string; source: 'kubernetes' | 'catalog'; unsupported: string }
  /** never contacted: what it names disagrees with config or is not a safe address */
  | { name: string; source: 'catalog'; refused: string };

/** Where clusters come from. */
export interface ClusterSource {
  readonly source: ReportSource;
  listClusters(): Promise<ClusterTarget[]>;
}
