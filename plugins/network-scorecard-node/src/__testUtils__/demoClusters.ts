import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';

/** The demo fleet's dumps (examples/clusters/<name>.json), when present. */
export const DEMO_DIR = resolve(__dirname, '../../../../examples/clusters');

export function demoClusters(): { name: string; file: string }[] {
  if (!existsSync(DEMO_DIR)) return [];
  return readdirSync(DEMO_DIR)
    .filter(f => f.endsWith('.json'))
    .sort()
    .map(f => ({ name: f.replace(/\.json$/, ''), file: resolve(DEMO_DIR, f) }));
}

/** The shipped read-only role: deploy/clusterrole.yaml of this package. */
export const CLUSTER_ROLE = resolve(__dirname, '../../deploy/clusterrole.yaml');
