import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import { Notification } from '@backstage/plugin-notifications-common';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import request from 'supertest';
import { networkScorecardPlugin } from '../plugin';
import { exampleEntities, examplesDir } from '../__testUtils__/exampleFleet';

jest.setTimeout(60_000);

/** A dump of prod-eu-1 as captured at `at`, from one of its real dumps. */
function dumpAt(file: string, at: string): string {
  const dump = JSON.parse(readFileSync(resolve(examplesDir, file), 'utf8'));
  dump.metadata = {
    ...dump.metadata,
    annotations: { 'network-scorecard.io/captured-at': at },
  };
  return JSON.stringify(dump);
}

/** The demo catalog with the membership relations the real catalog computes from spec.members. */
function catalogWithMembers() {
  return exampleEntities().map(entity =>
    entity.kind === 'Group' && Array.isArray(entity.spec?.members)
      ? {
          ...entity,
          relations: (entity.spec.members as string[]).map(member => ({
            type: 'hasMember',
            targetRef: `user:default/${member}`,
          })),
        }
      : entity,
  );
}

describe('notifications from the plugin', () => {
  it('tells the owner team once when a cluster’s grade drops, with a link to its Network tab', async () => {
    // prod-eu-1 as it is today, then a week later back to its June state (kube-proxy on, policies in audit)
    const dir = mkdtempSync(join(tmpdir(), 'scorecard-regression-'));
    writeFileSync(
      join(dir, 'a.json'),
      dumpAt('clusters/prod-eu-1.json', '2026-11-24T00:00:00Z'),
    );
    writeFileSync(
      join(dir, 'b.json'),
      dumpAt(
        'clusters/history/prod-eu-1/2026-06-22.json',
        '2026-12-01T00:00:00Z',
      ),
    );
    const { server } = await startTestBackend({
      features: [
        networkScorecardPlugin,
        notificationsPlugin,
        catalogServiceMock.factory({ entities: catalogWithMembers() }),
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            networkScorecard: {
              snapshots: [{ name: 'prod-eu-1', file: dir }],
              schedule: {
                frequency: { hours: 24 },
                timeout: { minutes: 5 },
                initialDelay: { hours: 24 },
              },
            },
          },
        }),
      ],
    });
    const inbox = async (user: string): Promise<Notification[]> => {
      const res = await request(server)
        .get('/api/notifications/notifications')
        .set('Authorization', mockCredentials.user.header(user));
      expect(res.status).toBe(200);
      return res.body.notifications;
    };
    const scan = () =>
      request(server)
        .post('/api/network-scorecard/clusters/prod-eu-1/scan')
        .set('Authorization', mockCredentials.user.header('user:default/jo'));

    const scanned = await scan();
    expect(scanned.status).toBe(200);
    const history = await request(server)
      .get('/api/network-scorecard/clusters/prod-eu-1/history')
      .set('Authorization', mockCredentials.user.header('user:default/jo'));
    const [before, after] = history.body.items;
    expect(before.grade).toBe('A');
    expect(after.grade).not.toBe('A');

    // jo is in team-platform, which owns prod-eu-1; mateo is not
    const received = await inbox('user:default/jo');
    const drop = received.find(n =>
      n.payload.title.includes('network grade dropped'),
    );
    expect(drop?.payload).toMatchObject({
      title: `prod-eu-1 (EU production): network grade dropped from A to ${after.grade}`,
      link: '/catalog/default/resource/prod-eu-1/network-scorecard',
      severity: 'high',
    });
    expect(await inbox('user:default/mateo')).toEqual([]);

    // the same dumps again: nothing new happened, nobody is told again
    await scan();
    expect(await inbox('user:default/jo')).toHaveLength(received.length);
  });
});
