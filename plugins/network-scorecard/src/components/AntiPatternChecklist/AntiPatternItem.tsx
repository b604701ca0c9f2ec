import { Box, Typography } from '@material-ui/core';
import {
  Acknowledgement,
  AcknowledgementRecord,
  AntiPatternReport,
  networkScorecardAcknowledgementDeletePermission,
  networkScorecardAcknowledgePermission,
} from '@network-scorecard/common';
import { EvidenceList } from '../CheckItem';
import { StatusLabel } from '../StatusLabel';
import { formatAbsoluteTime } from '../../utils/format';
import { AcknowledgementHistory } from './AcknowledgementHistory';
import { PermittedButton } from './PermittedButton';

const AcknowledgementNote = ({ ack }: { ack: Acknowledgement }) => (
  <Typography variant="caption" component="div">
    Acknowledged by {ack.by} on {formatAbsoluteTime(ack.at)}
    {ack.expiresAt ? `, until ${formatAbsoluteTime(ack.expiresAt)}` : ''}:{' '}
    {ack.reason}
  </Typography>
);

export interface AntiPatternItemProps {
  antiPattern: AntiPatternReport;
  /** the acknowledgement that stands now, after any change made here */
  acknowledgement: Acknowledgement | null;
  history: AcknowledgementRecord[];
  canAcknowledge: boolean;
  canWithdraw: boolean;
  onAcknowledge(): void;
  onWithdraw(): void;
}

/** One anti-pattern: its status, lesson, evidence, acknowledgement and the actions on it. */
export const AntiPatternItem = (props: AntiPatternItemProps) => {
  const { antiPattern: ap, acknowledgement: ack } = props;
  const detected = ap.status === 'detected';
  return (
    <Box mb={2} data-testid={`anti-pattern-${ap.id}`}>
      <Box
        display="flex"
        alignItems="center"
        justifyContent="space-between"
        flexWrap="wrap"
        style={{ gap: 8 }}
      >
        <Box display="flex" alignItems="center" style={{ gap: 8 }}>
          <StatusLabel status={detected && ack ? 'acknowledged' : ap.status} />
          <Typography variant="subtitle2">{ap.title}</Typography>
        </Box>
        {detected && (
          <Box display="flex" style={{ gap: 8 }}>
            <PermittedButton
              allowed={props.canAcknowledge}
              permission={networkScorecardAcknowledgePermission.name}
              action="acknowledge"
              onClick={props.onAcknowledge}
            >
              {ack ? 'Renew acknowledgement' : 'Acknowledge'}
            </PermittedButton>
            {ack && (
              <PermittedButton
                allowed={props.canWithdraw}
                permission={
                  networkScorecardAcknowledgementDeletePermission.name
                }
                action="withdraw an acknowledgement"
                onClick={props.onWithdraw}
              >
                Withdraw
              </PermittedButton>
            )}
          </Box>
        )}
      </Box>
      <Typography variant="body2" color="textSecondary">
        {ap.lesson}
      </Typography>
      {ack && detected && <AcknowledgementNote ack={ack} />}
      <EvidenceList evidence={ap.evidence} />
      <AcknowledgementHistory id={ap.id} records={props.history} />
    </Box>
  );
};
