import { memo, useEffect, useReducer, useRef } from 'react';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
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

/**
 * The line's geometry comes from d3-shape, the primitives recharts itself is
 * built on: a table page mounts many sparklines, and a whole recharts chart
 * for each (its own store, axes and layout passes) was the largest part of
 * showing a page of rows.
 */
function linePath(points: HistoryPoint[]): string {
  const x = scaleLinear()
    .domain([0, Math.max(1, points.length - 1)])
    .range([1, WIDTH - 1]);
  const y = scaleLinear()
    .domain([0, 100])
    .range([HEIGHT - 1, 1]);
  return (
    line<HistoryPoint>()
      // an unscored scan is a gap, not a zero
      .defined(point => point.score !== null)
      .x((_point, i) => x(i))
      .y(point => y(point.score ?? 0))(points) ?? ''
  );
}

const Chart = ({ points }: { points: HistoryPoint[] }) => {
  const theme = useTheme();
  return (
    <span role="img" aria-label={describe(points)} title={describe(points)}>
      <svg width={WIDTH} height={HEIGHT} aria-hidden>
        <path
          d={linePath(points)}
          fill="none"
          stroke={theme.palette.primary.main}
          strokeWidth={1.5}
        />
      </svg>
    </span>
  );
};

const Lazy = ({ cluster }: { cluster: string }) => {
  const loader = useHistoryLoader();
  const box = useRef<HTMLSpanElement>(null);
  const seen = useSeenOnce(box);
  // Read in this render: a row's place that comes to show another cluster
  // (a filter change) draws that cluster's line at once when it was loaded
  // before, and never the previous cluster's while it loads.
  const points = loader.peek(cluster);
  const [, loaded] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (!seen || points !== undefined) return undefined;
    let mounted = true;
    const done = () => mounted && loaded();
    loader.load(cluster).then(done, done);
    return () => {
      mounted = false;
    };
  }, [seen, points, loader, cluster]);
  const scored = points?.filter(point => point.score !== null).length ?? 0;
  return (
    <span
      ref={box}
      data-testid={`sparkline-${cluster}`}
      style={{ display: 'block', width: WIDTH, height: HEIGHT }}
    >
      {points && scored >= 2 && <Chart points={points} />}
    </span>
  );
};

/**
 * A cluster's recent scores as a small line, fetched only once the row comes
 * near the viewport; nothing while loading, on failure or with fewer than two
 * scored scans.
 */
export const ScoreSparkline = memo(Lazy);
