import {
  coreServices,
  createBackendPlugin,
  createServiceFactory,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  TestDatabaseId,
  TestDatabases,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// The real notifications backend, as packages/backend installs it.
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import { Notification } from '@backstage/plugin-notifications-common';
import {
  NotificationService,
  notificationService,
} from '@backstage/plugin-notifications-node';
import { Acknowledgement, defaultRuleset } from '@network-scorecard/common';
import { Knex } from 'knex';
import request from 'supertest';
import { ScanStore } from '../database/ScanStore';
import { ScanStoredEvent } from '../scanning/events';
import { testDatabaseIds } from '../__testUtils__/testDatabaseIds';
import { createScanNotifier } from './ScanNotifier';
import { SENT_TABLE } from './SentNotifications';
import { pointOf } from './__testUtils__/points';

jest.setTimeout(120_000);

const migrationsDir = resolvePackagePath(
  '@network-scorecard/plugin-backend',
  'migrations',
);

const ALICE = 'user:default/alice';
const BOB = 'user:default/bob';
const OWNER = 'group:default/payments-team';

/** The catalog the notifications backend resolves the owner group with. */
const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'payments-team', namespace: 'default' },
    spec: { type: 'team', children: [] },
    relations: [{ type: 'hasMember', targetRef: ALICE }],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'alice', namespace: 'default' },
    spec: { memberOf: ['payments-team'] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'bob', namespace: 'default' },
    spec: { memberOf: [] },
  },
];

const T1 = '2026-11-20T10:00:00.000Z';
const T2 = '2026-11-20T10:30:00.000Z';
const T3 = '2026-11-20T11:00:00.000Z';

/** prod-eu-1's facts, then prod-us-1's: A to F, two items blocked, one anti-pattern detected. */
function worseningScan(current = T2): ScanStoredEvent {
  return {
    cluster: 'payments-1',
    title: 'Payments EU',
    entityRef: 'resource:default/payments-1',
    owner: OWNER,
    previous: pointOf('payments-1', T1, 'demo-prod-eu-1'),
    current: pointOf('payments-1', current, 'demo-prod-us-1'),
  };
}

/**
 * A backend with the real notifications backend (its router, its database,
 * its recipient resolution through the catalog) and a stand-in for the
 * scorecard plugin that hands out what `createScanNotifier` is given in
 * plugin.ts: the notification service and the plugin's database client.
 */
async function startBackend(id: TestDatabaseId, databases: TestDatabases) {
  // each plugin its own database, as in a real backend
  const pluginDatabases = new Map<string, Promise<Knex>>();
  const databaseOf = (pluginId: string) => {
    if (!pluginDatabases.has(pluginId))
      pluginDatabases.set(pluginId, databases.init(id));
    return pluginDatabases.get(pluginId)!;
  };
  let handed:
    | { notifications: NotificationService; database: Knex }
    | undefined;
  const scorecard = createBackendPlugin({
    pluginId: 'network-scorecard',
    register(env) {
      env.registerInit({
        deps: {
          notifications: notificationService,
          database: coreServices.database,
        },
        async init(deps) {
          const client = await deps.database.getClient();
          await client.migrate.latest({ directory: migrationsDir });
          handed = { notifications: deps.notifications, database: client };
        },
      });
    },
  });
  const backend = await startTestBackend({
    features: [
      notificationsPlugin,
      scorecard,
      catalogServiceMock.factory({ entities }),
      createServiceFactory({
        service: coreServices.database,
        deps: { plugin: coreServices.pluginMetadata },
        factory: ({ plugin }) => ({
          getClient: () => databaseOf(plugin.getId()),
        }),
      }),
      // the notifications backend checks links against the app's address
      mockServices.rootConfig.factory({
        data: { app: { baseUrl: 'http://localhost:3000' } },
      }),
    ],
  });
  const knex = await databaseOf('network-scorecard');
  const inbox = async (user: string): Promise<Notification[]> => {
    const response = await request(backend.server)
      .get('/api/notifications/notifications')
      .set('Authorization', mockCredentials.user.header(user));
    expect(response.status).toBe(200);
    return response.body.notifications;
  };
  return { backend, knex, inbox, ...handed! };
}

function titles(notifications: Notification[]) {
  return notifications.map(n => n.payload.title).sort();
}

