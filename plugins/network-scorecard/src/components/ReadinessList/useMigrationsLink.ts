import { useRouteRef } from '@backstage/core-plugin-api';
import { migrationsRouteRef } from '../../routes';

/**
 * The migrations view's address for one readiness item, or undefined when the
 * app does not mount the fleet page (the tab then works without the link).
 */
export function useMigrationsLink(): ((itemId: string) => string) | undefined {
  let route: (() => string) | undefined;
  try {
    // as Backstage's own useRouteRef does for an optional API: the hooks inside
    // run before it throws for a missing mount, so the hook order stays stable
    // eslint-disable-next-line react-hooks/rules-of-hooks
    route = useRouteRef(migrationsRouteRef);
  } catch {
    route = undefined;
  }
  if (!route) return undefined;
  const base = route();
  return itemId => `${base}?${new URLSearchParams({ item: itemId })}`;
}
