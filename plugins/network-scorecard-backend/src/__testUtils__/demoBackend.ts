import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { networkScorecardPlugin } from '../plugin';
import { exampleEntities, exampleSnapshotsConfig } from './exampleFleet';

/** The demo fleet behind the real plugin; the test drives scans itself. */
export async function startDemoBackend(
  options: {
    snapshots?: { name: string; file?: string; files?: string[] }[];
    /** names of the permissions the policy denies; everything else is allowed */
    denied?: string[];
  } = {},
) {
  const { server } = await startTestBackend({
    features: [
      networkScorecardPlugin,
      catalogServiceMock.factory({ entities: exampleEntities() }),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      ...(options.denied
        ? [
            mockServices.permissions.mock({
              authorize: async requests =>
                requests.map(({ permission }) => ({
                  result: options.denied!.includes(permission.name)
                    ? AuthorizeResult.DENY
                    : AuthorizeResult.ALLOW,
                })) as never,
            }).factory,
          ]
        : []),
      mockServices.rootConfig.factory({
        data: {
          networkScorecard: {
            snapshots: options.snapshots ?? exampleSnapshotsConfig(),
            schedule: {
              frequency: { hours: 24 },
              timeout: { minutes: 5 },
              initialDelay: { hours: 24 },
            },
            notifications: { enabled: false },
          },
        },
      }),
    ],
  });
  return server;
}

/** A signed-in user's Authorization header. */
export const userHeader = (ref = 'user:default/jo') =>
  mockCredentials.user.header(ref);
