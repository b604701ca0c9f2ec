import { Box, Chip, Tooltip, Typography } from '@material-ui/core';
import { ReportSource } from '@network-scorecard/common';
import { capturedAgo } from '../FleetTable/scanAge';
import { formatAbsoluteTime, formatRelativeTime } from '../../utils/format';

/**
 * When a scan ran: relative time with the absolute time in a tooltip; a dump
 * says when it was captured. The stale marker is the backend's verdict (the
 * newest attempt failed, or scans stopped), never the age of the scan.
 */
export const ScanTime = ({
  at,
  source,
  stale = false,
}: {
  at: string | null;
  source?: ReportSource;
  stale?: boolean;
}) => {
  if (!at) {
    return (
      <Typography variant="body2" color="textSecondary" component="span">
        not scanned yet
      </Typography>
    );
  }
  return (
    <Box
      component="span"
      display="inline-flex"
      alignItems="center"
      style={{ gap: 4 }}
    >
      <Tooltip
        title={`${
          source === 'snapshot' ? 'Captured' : 'Scanned'
        } ${formatAbsoluteTime(at)}`}
      >
        <Typography
          variant="body2"
          component="span"
          style={{ whiteSpace: 'nowrap' }}
        >
          {source === 'snapshot' ? capturedAgo(at) : formatRelativeTime(at)}
        </Typography>
      </Tooltip>
      {stale && (
        <Tooltip title="The newest scan attempt failed or scans stopped: the cluster may have changed since this report">
          <Chip
            label="stale"
            size="small"
            variant="outlined"
            color="secondary"
          />
        </Tooltip>
      )}
    </Box>
  );
};
