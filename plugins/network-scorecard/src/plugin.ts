import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { NetworkScorecardClient, networkScorecardApiRef } from './api';
import { migrationsRouteRef, rootRouteRef } from './routes';

export { isNetworkScorecardAvailable } from './isNetworkScorecardAvailable';

/** @public */
export const networkScorecardPlugin = createPlugin({
  id: 'network-scorecard',
  apis: [
    createApiFactory({
      api: networkScorecardApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new NetworkScorecardClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
    migrations: migrationsRouteRef,
  },
});

/**
 * The fleet page: every cluster side by side.
 * @public
 */
export const NetworkScorecardPage = networkScorecardPlugin.provide(
  createRoutableExtension({
    name: 'NetworkScorecardPage',
    component: () =>
      import('./components/NetworkScorecardPage').then(
        m => m.NetworkScorecardPage,
      ),
    mountPoint: rootRouteRef,
  }),
);

/**
 * Overview card for a cluster Resource or a Component running on clusters.
 * @public
 */
export const EntityNetworkScorecardCard = networkScorecardPlugin.provide(
  createComponentExtension({
    name: 'EntityNetworkScorecardCard',
    component: {
      lazy: () =>
        import('./components/EntityNetworkScorecardCard').then(
          m => m.EntityNetworkScorecardCard,
        ),
    },
  }),
);

/**
 * Group page card: the clusters the group owns (through its sub-groups too)
 * and its services on clusters with failing checks or readiness blockers.
 * @public
 */
export const EntityGroupNetworkScorecardCard = networkScorecardPlugin.provide(
  createComponentExtension({
    name: 'EntityGroupNetworkScorecardCard',
    component: {
      lazy: () =>
        import('./components/EntityGroupNetworkScorecardCard').then(
          m => m.EntityGroupNetworkScorecardCard,
        ),
    },
  }),
);

/**
 * Entity tab with the full report, history, acknowledgements and "Scan now".
 * @public
 */
export const EntityNetworkScorecardContent = networkScorecardPlugin.provide(
  createComponentExtension({
    name: 'EntityNetworkScorecardContent',
    component: {
      lazy: () =>
        import('./components/EntityNetworkScorecardContent').then(
          m => m.EntityNetworkScorecardContent,
        ),
    },
  }),
);
