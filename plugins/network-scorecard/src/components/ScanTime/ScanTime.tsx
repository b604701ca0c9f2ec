import { Box, Chip, Tooltip, Typography } from '@material-ui/core';
import {
  formatAbsoluteTime,
  formatRelativeTime,
  isStale,
} from '../../utils/format';

/** When a scan ran: relative time, the absolute time in a tooltip, and a stale marker after 24 h. */
export const ScanTime = ({ at }: { at: string | null }) => {
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
      <Tooltip title={`Scanned ${formatAbsoluteTime(at)}`}>
        <Typography
          variant="body2"
          component="span"
          style={{ whiteSpace: 'nowrap' }}
        >
          {formatRelativeTime(at)}
        </Typography>
      </Tooltip>
      {isStale(at) && (
        <Tooltip title="Last scan is older than 24 h: the scheduled scan may be failing for this cluster">
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
