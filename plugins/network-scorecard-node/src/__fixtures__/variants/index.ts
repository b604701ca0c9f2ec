import { CNI_VARIANTS } from './cni';
import { MESH_VARIANTS } from './mesh';
import { OBSERVABILITY_VARIANTS } from './observability';
import { POLICY_VARIANTS } from './policy';
import { Variant } from './types';

export type { Variant } from './types';

/** Every variant, by the name of its golden facts file (fixtures/golden/<name>.json). */
export const VARIANTS: Record<string, Variant> = {
  ...CNI_VARIANTS,
  ...MESH_VARIANTS,
  ...OBSERVABILITY_VARIANTS,
  ...POLICY_VARIANTS,
};
