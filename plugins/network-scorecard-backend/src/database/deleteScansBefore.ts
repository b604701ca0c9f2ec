import { Knex } from 'knex';
import { touchBucketsBefore } from './fleetBuckets';
import { ATTEMPTS, CLUSTERS, ITEMS, REPORTS, SCANS } from './tables';

/**
 * Retention: deletes the scans older than `before` except each cluster's
 * latest and previous, the reports and status rows no scan uses any more,
 * and the attempts older than `before`; returns how many scans went.
 */
export async function deleteScansBefore(
  db: Knex,
  before: Date,
): Promise<number> {
  return db.transaction(async tx => {
    const kept = tx(CLUSTERS)
      .select('latest_scan_id')
      .whereNotNull('latest_scan_id')
      .union(function previous() {
        this.select('previous_scan_id')
          .from(CLUSTERS)
          .whereNotNull('previous_scan_id');
      });
    const deleted = await tx(SCANS)
      .where('scanned_at', '<', before)
      .whereNotIn('id', kept)
      .delete();
    if (deleted > 0) await touchBucketsBefore(tx, before);
    const used = tx(SCANS).distinct('report_id');
    await tx(ITEMS).whereNotIn('report_id', used).delete();
    await tx(REPORTS).whereNotIn('id', used).delete();
    await tx(ATTEMPTS).where('attempted_at', '<', before).delete();
    return deleted;
  });
}
