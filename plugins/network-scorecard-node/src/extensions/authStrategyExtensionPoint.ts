import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { AuthenticationStrategy } from '@backstage/plugin-kubernetes-node';

/**
 * Lets a backend module add or replace how Network Scorecard authenticates to
 * clusters, keyed by the Kubernetes plugin's `authProvider` names. Strategies
 * are the Kubernetes plugin's own (`AuthenticationStrategy` of
 * `@backstage/plugin-kubernetes-node`), so one written for it works here.
 * Scheduled scans have no signed-in user, so a strategy gets no user tokens.
 * @public
 */
export interface NetworkScorecardAuthStrategyExtensionPoint {
  addAuthStrategy(key: string, strategy: AuthenticationStrategy): void;
}

/** @public */
export const networkScorecardAuthStrategyExtensionPoint =
  createExtensionPoint<NetworkScorecardAuthStrategyExtensionPoint>({
    id: 'network-scorecard.auth-strategy',
  });
