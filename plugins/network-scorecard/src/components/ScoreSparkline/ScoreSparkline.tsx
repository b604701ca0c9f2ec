import { memo, useRef } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { Line, LineChart, YAxis } from 'recharts';
import { useTheme } from '@material-ui/core';
import { HistoryPoint } from '@network-scorecard/common';
import { useHistoryLoader } from './SparklineHistory';
import { useSeenOnce } from './useInView';

const WIDTH = 80;
const HEIGHT = 24;

function describe(points: HistoryPoint[]): string {
  const scored = points.filter(point => point.score !== null);
  const first = scored[0]?.score;
  const last = scored[scored.length - 1]?.score;
  return `Score over the last ${points.length} scans: ${Math.round(
    first ?? 0,
  )} to ${Math.round(last ?? 0)} / 100`;
}

const Chart = ({ points }: { points: HistoryPoint[] }) => {
  const theme = useTheme();
  return (
    <span role="img" aria-label={describe(points)} title={describe(points)}>
      <LineChart width={WIDTH} height={HEIGHT} data={points}>
        <YAxis hide domain={[0, 100]} />
        <Line
          dataKey="score"
          stroke={theme.palette.primary.main}
          strokeWidth={1.5}
          dot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </span>
  );
};

const Lazy = ({ cluster }: { cluster: string }) => {
  const loader = useHistoryLoader();
  const box = useRef<HTMLSpanElement>(null);
  const seen = useSeenOnce(box);
  const { value } = useAsync(
    async () => (seen ? loader.load(cluster) : undefined),
    [seen, loader, cluster],
  );
  const scored = value?.filter(point => point.score !== null).length ?? 0;
  return (
    <span
      ref={box}
      data-testid={`sparkline-${cluster}`}
      style={{ display: 'block', width: WIDTH, height: HEIGHT }}
    >
      {value && scored >= 2 && <Chart points={value} />}
    </span>
  );
};

/**
 * A cluster's recent scores as a small line, fetched only once the row comes
 * near the viewport; nothing while loading, on failure or with fewer than two
 * scored scans.
 */
export const ScoreSparkline = memo(Lazy);
