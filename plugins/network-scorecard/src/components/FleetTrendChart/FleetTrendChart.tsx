import { memo } from 'react';
import useAsync from 'react-use/esm/useAsync';
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
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Typography } from '@material-ui/core';
import { FleetHistoryBucket, Grade } from '@network-scorecard/common';
import { networkScorecardApiRef } from '../../api';
import { GRADE_COLORS } from '../../utils/grades';
import { describeWeek, gradesOf } from './gradeWeeks';

const HEIGHT = 220;
const day = (iso: string) => iso.slice(0, 10);
const gradeName = (grade: string) =>
  grade === '?' ? 'not graded (?)' : `grade ${grade}`;

const Chart = ({ buckets }: { buckets: FleetHistoryBucket[] }) => {
  const grades = gradesOf(buckets);
  const latest = buckets[buckets.length - 1];
  const label = `Clusters by grade over ${
    buckets.length
  } weeks; first ${describeWeek(buckets[0], grades)}; latest ${describeWeek(
    latest,
    grades,
  )}.`;
  return (
    <div role="img" aria-label={label}>
      <ResponsiveContainer
        width="100%"
        height={HEIGHT}
        initialDimension={{ width: 600, height: HEIGHT }}
      >
        <BarChart data={buckets} margin={{ top: 8, right: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="start" tickFormatter={day} minTickGap={16} />
          <YAxis allowDecimals={false} width={44} />
          <Tooltip labelFormatter={value => `Week of ${day(String(value))}`} />
          <Legend />
          {grades.map(grade => (
            <Bar
              key={grade}
              name={gradeName(grade)}
              dataKey={(bucket: FleetHistoryBucket) =>
                bucket.byGrade[grade] ?? 0
              }
              stackId="clusters"
              fill={
                (GRADE_COLORS[grade as Grade] ?? GRADE_COLORS['?']).background
              }
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
};

const FleetTrend = () => {
  const api = useApi(networkScorecardApiRef);
  const { value, loading, error } = useAsync(
    () => api.getFleetHistory({ bucket: 'week' }),
    [api],
  );
  let body;
  if (error) body = <ResponseErrorPanel error={error} />;
  else if (loading || !value) body = <Progress />;
  else if (value.buckets.length === 0) {
    body = (
      <Typography variant="body2" color="textSecondary">
        No cluster was scanned in the last year.
      </Typography>
    );
  } else body = <Chart buckets={value.buckets} />;
  return (
    <InfoCard
      title="Grades over time"
      subheader="Clusters scanned each week, by the grade of their last scan in that week"
    >
      {body}
    </InfoCard>
  );
};

/**
 * The fleet week by week: how many clusters were scanned, stacked by grade,
 * from `GET /fleet/history`. Memoised: a change of the page's filters does not
 * redraw it.
 */
export const FleetTrendChart = memo(FleetTrend);
