import { useCallback, useState } from 'react';
import { InfoCard, ResponseErrorPanel } from '@backstage/core-components';
import { usePermission } from '@backstage/plugin-permission-react';
import { Typography } from '@material-ui/core';
import {
  Acknowledgement,
  AcknowledgementResponse,
  AcknowledgementWithdrawalResponse,
  AntiPatternReport,
  networkScorecardAcknowledgementDeletePermission,
  networkScorecardAcknowledgePermission,
} from '@network-scorecard/common';
import { AcknowledgeDialog, WithdrawDialog } from '../AcknowledgeDialog';
import { AntiPatternItem } from './AntiPatternItem';
import { useAcknowledgementTrail } from './useAcknowledgementTrail';

export interface AntiPatternChecklistProps {
  cluster: string;
  antiPatterns: AntiPatternReport[];
}

/** "What we got wrong": every anti-pattern, its lesson, its acknowledgement and their history. */
export const AntiPatternChecklist = ({
  cluster,
  antiPatterns,
}: AntiPatternChecklistProps) => {
  const [acknowledging, setAcknowledging] = useState<AntiPatternReport | null>(
    null,
  );
  const [withdrawing, setWithdrawing] = useState<AntiPatternReport | null>(
    null,
  );
  // Each dialog is mounted, closed, before it opens, and a new one replaces it
  // after each closing, so each opening starts empty. Mounted at the opening,
  // a Material UI button that keyboard focus reaches in the same moment (a
  // Tab pressed as the dialog appears) crashes the page: its focus ripple is
  // not there yet.
  const [closings, setClosings] = useState(0);
  const closed = useCallback(() => setClosings(n => n + 1), []);
  const { allowed: canAcknowledge } = usePermission({
    permission: networkScorecardAcknowledgePermission,
  });
  const { allowed: canWithdraw } = usePermission({
    permission: networkScorecardAcknowledgementDeletePermission,
  });
  const trail = useAcknowledgementTrail(cluster);
  const reloadTrail = trail.retry;
  // changes made here show at once, before the next scan folds them into the report; null = withdrawn
  const [changed, setChanged] = useState<
    Record<string, Acknowledgement | null>
  >({});

  const acknowledged = useCallback(
    (response: AcknowledgementResponse) => {
      setChanged(current => ({
        ...current,
        [response.antiPatternId]: response.acknowledgement,
      }));
      setAcknowledging(null);
      closed();
      reloadTrail();
    },
    [reloadTrail, closed],
  );
  const withdrawn = useCallback(
    (response: AcknowledgementWithdrawalResponse) => {
      setChanged(current => ({ ...current, [response.antiPatternId]: null }));
      setWithdrawing(null);
      closed();
      reloadTrail();
    },
    [reloadTrail, closed],
  );
  const closeDialogs = useCallback(() => {
    setAcknowledging(null);
    setWithdrawing(null);
    closed();
  }, [closed]);

  return (
    <InfoCard title="Anti-pattern checklist">
      {antiPatterns.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          The ruleset has no anti-pattern checks.
        </Typography>
      )}
      {trail.error && (
        <ResponseErrorPanel
          error={trail.error}
          title="Could not load the acknowledgement history"
        />
      )}
      {antiPatterns.map(ap => (
        <AntiPatternItem
          key={ap.id}
          antiPattern={ap}
          acknowledgement={ap.id in changed ? changed[ap.id] : ap.acknowledged}
          history={trail.value?.get(ap.id) ?? []}
          canAcknowledge={canAcknowledge}
          canWithdraw={canWithdraw}
          onAcknowledge={() => setAcknowledging(ap)}
          onWithdraw={() => setWithdrawing(ap)}
        />
      ))}
      <AcknowledgeDialog
        key={`acknowledge-${closings}`}
        cluster={cluster}
        antiPattern={acknowledging}
        onClose={closeDialogs}
        onAcknowledged={acknowledged}
      />
      <WithdrawDialog
        key={`withdraw-${closings}`}
        cluster={cluster}
        antiPattern={withdrawing}
        onClose={closeDialogs}
        onWithdrawn={withdrawn}
      />
    </InfoCard>
  );
};
