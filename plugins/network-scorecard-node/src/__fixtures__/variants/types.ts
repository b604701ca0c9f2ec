import { KubeObject } from '../../reader/types';

/**
 * A cluster dump built from real upstream objects (fixtures/upstream), with
 * the changes that make it a realistic variant (a managed add-on, another
 * chart layout, a half-finished migration). The collector turns it into the
 * golden facts in fixtures/golden/, which the rule tests of -common read.
 */
export interface Variant {
  /** what real install this stands for, and what was changed */
  description: string;
  objects: () => KubeObject[];
}
