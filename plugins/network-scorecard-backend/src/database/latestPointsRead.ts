import { Knex } from 'knex';
import { PointRow, ReportSummaries, toPoint } from './pointRows';
import { LatestPoints } from './ScanStore';
import { CLUSTERS, SCANS } from './tables';

/** Ids per statement: SQLite allows 32,766 bound values. */
const ID_BATCH = 5000;

function idsOf(pair: {
  latest_scan_id: number | string | null;
  previous_scan_id: number | string | null;
}): string {
  return `${pair.latest_scan_id}/${pair.previous_scan_id}`;
}

/** Every cluster's latest and previous scan as points, read again only where they moved. */
export class LatestPointsRead {
  /** each cluster's entry of the last read, under the ids of its two scans */
  private lastRead = new Map<string, { ids: string; entry: LatestPoints }>();

  constructor(
    private readonly db: Knex,
    private readonly summaries: ReportSummaries,
  ) {}

  /**
   * Each cluster's pair of scan ids, then only the scans of the pairs that
   * moved since the last read: a scan row never changes once stored, and
   * retention never deletes a cluster's latest or previous scan, so the
   * pairs and the rows read after them are one state.
   */
  async read(): Promise<Map<string, LatestPoints>> {
    const pairs: {
      cluster: string;
      latest_scan_id: number | string | null;
      previous_scan_id: number | string | null;
    }[] = await this.db(CLUSTERS)
      .whereNotNull('latest_scan_id')
      .select('cluster', 'latest_scan_id', 'previous_scan_id');
    // another read may finish meanwhile: this one compares with one last read throughout
    const lastRead = this.lastRead;
    const moved = pairs.filter(
      pair => lastRead.get(pair.cluster)?.ids !== idsOf(pair),
    );
    const wanted = moved.flatMap(pair =>
      pair.previous_scan_id === null
        ? [pair.latest_scan_id!]
        : [pair.latest_scan_id!, pair.previous_scan_id],
    );
    const rows = new Map<string, PointRow>();
    for (let i = 0; i < wanted.length; i += ID_BATCH) {
      const batch: PointRow[] = await this.db(SCANS)
        .whereIn('id', wanted.slice(i, i + ID_BATCH))
        .select('id', 'cluster', 'scanned_at', 'report_id');
      for (const row of batch) rows.set(String(row.id), row);
    }
    const reports = await this.summaries.get(
      [...rows.values()].map(row => row.report_id),
    );
    const point = (id: number | string | null) => {
      const row = id === null ? undefined : rows.get(String(id));
      return row ? toPoint(row, reports.get(String(row.report_id))!) : null;
    };
    // A cluster whose two scans are the same keeps its objects, and so what
    // was derived from them (its fleet row's summary): one scan stored makes
    // one row anew, not a thousand.
    const kept = new Map<string, { ids: string; entry: LatestPoints }>();
    for (const pair of pairs) {
      const ids = idsOf(pair);
      const last = lastRead.get(pair.cluster);
      if (last?.ids === ids) {
        kept.set(pair.cluster, last);
        continue;
      }
      // a cluster whose latest was deleted by hand has only a previous: it is not "latest"
      const latest = point(pair.latest_scan_id);
      if (latest) {
        kept.set(pair.cluster, {
          ids,
          entry: { latest, previous: point(pair.previous_scan_id) },
        });
      }
    }
    this.lastRead = kept;
    return new Map([...kept].map(([cluster, { entry }]) => [cluster, entry]));
  }
}
