import { Alert } from '@material-ui/lab';
import { Box, Typography } from '@material-ui/core';
import { ReportError, ReportStatus } from '@network-scorecard/common';

export interface ReportStatusNoticeProps {
  status: ReportStatus;
  errors: ReportError[];
}

const ErrorList = ({ errors }: { errors: ReportError[] }) => (
  <ul style={{ margin: 0, paddingLeft: 20 }}>
    {errors.map((error, index) => (
      <li key={index}>
        <Typography variant="body2">
          {error.fact && error.fact !== 'catalog' ? `${error.fact}: ` : ''}
          {error.reason}
        </Typography>
      </li>
    ))}
  </ul>
);

/**
 * Says when a scan could not read everything, and what it could not read;
 * problems in the cluster's catalog declaration (e.g. an unknown requirement
 * id) are told apart, since the owner fixes those in catalog-info.yaml.
 */
export const ReportStatusNotice = ({
  status,
  errors,
}: ReportStatusNoticeProps) => {
  const catalogErrors = errors.filter(e => e.fact === 'catalog');
  const factErrors = errors.filter(e => e.fact !== 'catalog');
  const failed = status === 'failed';
  return (
    <>
      {catalogErrors.length > 0 && (
        <Box mb={1}>
          <Alert severity="warning">
            <Typography variant="body2">
              The cluster's catalog entity declares something Network Scorecard
              cannot use; fix it in its catalog-info.yaml:
            </Typography>
            <ErrorList errors={catalogErrors} />
          </Alert>
        </Box>
      )}
      {(failed || factErrors.length > 0) && (
        <Alert severity={failed ? 'error' : 'warning'}>
          <Typography variant="body2">
            {failed
              ? 'Scan failed: no fact could be read, so nothing could be judged.'
              : 'Partial scan: some facts could not be read; checks that need them are unknown.'}
          </Typography>
          <ErrorList errors={factErrors} />
        </Alert>
      )}
    </>
  );
};
