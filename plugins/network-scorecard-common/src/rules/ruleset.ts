import {
  cniCalicoDataplane,
  cniDefaultChoice,
  cniKernel,
  cniProductionGrade,
  cniConfigInEffect,
  cniWindows,
} from './cni';
import {
  kubeProxyRedundant,
  kubeProxyReplaced,
  kubeProxyScale,
} from './kube-proxy';
import { meshChoice, meshMtls, meshNeed } from './mesh';
import { encryptionTransparent } from './encryption';
import {
  observabilityAppTracing,
  observabilityDashboards,
  observabilityHubble,
  observabilityL7Targeted,
  observabilityMetrics,
} from './observability';
import { policyEnforced } from './policy';
import {
  apCalicoEbpfUntested,
  apGlobalL7Visibility,
  apInfraTracingEverywhere,
  apMeshTooEarly,
  apMeshWithoutQuestion,
  apSidecarsWhenAmbientFits,
  apStandaloneCniMigration,
  apTwoControlPlanes,
} from './anti-patterns';
import {
  readinessCalicoToCilium,
  readinessHubble,
  readinessKubeProxyReplacement,
  readinessMesh,
} from './readiness';
import { Ruleset } from './types';

/**
 * The framework's rules, in the order of its decisions: CNI, kube-proxy,
 * mesh, encryption, observability, policy.
 *
 * Bump `version` whenever any rule's logic or weight changes (or a rule is
 * added or removed), so history can tell a change of method from a change of
 * the cluster. `ruleset.test.ts` pins ids and weights to this version.
 * @public
 */
export const defaultRuleset: Ruleset = {
  version: '2026.12.2',
  checks: [
    cniProductionGrade,
    cniDefaultChoice,
    cniKernel,
    cniWindows,
    cniCalicoDataplane,
    cniConfigInEffect,
    kubeProxyReplaced,
    kubeProxyRedundant,
    kubeProxyScale,
    meshNeed,
    meshChoice,
    meshMtls,
    encryptionTransparent,
    observabilityHubble,
    observabilityMetrics,
    observabilityDashboards,
    observabilityL7Targeted,
    observabilityAppTracing,
    policyEnforced,
  ],
  antiPatterns: [
    apMeshTooEarly,
    apMeshWithoutQuestion,
    apSidecarsWhenAmbientFits,
    apTwoControlPlanes,
    apStandaloneCniMigration,
    apCalicoEbpfUntested,
    apGlobalL7Visibility,
    apInfraTracingEverywhere,
  ],
  readiness: [
    readinessCalicoToCilium,
    readinessKubeProxyReplacement,
    readinessHubble,
    readinessMesh,
  ],
};
