import { TestDatabases } from '@backstage/backend-test-utils';
import { DatabaseScanStore } from './DatabaseScanStore';
import { cilium, reportFor } from '../__testUtils__/reports';
import { testDatabaseIds } from '../__testUtils__/testDatabaseIds';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: testDatabaseIds() });
const now = new Date('2026-11-26T12:00:00.000Z');

/** Messages that look like the joined text's own separators and lengths. */
const messages = [
  null,
  '',
  'connect ECONNREFUSED 10.0.0.1:6443',
  '3:a,b;c,4:;',
  'files unreadable:\n  a.json: line 3\n  b.json; line 9',
  'timeout 🐢 after 10s, 2 of 3 read: é',
  ';',
  ':',
];

describe.each(databases.eachSupportedId())('fleetState on %p', id => {
  async function stores() {
    const knex = await databases.init(id);
    await knex.migrate.latest({
      directory: DatabaseScanStore.migrationsDirectory(),
    });
    return {
      writer: new DatabaseScanStore(knex),
      reader: new DatabaseScanStore(knex),
    };
  }

  it('gives back every attempt as it was recorded, whatever its message says', async () => {
    const { writer, reader } = await stores();
    const attempts = messages.map((message, i) => ({
      // names sort apart from their order here, and one has no attempt
      cluster: `c${String.fromCharCode(104 - i)}-${i}`,
      at: new Date(
        Date.parse('2026-11-26T10:00:00.000Z') + i * 1001,
      ).toISOString(),
      ok: i % 2 === 0,
      message,
    }));
    for (const attempt of attempts) await writer.recordAttempt(attempt);
    await writer.insertScan(
      reportFor('scanned-only', now.toISOString(), cilium),
    );

    const read = (await reader.fleetState(now)).attempts();
    expect(Object.fromEntries(read)).toEqual(
      Object.fromEntries(attempts.map(a => [a.cluster, a])),
    );
    expect(read.has('scanned-only')).toBe(false);
  });

  it('changes its version with every attempt, and keeps the objects of the attempts that did not change', async () => {
    const { writer, reader } = await stores();
    const attempt = (cluster: string, at: string, message: string | null) =>
      writer.recordAttempt({ cluster, at, ok: message === null, message });
    await attempt('one', '2026-11-26T10:00:00.000Z', null);
    await attempt('two', '2026-11-26T10:00:00.000Z', 'refused');

    const first = await reader.fleetState(now);
    const before = first.attempts();
    expect(first.attempts()).toBe(before);
    const same = await reader.fleetState(now);
    expect(same.version).toBe(first.version);
    const unchanged = same.attempts();
    expect(unchanged.get('one')).toBe(before.get('one'));
    expect(unchanged.get('two')).toBe(before.get('two'));

    // the same failure again, later: the same message, a new attempt
    await attempt('two', '2026-11-26T10:30:00.000Z', 'refused');
    const later = await reader.fleetState(now);
    expect(later.version).not.toBe(first.version);
    const after = later.attempts();
    expect(after.get('one')).toBe(before.get('one'));
    expect(after.get('two')).not.toBe(before.get('two'));
    expect(after.get('two')).toMatchObject({
      at: '2026-11-26T10:30:00.000Z',
      message: 'refused',
    });
  });
});
