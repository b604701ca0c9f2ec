import useAsyncFn from 'react-use/esm/useAsyncFn';
import { ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Box, Button, CircularProgress } from '@material-ui/core';
import RefreshIcon from '@material-ui/icons/Refresh';
import { ClusterReport } from '@network-scorecard/common';
import { networkScorecardApiRef } from '../../api';

export interface ScanButtonProps {
  cluster: string;
  onScanned(report: ClusterReport): void;
}

/** Scans one cluster now instead of waiting for the schedule. */
export const ScanButton = ({ cluster, onScanned }: ScanButtonProps) => {
  const api = useApi(networkScorecardApiRef);
  const [state, scan] = useAsyncFn(async () => {
    const report = await api.scanCluster(cluster);
    onScanned(report);
    return report;
  }, [api, cluster, onScanned]);
  return (
    <Box>
      <Button
        variant="outlined"
        color="primary"
        onClick={() => scan()}
        disabled={state.loading}
        startIcon={
          state.loading ? <CircularProgress size={16} /> : <RefreshIcon />
        }
      >
        {state.loading ? 'Scanning…' : 'Scan now'}
      </Button>
      {state.error && (
        <Box mt={1}>
          <ResponseErrorPanel
            error={state.error}
            title={`Scan of ${cluster} failed`}
          />
        </Box>
      )}
    </Box>
  );
};
