import { useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  Box,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
} from '@material-ui/core';
import {
  AcknowledgementResponse,
  AntiPatternReport,
} from '@network-scorecard/common';
import { networkScorecardApiRef } from '../../api';

const DEFAULT_DAYS = 90;

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function daysFromNow(days: number): string {
  return isoDate(new Date(Date.now() + days * 24 * 3600 * 1000));
}

/** The acknowledgement lasts to the end of the chosen day (UTC). */
export function expiryOf(date: string): string {
  return new Date(`${date}T23:59:59Z`).toISOString();
}

export interface AcknowledgeDialogProps {
  cluster: string;
  /** the anti-pattern to acknowledge; the dialog is open while set */
  antiPattern: AntiPatternReport | null;
  onClose(): void;
  onAcknowledged(response: AcknowledgementResponse): void;
}

/**
 * Acknowledge a detected anti-pattern with a reason and an expiry date (audited
 * by the backend). It renders while closed (hidden), so its buttons exist
 * before focus can reach them; give it a new `key` after each closing so each
 * opening starts empty.
 */
export const AcknowledgeDialog = (props: AcknowledgeDialogProps) => {
  const { cluster, antiPattern, onClose, onAcknowledged } = props;
  const api = useApi(networkScorecardApiRef);
  const [reason, setReason] = useState('');
  const [expires, setExpires] = useState(daysFromNow(DEFAULT_DAYS));

  const [state, submit] = useAsyncFn(async () => {
    if (!antiPattern) return undefined;
    const response = await api.acknowledgeAntiPattern(cluster, {
      antiPatternId: antiPattern.id,
      reason: reason.trim(),
      expiresAt: expiryOf(expires),
    });
    onAcknowledged(response);
    return response;
  }, [api, cluster, antiPattern, reason, expires, onAcknowledged]);

  const tomorrow = daysFromNow(1);
  const validExpiry =
    /^\d{4}-\d{2}-\d{2}$/.test(expires) && expires >= tomorrow;
  const valid = reason.trim().length > 0 && validExpiry;

  return (
    <Dialog
      open={antiPattern !== null}
      keepMounted
      onClose={onClose}
      fullWidth
      maxWidth="sm"
    >
      <DialogTitle>
        Acknowledge “{antiPattern?.title}” on {cluster}
      </DialogTitle>
      <DialogContent>
        <DialogContentText>
          The anti-pattern stays in the report, marked as acknowledged, until
          the expiry date. Your name, the reason and the time are recorded.
        </DialogContentText>
        <TextField
          id="network-scorecard-ack-reason"
          label="Reason"
          value={reason}
          onChange={e => setReason(e.target.value)}
          required
          fullWidth
          multiline
          minRows={2}
          margin="normal"
          helperText="Why this is acceptable for now, e.g. the decision record or the migration it waits for"
        />
        <TextField
          id="network-scorecard-ack-expires"
          label="Expires on"
          type="date"
          value={expires}
          onChange={e => setExpires(e.target.value)}
          required
          margin="normal"
          InputLabelProps={{ shrink: true }}
          inputProps={{ min: tomorrow }}
          error={!validExpiry}
          helperText={
            validExpiry ? 'End of this day (UTC)' : 'Pick a date after today'
          }
        />
        {state.error && (
          <Box mt={2}>
            <ResponseErrorPanel
              error={state.error}
              title="Could not acknowledge"
            />
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={!valid || state.loading}
          onClick={() => submit()}
          startIcon={state.loading ? <CircularProgress size={16} /> : undefined}
        >
          Acknowledge
        </Button>
      </DialogActions>
    </Dialog>
  );
};
