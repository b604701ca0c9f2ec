import { createExtensionPoint } from '@backstage/backend-plugin-api';
import {
  AntiPatternRule,
  CheckRule,
  ReadinessRule,
} from '@network-scorecard/common';

/**
 * Lets a backend module add an organisation's own rules to the scorecard.
 * Custom ids must carry the organisation's own prefix (e.g. `acme.encryption.prod`,
 * `acme.ap.no-public-lb`) so they never collide with the framework's ids;
 * {@link validateCustomRule} says what is wrong with one.
 * @public
 */
export interface NetworkScorecardRulesExtensionPoint {
  addChecks(...checks: CheckRule[]): void;
  addAntiPatterns(...antiPatterns: AntiPatternRule[]): void;
  addReadiness(...readiness: ReadinessRule[]): void;
}

/** @public */
export const networkScorecardRulesExtensionPoint =
  createExtensionPoint<NetworkScorecardRulesExtensionPoint>({
    id: 'network-scorecard.rules',
  });

export * from './validateCustomRule';
