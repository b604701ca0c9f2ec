import { Box } from '@material-ui/core';
import { ClusterReport, ClusterSummary } from '@network-scorecard/common';
import { LastErrorNotice } from '../LastErrorNotice';
import { ReportStatusNotice } from '../ReportStatusNotice';

/** What went wrong with a cluster's newest scan attempt and with its report, if anything. */
export const ClusterNotices = ({
  cluster,
  report,
  spacing,
}: {
  cluster: ClusterSummary;
  report: ClusterReport | null;
  spacing: number;
}) => (
  <>
    {cluster.lastError && (
      <Box mt={spacing}>
        <LastErrorNotice
          lastError={cluster.lastError}
          hasReport={report !== null}
        />
      </Box>
    )}
    {report && (
      <Box mt={spacing}>
        <ReportStatusNotice status={report.status} errors={report.errors} />
      </Box>
    )}
  </>
);
