import { TestDatabases } from '@backstage/backend-test-utils';
import { ClusterReport } from '@network-scorecard/common';
import { Knex } from 'knex';
import { DatabaseScanStore } from './DatabaseScanStore';
import { scanColumns } from './insertScan';
import { ScanPoint } from './ScanStore';
import { SCANS } from './tables';
import { cilium, flannel, reportFor } from '../__testUtils__/reports';
import { testDatabaseIds } from '../__testUtils__/testDatabaseIds';

jest.setTimeout(120_000);

const START = Date.parse('2026-01-01T00:00:00Z');
const HALF_HOUR = 1_800_000;
const YEAR = 17_520;
const everything = {
  from: new Date('2000-01-01T00:00:00Z'),
  to: new Date('2100-01-01T00:00:00Z'),
};

/**
 * The rule, stated plainly: first and last, both sides of every change,
 * then the last point of each equal slice of time while there is room.
 */
function expectedSample(points: ScanPoint[], max: number): ScanPoint[] {
  if (points.length <= max) return points;
  const keep = new Set<number>([0, points.length - 1]);
  for (let i = 1; i < points.length; i++) {
    if (points[i].contentHash !== points[i - 1].contentHash) {
      keep.add(i - 1);
      keep.add(i);
    }
  }
  const room = max - keep.size;
  if (room > 0) {
    // slice k starts at first + ceil(k * span / room); the last point of each, oldest slice first
    const first = Date.parse(points[0].scannedAt);
    const span = Date.parse(points[points.length - 1].scannedAt) - first;
    const start = (k: number) =>
      k === room ? first + span + 1 : first + Math.ceil((k * span) / room);
    const lastOfSlice: number[] = [];
    let k = 0;
    points.forEach((point, i) => {
      const t = Date.parse(point.scannedAt);
      while (t >= start(k + 1)) k += 1;
      lastOfSlice[k] = i;
    });
    for (const i of lastOfSlice) {
      if (i === undefined) continue;
      if (keep.size >= max) break;
      keep.add(i);
    }
  }
  return [...keep].sort((a, b) => a - b).map(i => points[i]);
}

/**
 * A year of 30-minute scans of one cluster: an older ruleset's flannel
 * report, then flannel, then cilium from `switchAt`. Three reports go through
 * the store; the other scans of each are bulk-inserted rows pointing at them.
 */
async function seedYear(knex: Knex, store: DatabaseScanStore, switchAt = 5000) {
  const at = (i: number) => new Date(START + i * HALF_HOUR).toISOString();
  const older: ClusterReport = {
    ...reportFor('prod-eu-1', at(0), flannel),
    rulesetVersion: '2026.6.0',
  };
  const contents: [number, ClusterReport][] = [
    [0, older],
    [3000, reportFor('prod-eu-1', at(3000), flannel)],
    [switchAt, reportFor('prod-eu-1', at(switchAt), cilium)],
  ];
  for (const [, report] of contents) await store.insertScan(report);
  const stored: { report_id: number | string; scanned_at: unknown }[] =
    await knex(SCANS).select('report_id', 'scanned_at').orderBy('scanned_at');
  const rows = [];
  for (let i = 0; i < YEAR; i++) {
    if (contents.some(([from]) => from === i)) continue;
    const c = contents.filter(([from]) => from <= i).length - 1;
    const report = contents[c][1];
    rows.push({
      cluster: 'prod-eu-1',
      scanned_at: new Date(at(i)),
      ...scanColumns(report),
      report_id: stored[c].report_id,
    });
  }
  // SQLite takes at most 500 rows in one compound insert
  await knex.batchInsert(SCANS, rows, 400);
}

