import { cniDefaultChoice, cniKernel, cniProductionGrade, cniWindows } from './cni';
import { Ruleset } from './types';

/**
 * The framework's rules. Bump `version` whenever any rule's logic or weight
 * changes, so history can tell a change of method from a change of cluster.
 * @public
 */
export const defaultRuleset: Ruleset = {
  version: '2026.11.0',
  checks: [cniProductionGrade, cniDefaultChoice, cniKernel, cniWindows],
  antiPatterns: [],
  readiness: [],
};
