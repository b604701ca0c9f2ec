import { Entity } from '@backstage/catalog-model';
import { ClusterReport, ClusterSummary } from '@network-scorecard/common';

/** A Component the group (or one of its sub-groups) owns, with the known clusters it runs on. */
export interface GroupService {
  entity: Entity;
  /** its entity ref, e.g. "component:default/checkout-api" */
  ref: string;
  /** names of the known clusters it runs on (`clustersOfEntity` of the common package) */
  clusters: string[];
}

/** What the card learnt of one cluster the group's services run on. */
export interface ClusterRead {
  cluster: ClusterSummary;
  /** the latest report; null when the cluster was never scanned or the report could not be read */
  report: ClusterReport | null;
  /** why the report could not be read */
  error?: Error;
}

/** Everything the Group card shows. */
export interface GroupScorecard {
  /** the clusters the group owns, itself or through its sub-groups */
  ownedClusters: ClusterSummary[];
  /** every Component the group and its sub-groups own */
  services: GroupService[];
  /** the clusters the services run on whose reports the card read (or tried to) */
  reads: ClusterRead[];
  /** clusters the services run on that the card did not read: past its limit of reports */
  unread: ClusterSummary[];
}
