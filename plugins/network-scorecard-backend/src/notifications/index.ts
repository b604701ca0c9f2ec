/**
 * Notifications to a cluster's catalog owner when its Network Scorecard gets
 * worse: a grade drop, a new readiness blocker, a newly detected
 * anti-pattern, an acknowledgement about to expire. Sent through
 * `@backstage/plugin-notifications-node`, once per event.
 */
export { createScanNotifier, defaultClusterLink } from './ScanNotifier';
export type {
  ExpiringAcknowledgementsInput,
  ScanNotifier,
  ScanNotifierOptions,
} from './ScanNotifier';
export { ACKNOWLEDGEMENT_NOTICE_DAYS, scanChanges } from './changes';
export type { ChangeKind, ScorecardChange } from './changes';
export type { RuleTitles } from './messages';
