import { Alert } from '@material-ui/lab';
import { Typography } from '@material-ui/core';
import { ReportError, ReportStatus } from '@network-scorecard/common';

export interface ReportStatusNoticeProps {
  status: ReportStatus;
  errors: ReportError[];
}

/** Says when a scan could not read everything, and what it could not read. */
export const ReportStatusNotice = ({
  status,
  errors,
}: ReportStatusNoticeProps) => {
  if (status === 'ok' && errors.length === 0) return null;
  const failed = status === 'failed';
  return (
    <Alert severity={failed ? 'error' : 'warning'}>
      <Typography variant="body2">
        {failed
          ? 'Scan failed: no fact could be read, so nothing could be judged.'
          : 'Partial scan: some facts could not be read; checks that need them are unknown.'}
      </Typography>
      <ul style={{ margin: 0, paddingLeft: 20 }}>
        {errors.map((error, index) => (
          <li key={index}>
            <Typography variant="body2">
              {error.fact ? `${error.fact}: ` : ''}
              {error.reason}
            </Typography>
          </li>
        ))}
      </ul>
    </Alert>
  );
};