describe('sampled history', () => {
  const databases = TestDatabases.create({ ids: testDatabaseIds() });

  async function store(id: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(id);
    await knex.migrate.latest({
      directory: DatabaseScanStore.migrationsDirectory(),
    });
    return { knex, store: new DatabaseScanStore(knex) };
  }

  it.each(databases.eachSupportedId())(
    'keeps a short history whole, on %p',
    async id => {
      const { store: s } = await store(id);
      for (let i = 0; i < 5; i++)
        await s.insertScan(
          reportFor(
            'prod-eu-1',
            new Date(START + i * HALF_HOUR).toISOString(),
            i < 3 ? flannel : cilium,
          ),
        );
      const { total, points } = await s.history('prod-eu-1', everything, 500);
      expect(total).toBe(5);
      expect(points).toEqual(await s.points('prod-eu-1', everything));
      const newest = await s.history(
        'prod-eu-1',
        { ...everything, limit: 2 },
        500,
      );
      expect(newest.points.map(p => p.scannedAt)).toEqual(
        points.slice(-2).map(p => p.scannedAt),
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'thins a year of 30-minute scans to 500 points spread over the year, keeping every change, on %p',
    async id => {
      const { knex, store: s } = await store(id);
      await seedYear(knex, s);
      const all = await s.points('prod-eu-1', everything);
      expect(all).toHaveLength(YEAR);

      const { total, points } = await s.history('prod-eu-1', everything, 500);
      expect(total).toBe(YEAR);
      expect(points).toEqual(expectedSample(all, 500));
      expect(points.length).toBeLessThanOrEqual(500);
      expect(points.length).toBeGreaterThan(450);
      expect(points[0]).toEqual(all[0]);
      expect(points.at(-1)).toEqual(all.at(-1));
      // the ruleset change and the CNI change, with the point before each
      for (const i of [2999, 3000, 4999, 5000])
        expect(points).toContainEqual(all[i]);
      // evenly spread: no gap longer than four slices of the year
      const gaps = points
        .slice(1)
        .map(
          (p, i) => Date.parse(p.scannedAt) - Date.parse(points[i].scannedAt),
        );
      expect(Math.max(...gaps)).toBeLessThan((4 * 365 * 86_400_000) / 500);

      // a range and a limit thin what they select, the same way
      const spring = {
        from: new Date('2026-03-01T00:00:00Z'),
        to: new Date('2026-06-01T00:00:00Z'),
      };
      const inSpring = all.filter(
        p =>
          p.scannedAt >= spring.from.toISOString() &&
          p.scannedAt <= spring.to.toISOString(),
      );
      expect((await s.history('prod-eu-1', spring, 300)).points).toEqual(
        expectedSample(inSpring, 300),
      );
      expect(
        (await s.history('prod-eu-1', { ...everything, limit: 2000 }, 100))
          .points,
      ).toEqual(expectedSample(all.slice(-2000), 100));
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps the change a backfilled dump makes between two scans, and the migration finds the same changes, on %p',
    async id => {
      const { knex, store: s } = await store(id);
      const at = (half: number) =>
        new Date(START + half * HALF_HOUR).toISOString();
      for (let i = 0; i < 10; i++)
        await s.insertScan(reportFor('prod-eu-1', at(i), flannel));
      // an archived dump from between the 5th and 6th scan, of another content
      await s.insertScan(reportFor('prod-eu-1', at(4.5), cilium));
      await s.insertScan(reportFor('dc-fra-1', at(1), cilium));

      const all = await s.points('prod-eu-1', everything);
      const { points } = await s.history('prod-eu-1', everything, 5);
      expect(points.map(p => p.scannedAt)).toEqual([0, 4, 4.5, 5, 9].map(at));
      expect(points).toEqual(expectedSample(all, 5));

      // scans stored before the column existed: the migration compares them
      const flags = () =>
        knex(SCANS)
          .orderBy('id')
          .select('id', 'report_changed')
          .then(rows =>
            rows.map(r => [String(r.id), Boolean(r.report_changed)]),
          );
      const kept = await flags();
      const directory = DatabaseScanStore.migrationsDirectory();
      const name = '20261201030000_history_reads.js';
      await knex.migrate.down({ directory, name });
      await knex.migrate.up({ directory, name });
      expect(await flags()).toEqual(kept);
      expect(kept.filter(([, changed]) => changed)).toHaveLength(4);
    },
  );
});
