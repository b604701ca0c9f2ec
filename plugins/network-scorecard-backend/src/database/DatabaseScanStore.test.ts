import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { DatabaseScanStore } from './DatabaseScanStore';
import { cilium, flannel, reportFor } from '../__testUtils__/reports';
import { testDatabaseIds } from '../__testUtils__/testDatabaseIds';

jest.setTimeout(60_000);

const directory = DatabaseScanStore.migrationsDirectory();
const COMPACT = '20261201000000_compact_history.js';

async function migrate(knex: Knex) {
  await knex.migrate.latest({ directory });
  return new DatabaseScanStore(knex);
}

async function count(knex: Knex, table: string): Promise<number> {
  const [{ n }] = await knex(table).count({ n: '*' });
  return Number(n);
}

const everything = {
  from: new Date('2000-01-01T00:00:00Z'),
  to: new Date('2100-01-01T00:00:00Z'),
};

describe('DatabaseScanStore', () => {
  const databases = TestDatabases.create({ ids: testDatabaseIds() });

  it.each(databases.eachSupportedId())(
    'converts full-report rows to compact history and back without losing one, on %p',
    async id => {
      const knex = await databases.init(id);
      await knex.migrate.up({ directory, name: '20261126000000_init.js' });
      const old = [
        reportFor('prod-eu-1', '2026-11-01T10:00:00.000Z', flannel),
        reportFor('prod-eu-1', '2026-11-02T10:00:00.000Z', flannel),
        reportFor('prod-eu-1', '2026-11-03T10:00:00.000Z', cilium),
        reportFor('dev-sandbox', '2026-11-02T10:00:00.000Z', flannel),
      ];
      for (const report of old) {
        await knex('network_scorecard_scans').insert({
          cluster: report.cluster,
          scanned_at: new Date(report.scannedAt),
          source: report.source,
          status: report.status,
          score: report.score,
          grade: report.grade,
          coverage: report.coverage,
          ruleset_version: report.rulesetVersion,
          report: JSON.stringify(report),
        });
      }

      await knex.migrate.up({ directory, name: COMPACT });
      const store = new DatabaseScanStore(knex);
      expect(await store.completeSummaries()).toBe(3);
      // two prod-eu-1 scans share one content: 3 reports for 4 scans
      expect(await count(knex, 'network_scorecard_reports')).toBe(3);
      expect(await count(knex, 'network_scorecard_scans')).toBe(4);
      expect(await store.latestReport('prod-eu-1')).toEqual(old[2]);
      const points = await store.points('prod-eu-1', everything);
      expect(points.map(p => [p.scannedAt, p.cni])).toEqual([
        ['2026-11-01T10:00:00.000Z', 'flannel'],
        ['2026-11-02T10:00:00.000Z', 'flannel'],
        ['2026-11-03T10:00:00.000Z', 'cilium'],
      ]);
      expect(points[0].contentHash).toBe(points[1].contentHash);
      expect(points[0].readiness).toEqual(
        Object.fromEntries(old[0].readiness.map(r => [r.id, r.status])),
      );
      const latest = await store.latestPoints();
      expect(latest.get('prod-eu-1')?.previous?.scannedAt).toBe(
        '2026-11-02T10:00:00.000Z',
      );

      await knex.migrate.down({ directory, name: COMPACT });
      const rows: { scanned_at: Date | number; report: string }[] = await knex(
        'network_scorecard_scans',
      )
        .orderBy('id')
        .select('scanned_at', 'report');
      expect(rows.map(r => JSON.parse(r.report))).toEqual(old);
      expect(await knex.schema.hasTable('network_scorecard_reports')).toBe(
        false,
      );

      await knex.migrate.down({ directory, name: '20261126000000_init.js' });
      expect(await knex.schema.hasTable('network_scorecard_scans')).toBe(false);
      await knex.migrate.latest({ directory });
      expect(await knex.schema.hasTable('network_scorecard_clusters')).toBe(
        true,
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps a small point per scan and one report per content, on %p',
    async id => {
      const knex = await databases.init(id);
      const store = await migrate(knex);
      const first = await store.insertScan(
        reportFor('prod-eu-1', '2026-11-01T10:00:00.000Z', flannel),
      );
      expect(first).toEqual({
        stored: true,
        reportStored: true,
        becameLatest: true,
        previous: null,
      });
      const second = await store.insertScan(
        reportFor('prod-eu-1', '2026-11-01T10:30:00.000Z', flannel),
      );
      expect(second).toMatchObject({ stored: true, reportStored: false });
      // the same dump read again
      expect(
        await store.insertScan(
          reportFor('prod-eu-1', '2026-11-01T10:30:00.000Z', flannel),
        ),
      ).toEqual({ stored: false });
      const third = await store.insertScan(
        reportFor('prod-eu-1', '2026-11-20T10:00:00.000Z', cilium),
      );
      expect(third).toMatchObject({
        stored: true,
        reportStored: true,
        becameLatest: true,
        previous: { scannedAt: '2026-11-01T10:30:00.000Z', cni: 'flannel' },
      });
      // a backfilled dump older than what is stored does not become the latest
      expect(
        await store.insertScan(
          reportFor('prod-eu-1', '2026-10-01T10:00:00.000Z', flannel),
        ),
      ).toMatchObject({ stored: true, becameLatest: false, previous: null });

      expect(await count(knex, 'network_scorecard_scans')).toBe(4);
      expect(await count(knex, 'network_scorecard_reports')).toBe(2);
      const latest = await store.latestReport('prod-eu-1');
      expect(latest?.scannedAt).toBe('2026-11-20T10:00:00.000Z');
      expect(latest?.facts.cni?.value).toBe('cilium');
      expect(
        (await store.latestPoints()).get('prod-eu-1')?.previous?.scannedAt,
      ).toBe('2026-11-01T10:30:00.000Z');
      expect(
        (
          await store.points('prod-eu-1', {
            from: new Date('2026-10-15T00:00:00Z'),
            to: new Date('2026-11-15T00:00:00Z'),
          })
        ).map(p => p.scannedAt),
      ).toEqual(['2026-11-01T10:00:00.000Z', '2026-11-01T10:30:00.000Z']);
      expect(await store.latestReport('nowhere')).toBeUndefined();
    },
  );

  it.each(databases.eachSupportedId())(
    'counts the fleet per day and week at each cluster’s last scan in the bucket, on %p',
    async id => {
      const store = await migrate(await databases.init(id));
      // Monday 2026-11-02 and Sunday 2026-11-08 are one ISO week; Monday 2026-11-09 the next
      await store.insertScan(
        reportFor('prod-eu-1', '2026-11-02T08:00:00.000Z', flannel),
      );
      await store.insertScan(
        reportFor('prod-eu-1', '2026-11-08T23:00:00.000Z', cilium),
      );
      await store.insertScan(
        reportFor('prod-eu-1', '2026-11-09T01:00:00.000Z', cilium),
      );
      await store.insertScan(
        reportFor('dev-sandbox', '2026-11-04T12:00:00.000Z', flannel, 'dev'),
      );
      const flannelReport = reportFor('x', '2026-11-02T08:00:00.000Z', flannel);
      const ciliumReport = reportFor('x', '2026-11-02T08:00:00.000Z', cilium);
      const devReport = reportFor(
        'x',
        '2026-11-02T08:00:00.000Z',
        flannel,
        'dev',
      );

      const weeks = await store.fleetHistory({ ...everything, bucket: 'week' });
      expect(weeks.map(w => [w.start, w.clusters])).toEqual([
        ['2026-11-02T00:00:00.000Z', 2],
        ['2026-11-09T00:00:00.000Z', 1],
      ]);
      const grades = (...reports: (typeof flannelReport)[]) =>
        reports.reduce<Record<string, number>>(
          (acc, r) => ({ ...acc, [r.grade]: (acc[r.grade] ?? 0) + 1 }),
          {},
        );
      // prod-eu-1's last scan of the first week is the Cilium one
      expect(weeks[0].byGrade).toEqual(grades(ciliumReport, devReport));
      const readinessId = ciliumReport.readiness[0].id;
      const statusCounts: Record<string, number> = {};
      for (const r of [ciliumReport, devReport]) {
        const status = r.readiness[0].status;
        statusCounts[status] = (statusCounts[status] ?? 0) + 1;
      }
      expect(weeks[0].readiness[readinessId]).toEqual(statusCounts);
      const detected = (...reports: (typeof flannelReport)[]) => {
        const acc: Record<string, number> = {};
        for (const r of reports)
          for (const ap of r.antiPatterns)
            if (ap.status === 'detected') acc[ap.id] = (acc[ap.id] ?? 0) + 1;
        return acc;
      };
      expect(weeks[0].antiPatternsDetected).toEqual(
        detected(ciliumReport, devReport),
      );

      const days = await store.fleetHistory({
        from: new Date('2026-11-02T00:00:00Z'),
        to: new Date('2026-11-05T00:00:00Z'),
        bucket: 'day',
      });
      expect(days.map(d => [d.start, d.clusters, d.byGrade])).toEqual([
        ['2026-11-02T00:00:00.000Z', 1, grades(flannelReport)],
        ['2026-11-04T00:00:00.000Z', 1, grades(devReport)],
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    "deletes old scans and the reports only they used, never a cluster's newest by time, on %p",
    async id => {
      const knex = await databases.init(id);
      const store = await migrate(knex);
      await store.insertScan(
        reportFor('prod-eu-1', '2025-03-01T00:00:00.000Z', flannel),
      );
      // backfilled afterwards: a higher id, an older time
      await store.insertScan(
        reportFor('prod-eu-1', '2025-01-01T00:00:00.000Z', cilium),
      );
      await store.insertScan(
        reportFor('dc-fra-1', '2025-01-01T00:00:00.000Z', flannel),
      );
      await store.recordAttempt({
        cluster: 'dc-fra-1',
        at: '2025-01-01T00:00:00.000Z',
        ok: true,
        message: null,
      });

      const deleted = await store.deleteScansBefore(
        new Date('2026-01-01T00:00:00.000Z'),
      );

      // prod-eu-1 keeps its newest (March) and the one before; dc-fra-1 its only one
      expect(deleted).toBe(0);
      await store.insertScan(
        reportFor('prod-eu-1', '2026-11-20T00:00:00.000Z', flannel),
      );
      await store.insertScan(
        reportFor('prod-eu-1', '2026-11-21T00:00:00.000Z', flannel),
      );
      expect(
        await store.deleteScansBefore(new Date('2026-01-01T00:00:00.000Z')),
      ).toBe(2);
      expect(
        (await store.points('prod-eu-1', everything)).map(p => p.scannedAt),
      ).toEqual(['2026-11-20T00:00:00.000Z', '2026-11-21T00:00:00.000Z']);
      // the Cilium report no scan uses any more is gone with its statuses
      expect(await count(knex, 'network_scorecard_reports')).toBe(2);
      expect(await store.points('dc-fra-1', everything)).toHaveLength(1);
      expect(await count(knex, 'network_scorecard_scan_attempts')).toBe(0);
    },
  );

  it.each(databases.eachSupportedId())(
    'shares the newest attempt of each cluster with every store on the database, on %p',
    async id => {
      const knex = await databases.init(id);
      const one = await migrate(knex);
      const other = new DatabaseScanStore(knex);
      await one.recordAttempt({
        cluster: 'prod-us-1',
        at: '2026-11-26T10:00:00.000Z',
        ok: true,
        message: null,
      });
      await one.recordAttempt({
        cluster: 'prod-us-1',
        at: '2026-11-26T10:30:00.000Z',
        ok: false,
        message: 'connect ECONNREFUSED 10.0.0.1:6443',
      });
      expect((await other.latestAttempts()).get('prod-us-1')).toEqual({
        cluster: 'prod-us-1',
        at: '2026-11-26T10:30:00.000Z',
        ok: false,
        message: 'connect ECONNREFUSED 10.0.0.1:6443',
      });
      expect(await count(knex, 'network_scorecard_scan_attempts')).toBe(2);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps an audit trail of acknowledgements, applies the newest standing one and withdraws, on %p',
    async id => {
      const knex = await databases.init(id);
      const store = await migrate(knex);
      const now = new Date('2026-11-26T12:00:00.000Z');
      await store.addAcknowledgement('payments-1', 'ap.mesh-too-early', {
        by: 'user:default/jo',
        reason: 'removal planned for Q1',
        at: '2026-11-01T00:00:00.000Z',
        expiresAt: '2026-11-20T00:00:00.000Z',
      });
      expect(await store.activeAcknowledgements('payments-1', now)).toEqual({});

      await store.addAcknowledgement('payments-1', 'ap.mesh-too-early', {
        by: 'user:default/sam',
        reason: 'audit asks for mTLS until the migration',
        at: '2026-11-25T00:00:00.000Z',
        expiresAt: '2027-02-01T00:00:00.000Z',
      });
      const sam = {
        by: 'user:default/sam',
        reason: 'audit asks for mTLS until the migration',
        at: '2026-11-25T00:00:00.000Z',
        expiresAt: '2027-02-01T00:00:00.000Z',
      };
      expect(await store.activeAcknowledgements('payments-1', now)).toEqual({
        'ap.mesh-too-early': sam,
      });
      expect(
        (await store.allActiveAcknowledgements(now)).get('payments-1'),
      ).toEqual({ 'ap.mesh-too-early': sam });
      expect(await store.activeAcknowledgements('dc-fra-1', now)).toEqual({});

      expect(
        await store.withdrawAcknowledgement('payments-1', 'ap.mesh-too-early', {
          by: 'user:default/lee',
          at: now.toISOString(),
        }),
      ).toBe(1);
      expect(await store.activeAcknowledgements('payments-1', now)).toEqual({});
      const trail = await store.acknowledgements('payments-1');
      expect(trail.map(t => [t.acknowledgement.by, t.withdrawn])).toEqual([
        ['user:default/sam', { by: 'user:default/lee', at: now.toISOString() }],
        ['user:default/jo', null],
      ]);
      // withdrawing again finds nothing standing
      expect(
        await store.withdrawAcknowledgement('payments-1', 'ap.mesh-too-early', {
          by: 'user:default/lee',
          at: now.toISOString(),
        }),
      ).toBe(0);
    },
  );
});
