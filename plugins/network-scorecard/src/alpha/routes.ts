import { convertLegacyRouteRefs } from '@backstage/core-compat-api';
import { migrationsRouteRef, rootRouteRef } from '../routes';

/** The legacy route refs, usable by the new system: one set for the plugin and its page. */
export const routes = convertLegacyRouteRefs({
  root: rootRouteRef,
  migrations: migrationsRouteRef,
});
