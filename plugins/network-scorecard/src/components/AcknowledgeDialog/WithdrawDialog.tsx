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
} from '@material-ui/core';
import {
  AcknowledgementWithdrawalResponse,
  AntiPatternReport,
} from '@network-scorecard/common';
import { networkScorecardApiRef } from '../../api';

export interface WithdrawDialogProps {
  cluster: string;
  /** the anti-pattern whose acknowledgement to withdraw; the dialog is open while set */
  antiPattern: AntiPatternReport | null;
  onClose(): void;
  onWithdrawn(response: AcknowledgementWithdrawalResponse): void;
}

/**
 * Confirms withdrawing a standing acknowledgement: the anti-pattern counts
 * against the score again. Rendered while closed, as AcknowledgeDialog is.
 */
export const WithdrawDialog = (props: WithdrawDialogProps) => {
  const { cluster, antiPattern, onClose, onWithdrawn } = props;
  const api = useApi(networkScorecardApiRef);
  const [state, withdraw] = useAsyncFn(async () => {
    if (!antiPattern) return undefined;
    const response = await api.withdrawAcknowledgement(cluster, antiPattern.id);
    onWithdrawn(response);
    return response;
  }, [api, cluster, antiPattern, onWithdrawn]);

  return (
    <Dialog
      open={antiPattern !== null}
      keepMounted
      onClose={onClose}
      fullWidth
      maxWidth="sm"
    >
      <DialogTitle>
        Withdraw the acknowledgement of “{antiPattern?.title}” on {cluster}?
      </DialogTitle>
      <DialogContent>
        <DialogContentText>
          The anti-pattern counts against the score again from the next scan.
          Your name and the time are recorded in its history.
        </DialogContentText>
        {state.error && (
          <Box mt={2}>
            <ResponseErrorPanel
              error={state.error}
              title="Could not withdraw"
            />
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={state.loading}
          onClick={() => withdraw()}
          startIcon={state.loading ? <CircularProgress size={16} /> : undefined}
        >
          Withdraw
        </Button>
      </DialogActions>
    </Dialog>
  );
};
