import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { Typography, useTheme } from '@material-ui/core';
import { formatAbsoluteTime } from '../../utils/format';
import { RulesetChange, ScorePoint } from './historySeries';

const HEIGHT = 220;
/**
 * The plot area's insets in the chart, which the readiness bands below line
 * up with: room for the score axis on the left, and on the right for half of
 * the last day's label, which is centred on the plot's edge.
 */
export const PLOT_INSETS = { left: 16 + 32, right: 48 };
const TICK_STYLE = { fontSize: 12 };
const TICKS = 5;

/**
 * Up to five times spread evenly from the first scan to the last, both ends
 * included: left to itself, the time axis may label only one end, and a
 * reader cannot tell when the line starts.
 */
export function dayTicks(first: number, last: number): number[] {
  if (last <= first) return [first];
  const count = Math.min(TICKS, Math.floor((last - first) / 86_400_000) + 1);
  if (count < 2) return [first];
  return Array.from(
    { length: count },
    (_, i) => first + Math.round(((last - first) * i) / (count - 1)),
  );
}

export const dayOf = (time: number) =>
  new Date(time).toISOString().slice(0, 10);

function describe(points: ScorePoint[], changes: RulesetChange[]): string {
  const first = points[0];
  const latest = points[points.length - 1];
  const score =
    latest.score === null ? 'not graded' : `${Math.round(latest.score)} / 100`;
  const changed = changes
    .map(
      change =>
        `; ruleset changed to ${change.version} on ${dayOf(change.time)}`,
    )
    .join('');
  return `Score history: ${points.length} scans from ${dayOf(
    first.time,
  )} to ${dayOf(latest.time)}, latest ${score}, grade ${
    latest.grade
  }, coverage ${latest.coverage} %${changed}`;
}

/** Score and coverage per scan, with a marker where the ruleset changed. */
export const ScoreChart = ({
  points,
  rulesetChanges,
}: {
  points: ScorePoint[];
  rulesetChanges: RulesetChange[];
}) => {
  const { palette } = useTheme();
  const ticks = dayTicks(points[0].time, points[points.length - 1].time);
  return (
    <>
      <div role="img" aria-label={describe(points, rulesetChanges)}>
        <ResponsiveContainer
          width="100%"
          height={HEIGHT}
          initialDimension={{ width: 600, height: HEIGHT }}
        >
          <LineChart
            data={points}
            margin={{ top: 16, right: PLOT_INSETS.right, left: 16 }}
            accessibilityLayer={false}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey="time"
              type="number"
              scale="time"
              domain={['dataMin', 'dataMax']}
              ticks={ticks}
              interval={0}
              tick={TICK_STYLE}
              tickFormatter={dayOf}
            />
            <YAxis
              domain={[0, 100]}
              ticks={[0, 25, 50, 75, 100]}
              tick={TICK_STYLE}
              width={PLOT_INSETS.left - 16}
            />
            <Tooltip
              labelFormatter={time =>
                formatAbsoluteTime(new Date(Number(time)).toISOString())
              }
            />
            <Legend />
            {rulesetChanges.map(change => (
              <ReferenceLine
                key={change.time}
                x={change.time}
                stroke={palette.text.secondary}
                strokeDasharray="4 3"
                label={{
                  value: `ruleset ${change.version}`,
                  position: 'insideTopLeft',
                  fontSize: 11,
                  fill: palette.text.secondary,
                }}
              />
            ))}
            <Line
              dataKey="score"
              name="Score / 100"
              stroke={palette.primary.main}
              strokeWidth={2}
              dot={points.length <= 60}
              connectNulls={false}
              isAnimationActive={false}
            />
            <Line
              dataKey="coverage"
              name="Coverage %"
              stroke={palette.text.secondary}
              strokeDasharray="5 3"
              dot={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      {rulesetChanges.length > 0 && (
        <Typography variant="caption" color="textSecondary" component="p">
          Ruleset changed:{' '}
          {rulesetChanges
            .map(change => `${change.version} on ${dayOf(change.time)}`)
            .join(', ')}
          . Scores on either side of a change are measured by different rules.
        </Typography>
      )}
    </>
  );
};
