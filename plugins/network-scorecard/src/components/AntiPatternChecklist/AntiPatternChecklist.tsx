import { useCallback, useState } from 'react';
import { InfoCard } from '@backstage/core-components';
import { usePermission } from '@backstage/plugin-permission-react';
import { Box, Button, Tooltip, Typography } from '@material-ui/core';
import {
  Acknowledgement,
  AcknowledgementResponse,
  AntiPatternReport,
  networkScorecardAcknowledgePermission,
} from '@network-scorecard/common';
import { EvidenceList } from '../CheckItem';
import { StatusLabel } from '../StatusLabel';
import { AcknowledgeDialog } from '../AcknowledgeDialog';
import { formatAbsoluteTime } from '../../utils/format';

export interface AntiPatternChecklistProps {
  cluster: string;
  antiPatterns: AntiPatternReport[];
}

const AcknowledgementNote = ({ ack }: { ack: Acknowledgement }) => (
  <Typography variant="caption" component="div">
    Acknowledged by {ack.by} on {formatAbsoluteTime(ack.at)}
    {ack.expiresAt ? `, until ${formatAbsoluteTime(ack.expiresAt)}` : ''}:{' '}
    {ack.reason}
  </Typography>
);

/** "What we got wrong": every anti-pattern, its lesson, and its acknowledgement. */
export const AntiPatternChecklist = ({
  cluster,
  antiPatterns,
}: AntiPatternChecklistProps) => {
  const [selected, setSelected] = useState<AntiPatternReport | null>(null);
  const { allowed: canAcknowledge } = usePermission({
    permission: networkScorecardAcknowledgePermission,
  });
  // acknowledgements made here show at once, before the next scan folds them into the report
  const [made, setMade] = useState<Record<string, Acknowledgement>>({});

  const close = useCallback(() => setSelected(null), []);
  const acknowledged = useCallback((response: AcknowledgementResponse) => {
    setMade(current => ({
      ...current,
      [response.antiPatternId]: response.acknowledgement,
    }));
    setSelected(null);
  }, []);

  return (
    <InfoCard title="Anti-pattern checklist">
      {antiPatterns.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          The ruleset has no anti-pattern checks.
        </Typography>
      )}
      {antiPatterns.map(ap => {
        const ack = made[ap.id] ?? ap.acknowledged;
        const status =
          ap.status === 'detected' && ack ? 'acknowledged' : ap.status;
        return (
          <Box key={ap.id} mb={2} data-testid={`anti-pattern-${ap.id}`}>
            <Box
              display="flex"
              alignItems="center"
              justifyContent="space-between"
            >
              <Box display="flex" alignItems="center" style={{ gap: 8 }}>
                <StatusLabel status={status} />
                <Typography variant="subtitle2">{ap.title}</Typography>
              </Box>
              {ap.status === 'detected' && (
                <Tooltip
                  title={
                    canAcknowledge
                      ? ''
                      : `You need the ${networkScorecardAcknowledgePermission.name} permission to acknowledge`
                  }
                >
                  <span>
                    <Button
                      size="small"
                      variant="outlined"
                      disabled={!canAcknowledge}
                      onClick={() => setSelected(ap)}
                    >
                      {ack ? 'Renew acknowledgement' : 'Acknowledge'}
                    </Button>
                  </span>
                </Tooltip>
              )}
            </Box>
            <Typography variant="body2" color="textSecondary">
              {ap.lesson}
            </Typography>
            {ack && ap.status === 'detected' && (
              <AcknowledgementNote ack={ack} />
            )}
            <EvidenceList evidence={ap.evidence} />
          </Box>
        );
      })}
      <AcknowledgeDialog
        key={selected?.id ?? 'closed'}
        cluster={cluster}
        antiPattern={selected}
        onClose={close}
        onAcknowledged={acknowledged}
      />
    </InfoCard>
  );
};
