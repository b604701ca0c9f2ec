import { ReactNode, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Typography } from '@material-ui/core';
import { ClusterHistoryResponse } from '@network-scorecard/common';
import { networkScorecardApiRef } from '../../api';
import { HistoryRangeButtons } from './HistoryRangeButtons';
import { historySeries } from './historySeries';
import {
  DEFAULT_HISTORY_RANGE,
  historyBounds,
  historyRangeOf,
  HistoryRangeId,
} from './ranges';
import { ReadinessBands } from './ReadinessBands';
import { ScoreChart } from './ScoreChart';

const History = ({ history }: { history: ClusterHistoryResponse }) => {
  if (history.items.length < 2) {
    return (
      <Typography variant="body2" color="textSecondary">
        {history.items.length === 0
          ? 'No scan in this range.'
          : 'One scan in this range: the trend appears after the next scan.'}
      </Typography>
    );
  }
  const series = historySeries(history.items);
  return (
    <>
      <ScoreChart
        points={series.points}
        rulesetChanges={series.rulesetChanges}
      />
      {history.total > history.items.length && (
        <Typography variant="caption" color="textSecondary" component="p">
          {history.items.length} of {history.total} scans shown, spread over the
          range; every change of grade, status, readiness or ruleset is among
          them.
        </Typography>
      )}
      <ReadinessBands readiness={series.readiness} />
    </>
  );
};

/** Score, coverage and readiness of one cluster over 30 days, 90 days or a year, from `GET /clusters/:name/history`. */
export const ScoreHistoryChart = ({
  cluster,
  refreshKey,
}: {
  cluster: string;
  refreshKey?: string;
}) => {
  const api = useApi(networkScorecardApiRef);
  const [range, setRange] = useState<HistoryRangeId>(DEFAULT_HISTORY_RANGE);
  const { value, loading, error } = useAsync(
    () => api.getClusterHistory(cluster, historyBounds(range)),
    [api, cluster, range, refreshKey],
  );
  let body: ReactNode;
  if (error) body = <ResponseErrorPanel error={error} />;
  else if (loading || !value) body = <Progress />;
  else body = <History history={value} />;
  return (
    <InfoCard
      title="Score history"
      subheader={`Score / 100 and coverage of each scan, ${
        historyRangeOf(range).title
      }; dashed lines mark ruleset changes`}
      action={<HistoryRangeButtons value={range} onChange={setRange} />}
    >
      {body}
    </InfoCard>
  );
};
