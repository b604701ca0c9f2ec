import useAsyncFn from 'react-use/esm/useAsyncFn';
import { ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { Box, Button, CircularProgress, Tooltip } from '@material-ui/core';
import RefreshIcon from '@material-ui/icons/Refresh';
import {
  ClusterReport,
  networkScorecardScanPermission,
} from '@network-scorecard/common';
import { networkScorecardApiRef } from '../../api';

export interface ScanButtonProps {
  cluster: string;
  onScanned(report: ClusterReport): void;
}

/** Scans one cluster now instead of waiting for the schedule. */
export const ScanButton = ({ cluster, onScanned }: ScanButtonProps) => {
  const api = useApi(networkScorecardApiRef);
  const permission = usePermission({
    permission: networkScorecardScanPermission,
  });
  const [state, scan] = useAsyncFn(async () => {
    const report = await api.scanCluster(cluster);
    onScanned(report);
    return report;
  }, [api, cluster, onScanned]);
  const button = (
    <Button
      variant="outlined"
      color="primary"
      onClick={() => scan()}
      disabled={state.loading || !permission.allowed}
      startIcon={
        state.loading ? <CircularProgress size={16} /> : <RefreshIcon />
      }
    >
      {state.loading ? 'Scanning…' : 'Scan now'}
    </Button>
  );
  return (
    <Box>
      {permission.allowed || permission.loading ? (
        button
      ) : (
        <Tooltip
          title={`You need the ${networkScorecardScanPermission.name} permission to scan`}
        >
          <span>{button}</span>
        </Tooltip>
      )}
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