describe('createScanNotifier', () => {
  const databases = TestDatabases.create({ ids: testDatabaseIds() });

  it.each(databases.eachSupportedId())(
    'tells the owner group’s members once per event, across retries, replicas and restarts, on %p',
    async id => {
      const { backend, knex, inbox, notifications, database } =
        await startBackend(id, databases);
      try {
        const logger = mockServices.logger.mock();
        const notifier = createScanNotifier({
          notifications,
          database,
          logger,
        });

        await notifier.scanStored(worseningScan());

        const received = await inbox(ALICE);
        expect(titles(received)).toEqual([
          'Payments EU: anti-pattern detected: A CNI migration running outside a planned platform refresh',
          'Payments EU: network grade dropped from A to F',
          'Payments EU: now blocked: Ready to move from Calico to Cilium',
          'Payments EU: now blocked: Ready to replace kube-proxy',
        ]);
        expect(await inbox(BOB)).toEqual([]);

        const drop = received.find(n => n.payload.scope?.endsWith(':grade'))!;
        expect(drop.origin).toBe('plugin:network-scorecard');
        expect(drop.payload).toMatchObject({
          severity: 'high',
          link: '/catalog/default/resource/payments-1/network-scorecard',
          scope: 'network-scorecard:payments-1:grade',
          topic: 'Network grade',
        });
        expect(drop.payload.description).toContain(
          'The scan of Payments EU (payments-1) at 2026-11-20 10:30 UTC scores',
        );
        expect(drop.payload.description).toContain(
          `under the same ruleset (${defaultRuleset.version})`,
        );
        const scopes = received.map(n => n.payload.scope).sort();
        expect(scopes).toEqual([
          'network-scorecard:payments-1:anti-pattern:ap.standalone-cni-migration',
          'network-scorecard:payments-1:grade',
          'network-scorecard:payments-1:readiness:readiness.calico-to-cilium',
          'network-scorecard:payments-1:readiness:readiness.kube-proxy-replacement',
        ]);
        expect(
          received
            .filter(n => n !== drop)
            .map(n => n.payload.severity)
            .sort(),
        ).toEqual(['normal', 'normal', 'normal']);

        // the scan service telling again (a retry) ...
        await notifier.scanStored(worseningScan());
        // ... another replica that stored its own scan after the same point ...
        await createScanNotifier({
          notifications,
          database,
          logger,
        }).scanStored(worseningScan(T3));
        // ... and the next scan, which finds the cluster as bad as before
        await notifier.scanStored({
          ...worseningScan(),
          previous: pointOf('payments-1', T2, 'demo-prod-us-1'),
          current: pointOf('payments-1', T3, 'demo-prod-us-1'),
        });

        const after = await inbox(ALICE);
        expect(after).toHaveLength(4);
        // not re-surfaced either: the notifications backend would mark a
        // re-sent scope unread again and set `updated`
        expect(after.map(n => n.updated ?? null)).toEqual([
          null,
          null,
          null,
          null,
        ]);
        const [{ n }] = await knex(SENT_TABLE).count({ n: '*' });
        expect(Number(n)).toBe(4);
        expect(logger.warn).not.toHaveBeenCalled();
      } finally {
        await backend.stop();
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'sends nothing for a cluster without an owner, and says so at debug, on %p',
    async id => {
      const { backend, inbox, notifications, database } = await startBackend(
        id,
        databases,
      );
      try {
        const logger = mockServices.logger.mock();
        const notifier = createScanNotifier({
          notifications,
          database,
          logger,
        });
        await notifier.scanStored({ ...worseningScan(), owner: null });
        expect(await inbox(ALICE)).toEqual([]);
        expect(logger.debug).toHaveBeenCalledWith(
          expect.stringContaining(
            'Network Scorecard has nobody to notify about grade-drop, new-blocker, new-blocker, new-anti-pattern on cluster "payments-1": it has no owner',
          ),
        );
        expect(logger.warn).not.toHaveBeenCalled();
      } finally {
        await backend.stop();
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'never fails a scan when sending fails: warns, gives the claim back, and a later send of the event goes through, on %p',
    async id => {
      const { backend, knex, inbox, notifications, database } =
        await startBackend(id, databases);
      try {
        const logger = mockServices.logger.mock();
        const failing: NotificationService = {
          send: async () => {
            throw new Error('Failed to send notifications: 503');
          },
        };
        await expect(
          createScanNotifier({
            notifications: failing,
            database,
            logger,
          }).scanStored(worseningScan()),
        ).resolves.toBeUndefined();
        expect(logger.warn).toHaveBeenCalledTimes(4);
        expect(logger.warn).toHaveBeenCalledWith(
          `Network Scorecard could not notify ${OWNER} of grade-drop on cluster "payments-1"`,
          { error: 'Error: Failed to send notifications: 503' },
        );
        expect(await knex(SENT_TABLE).select('key_hash')).toEqual([]);

        // the scan service retrying once the notifications backend answers
        await createScanNotifier({
          notifications,
          database,
          logger: mockServices.logger.mock(),
        }).scanStored(worseningScan());
        expect(await inbox(ALICE)).toHaveLength(4);
      } finally {
        await backend.stop();
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'tells the owner once per (cluster, anti-pattern, expiry) about acknowledgements expiring within 7 days, on %p',
    async id => {
      const { backend, inbox, notifications, database } = await startBackend(
        id,
        databases,
      );
      try {
        const acks: Record<string, Acknowledgement & { cluster: string }> = {
          'ap.mesh-too-early': {
            cluster: 'payments-1',
            by: 'user:default/alice',
            reason: 'the mesh goes with the Q1 refresh',
            at: '2026-11-01T09:00:00.000Z',
            expiresAt: '2026-12-05T09:00:00.000Z',
          },
          'ap.two-control-planes': {
            cluster: 'payments-1',
            by: 'user:default/alice',
            reason: 'second control plane is the canary',
            at: '2026-11-01T09:00:00.000Z',
            expiresAt: '2026-12-20T09:00:00.000Z',
          },
        };
        // the one method of the store the daily task calls
        const store: Pick<ScanStore, 'allActiveAcknowledgements'> = {
          async allActiveAcknowledgements(now) {
            const active = new Map<string, Record<string, Acknowledgement>>();
            for (const [apId, { cluster, ...ack }] of Object.entries(acks)) {
              if (ack.expiresAt && new Date(ack.expiresAt) <= now) continue;
              active.set(cluster, { ...active.get(cluster), [apId]: ack });
            }
            return active;
          },
        };
        const notifier = createScanNotifier({
          notifications,
          database,
          logger: mockServices.logger.mock(),
        });
        const owners = new Map([
          [
            'payments-1',
            {
              owner: OWNER,
              title: 'Payments EU',
              entityRef: 'resource:default/payments-1',
            },
          ],
        ]);
        const daily = async (day: string) => {
          const now = new Date(day);
          return notifier.notifyExpiringAcknowledgements({
            now,
            acknowledgements: await store.allActiveAcknowledgements(now),
            owners,
          });
        };

        expect(await daily('2026-12-01T03:00:00.000Z')).toBe(1);
        expect(await daily('2026-12-02T03:00:00.000Z')).toBe(0);
        // renewed: a new expiry is a new event (the other one is now within 7 days too)
        acks['ap.mesh-too-early'] = {
          ...acks['ap.mesh-too-early'],
          at: '2026-12-04T09:00:00.000Z',
          expiresAt: '2026-12-18T09:00:00.000Z',
        };
        expect(await daily('2026-12-13T10:00:00.000Z')).toBe(2);
        expect(await daily('2026-12-14T10:00:00.000Z')).toBe(0);

        // one entry per (cluster, anti-pattern) in the inbox: the renewal's
        // notice took the place of the first one (same scope), unread again
        const received = await inbox(ALICE);
        expect(titles(received)).toEqual([
          'Payments EU: acknowledgement expires 2026-12-18: A mesh with fewer than 20 services and no requirement',
          "Payments EU: acknowledgement expires 2026-12-20: Istio and Cilium's mesh side by side without a compliance requirement",
        ]);
        const renewed = received.find(n =>
          n.payload.title.includes('2026-12-18'),
        )!;
        expect(renewed.payload).toMatchObject({
          scope:
            'network-scorecard:payments-1:acknowledgement:ap.mesh-too-early',
          topic: 'Acknowledgement expiry',
          severity: 'normal',
          link: '/catalog/default/resource/payments-1/network-scorecard',
        });
        expect(renewed.updated).toBeTruthy();
        expect(renewed.read ?? null).toBeNull();
        expect(renewed.payload.description).toBe(
          'The acknowledgement of "A mesh with fewer than 20 services and no requirement" on ' +
            'Payments EU (payments-1) by user:default/alice (2026-12-04: "the mesh goes with the ' +
            'Q1 refresh") expires at 2026-12-18 09:00 UTC. From then on the anti-pattern, if ' +
            'still detected, costs points again; renew the acknowledgement on the Network tab or ' +
            'remove the cause.',
        );
      } finally {
        await backend.stop();
      }
    },
  );

  it('warns, and never throws, when the notifications backend is not installed', async () => {
    let notifications: NotificationService | undefined;
    let database: Knex | undefined;
    const backend = await startTestBackend({
      features: [
        createBackendPlugin({
          pluginId: 'network-scorecard',
          register(env) {
            env.registerInit({
              deps: {
                notifications: notificationService,
                db: coreServices.database,
              },
              async init(deps) {
                database = await deps.db.getClient();
                await database.migrate.latest({ directory: migrationsDir });
                notifications = deps.notifications;
              },
            });
          },
        }),
      ],
    });
    try {
      const logger = mockServices.logger.mock();
      await createScanNotifier({
        notifications: notifications!,
        database: database!,
        logger,
      }).scanStored(worseningScan());
      expect(logger.warn).toHaveBeenCalledTimes(4);
      expect(logger.warn).toHaveBeenCalledWith(
        `Network Scorecard could not notify ${OWNER} of grade-drop on cluster "payments-1"`,
        { error: expect.stringContaining('Failed to send notifications') },
      );
    } finally {
      await backend.stop();
    }
  });
});
