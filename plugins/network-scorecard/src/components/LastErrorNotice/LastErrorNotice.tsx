import { Alert } from '@material-ui/lab';
import { ClusterSummary } from '@network-scorecard/common';
import { formatAbsoluteTime, formatRelativeTime } from '../../utils/format';

/** Says that the newest scan attempt failed while an older report is shown. */
export const LastErrorNotice = ({
  lastError,
  hasReport,
}: {
  lastError: ClusterSummary['lastError'];
  hasReport: boolean;
}) => {
  if (!lastError) return null;
  return (
    <Alert severity="error" title={formatAbsoluteTime(lastError.at)}>
      The latest scan attempt failed {formatRelativeTime(lastError.at)}:{' '}
      {lastError.message}
      {hasReport ? ' The report below is from the last successful scan.' : ''}
    </Alert>
  );
};
