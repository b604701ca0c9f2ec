import { ReactNode } from 'react';
import useAsync from 'react-use/esm/useAsync';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Typography, useTheme } from '@material-ui/core';
import { HistoryPoint } from '@network-scorecard/common';
import { networkScorecardApiRef } from '../../api';
import { formatAbsoluteTime, formatScore } from '../../utils/format';
import { chartGeometry, HEIGHT, PAD, WIDTH, yFor } from './geometry';

const HISTORY_LIMIT = 90;

function describe(point: HistoryPoint): string {
  const score = point.score === null ? 'not graded' : formatScore(point.score);
  return `${formatAbsoluteTime(point.scannedAt)}: ${score}, grade ${
    point.grade
  }, ruleset ${point.rulesetVersion}`;
}

const Chart = ({ history }: { history: HistoryPoint[] }) => {
  const theme = useTheme();
  const { points, segments, rulesetChanges } = chartGeometry(history);
  const latest = points[points.length - 1]?.point;
  const label = `Score history: ${history.length} scans, latest ${
    latest?.score === null || !latest ? 'not graded' : formatScore(latest.score)
  }`;
  const muted = theme.palette.text.secondary;
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width="100%"
      role="img"
      aria-label={label}
    >
      {[0, 50, 100].map(tick => (
        <g key={tick}>
          <line
            x1={PAD.left}
            x2={WIDTH - PAD.right}
            y1={yFor(tick)}
            y2={yFor(tick)}
            stroke={theme.palette.divider}
          />
          <text
            x={PAD.left - 6}
            y={yFor(tick) + 4}
            textAnchor="end"
            fontSize={11}
            fill={muted}
          >
            {tick}
          </text>
        </g>
      ))}
      {rulesetChanges.map(change => (
        <line
          key={change.x}
          x1={change.x}
          x2={change.x}
          y1={PAD.top}
          y2={HEIGHT - PAD.bottom}
          stroke={muted}
          strokeDasharray="4 3"
        >
          <title>{`Ruleset changed to ${change.version}: scores before and after are measured differently`}</title>
        </line>
      ))}
      {segments.map(segment => (
        <polyline
          key={segment}
          points={segment}
          fill="none"
          stroke={theme.palette.primary.main}
          strokeWidth={2}
        />
      ))}
      {points.map(p => (
        <circle
          key={p.point.scannedAt}
          cx={p.x}
          cy={p.y ?? HEIGHT - PAD.bottom}
          r={p.y === null ? 2 : 3}
          fill={p.y === null ? muted : theme.palette.primary.main}
        >
          <title>{describe(p.point)}</title>
        </circle>
      ))}
      {points.length > 0 && (
        <>
          <text x={PAD.left} y={HEIGHT - 6} fontSize={11} fill={muted}>
            {points[0].point.scannedAt.slice(0, 10)}
          </text>
          <text
            x={WIDTH - PAD.right}
            y={HEIGHT - 6}
            fontSize={11}
            fill={muted}
            textAnchor="end"
          >
            {latest?.scannedAt.slice(0, 10)}
          </text>
        </>
      )}
    </svg>
  );
};

/** Score out of 100 per scan over time, from `GET /clusters/:name/history`. */
export const ScoreHistoryChart = ({
  cluster,
  refreshKey,
}: {
  cluster: string;
  refreshKey?: string;
}) => {
  const api = useApi(networkScorecardApiRef);
  const { value, loading, error } = useAsync(
    () => api.getClusterHistory(cluster, { limit: HISTORY_LIMIT }),
    [api, cluster, refreshKey],
  );
  let body: ReactNode;
  if (error) body = <ResponseErrorPanel error={error} />;
  else if (loading || !value) body = <Progress />;
  else if (value.items.length < 2) {
    body = (
      <Typography variant="body2" color="textSecondary">
        {value.items.length === 0
          ? 'No scan yet.'
          : 'One scan so far: the trend appears after the next scan.'}
      </Typography>
    );
  } else body = <Chart history={value.items} />;
  return (
    <InfoCard
      title="Score history"
      subheader={`Score / 100 of each stored scan (up to the last ${HISTORY_LIMIT}); hover a point for its time, grade and ruleset`}
    >
      {body}
    </InfoCard>
  );
};
