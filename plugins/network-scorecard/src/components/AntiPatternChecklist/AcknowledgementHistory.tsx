import { useState } from 'react';
import { Box, Button, Typography } from '@material-ui/core';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import ExpandLessIcon from '@material-ui/icons/ExpandLess';
import { AcknowledgementRecord } from '@network-scorecard/common';
import { formatAbsoluteTime } from '../../utils/format';

function endOf(record: AcknowledgementRecord, now: number): string {
  if (record.withdrawn) {
    return `Withdrawn by ${record.withdrawn.by} on ${formatAbsoluteTime(
      record.withdrawn.at,
    )}.`;
  }
  const { expiresAt } = record.acknowledgement;
  if (expiresAt && Date.parse(expiresAt) <= now) {
    return `Expired on ${formatAbsoluteTime(expiresAt)}.`;
  }
  return 'Stands.';
}

const Entry = ({
  record,
  now,
}: {
  record: AcknowledgementRecord;
  now: number;
}) => {
  const ack = record.acknowledgement;
  return (
    <li>
      <Typography variant="body2">
        Acknowledged by {ack.by} on {formatAbsoluteTime(ack.at)}
        {ack.expiresAt
          ? `, until ${formatAbsoluteTime(ack.expiresAt)}`
          : ''}: {ack.reason}
      </Typography>
      <Typography variant="caption" color="textSecondary">
        {endOf(record, now)}
      </Typography>
    </li>
  );
};

/** Who acknowledged an anti-pattern, why and until when, and who withdrew it: newest first, folded away until asked for. */
export const AcknowledgementHistory = ({
  id,
  records,
}: {
  id: string;
  records: AcknowledgementRecord[];
}) => {
  const [open, setOpen] = useState(false);
  if (records.length === 0) return null;
  const listId = `acknowledgement-history-${id}`;
  const now = Date.now();
  return (
    <Box mt={1}>
      <Button
        size="small"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(current => !current)}
        startIcon={open ? <ExpandLessIcon /> : <ExpandMoreIcon />}
      >
        History ({records.length})
      </Button>
      {open && (
        <ul id={listId} style={{ margin: 0, paddingLeft: 20 }}>
          {records.map(record => (
            <Entry
              key={`${record.acknowledgement.at}-${record.acknowledgement.by}`}
              record={record}
              now={now}
            />
          ))}
        </ul>
      )}
    </Box>
  );
};
