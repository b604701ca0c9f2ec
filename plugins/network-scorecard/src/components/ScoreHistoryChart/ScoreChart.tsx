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
            margin={{ top: 16, right: 16, left: 0 }}
            accessibilityLayer={false}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey="time"
              type="number"
              scale="time"
              domain={['dataMin', 'dataMax']}
              tickFormatter={dayOf}
              minTickGap={24}
            />
            <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} width={32} />
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
