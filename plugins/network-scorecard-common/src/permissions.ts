import { createPermission } from '@backstage/plugin-permission-common';

/** Read cluster reports and history. @public */
export const networkScorecardReadPermission = createPermission({
  name: 'network-scorecard.report.read',
  attributes: { action: 'read' },
});

/** Trigger a scan of a cluster now. @public */
export const networkScorecardScanPermission = createPermission({
  name: 'network-scorecard.scan.create',
  attributes: { action: 'create' },
});

/** Acknowledge an anti-pattern with a reason and an expiry. @public */
export const networkScorecardAcknowledgePermission = createPermission({
  name: 'network-scorecard.acknowledgement.create',
  attributes: { action: 'create' },
});

/** Withdraw a standing acknowledgement (the withdrawal is audited). @public */
export const networkScorecardAcknowledgementDeletePermission = createPermission(
  {
    name: 'network-scorecard.acknowledgement.delete',
    attributes: { action: 'delete' },
  },
);

/** @public */
export const networkScorecardPermissions = [
  networkScorecardReadPermission,
  networkScorecardScanPermission,
  networkScorecardAcknowledgePermission,
  networkScorecardAcknowledgementDeletePermission,
];
