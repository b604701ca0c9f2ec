import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/**
 * The fleet page.
 * @public
 */
export const rootRouteRef = createRouteRef({
  id: 'network-scorecard',
});

/**
 * Readiness items across the fleet over time, under the fleet page; the
 * selected item and range are in the query (`?item=<readiness id>&range=90d`).
 * @public
 */
export const migrationsRouteRef = createSubRouteRef({
  id: 'network-scorecard/migrations',
  parent: rootRouteRef,
  path: '/migrations',
});
