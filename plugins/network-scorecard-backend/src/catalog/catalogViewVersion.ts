import { createHash } from 'crypto';
import { CatalogClusterView } from './CatalogClusters';

const versions = new WeakMap<CatalogClusterView, string>();

/**
 * A digest of what a catalog view says: two reads of an unchanged catalog
 * have the same version, so answers made from one still hold for the next.
 * Kept per view object (a view is shared by the routes while it is fresh).
 */
export function catalogViewVersion(view: CatalogClusterView): string {
  let version = versions.get(view);
  if (!version) {
    const hash = createHash('sha256');
    for (const [name, entity] of view.clusters) {
      hash.update(JSON.stringify([name, entity]));
    }
    hash.update(JSON.stringify([...view.serviceCounts]));
    version = hash.digest('base64url');
    versions.set(view, version);
  }
  return version;
}
