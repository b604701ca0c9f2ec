import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { Typography } from '@material-ui/core';
import {
  READINESS_STATUS_LABELS,
  READINESS_STATUSES,
  useReadinessColours,
} from '../ReadinessList';
import { ReadinessWeek } from './readinessTrend';

const HEIGHT = 260;

const day = (iso: string) => iso.slice(0, 10);

function describeWeek(week: ReadinessWeek): string {
  return READINESS_STATUSES.map(
    status => `${week[status]} ${READINESS_STATUS_LABELS[status]}`,
  ).join(', ');
}

/** Clusters per readiness status, one stacked bar per week. */
export const ReadinessTrendChart = ({
  title,
  weeks,
}: {
  title: string;
  weeks: ReadinessWeek[];
}) => {
  const colours = useReadinessColours();
  if (weeks.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No cluster was scanned in this range.
      </Typography>
    );
  }
  const first = weeks[0];
  const latest = weeks[weeks.length - 1];
  const label = `${title}: clusters per status over ${
    weeks.length
  } weeks. Week of ${day(first.start)}: ${describeWeek(first)}. Week of ${day(
    latest.start,
  )}: ${describeWeek(latest)}.`;
  return (
    <>
      <div role="img" aria-label={label}>
        <ResponsiveContainer
          width="100%"
          height={HEIGHT}
          initialDimension={{ width: 600, height: HEIGHT }}
        >
          <BarChart
            data={weeks}
            margin={{ top: 8, right: 8, left: 0 }}
            accessibilityLayer={false}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="start" tickFormatter={day} minTickGap={16} />
            <YAxis allowDecimals={false} width={44} />
            <Tooltip
              labelFormatter={value => `Week of ${day(String(value))}`}
            />
            <Legend />
            {READINESS_STATUSES.map(status => (
              <Bar
                key={status}
                dataKey={status}
                name={READINESS_STATUS_LABELS[status]}
                stackId="clusters"
                fill={colours[status]}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <Typography variant="body2" color="textSecondary">
        Week of {day(latest.start)}: {describeWeek(latest)}
      </Typography>
    </>
  );
};
