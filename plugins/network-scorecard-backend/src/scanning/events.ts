import { ScanPoint } from '../database/ScanStore';

/** A scan that added a point to a cluster's history. */
export interface ScanStoredEvent {
  cluster: string;
  /** display title (catalog title, else the name) */
  title: string;
  /** the cluster's catalog entity ("resource:default/prod-eu-1"); null when the catalog has none */
  entityRef: string | null;
  /** the catalog owner of the cluster, an entity ref ("group:default/platform"); null when none */
  owner: string | null;
  /** the newest point before this one; null for the first scan */
  previous: ScanPoint | null;
  current: ScanPoint;
}

/** Told about every stored scan, after it is committed. A listener that throws never fails the scan. */
export interface ScanListener {
  scanStored(event: ScanStoredEvent): Promise<void>;
}
