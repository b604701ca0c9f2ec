import { InfoCard } from '@backstage/core-components';
import { Box, LinearProgress, Tooltip, Typography } from '@material-ui/core';
import {
  AREA_WEIGHTS,
  AREAS,
  AreaScore,
  CheckReport,
} from '@network-scorecard/common';
import { AREA_LABELS, formatScore } from '../../utils/format';

export interface AreaScoresProps {
  areas: AreaScore[];
  checks: CheckReport[];
}

function source(area: AreaScore, checks: CheckReport[]): string {
  const own = checks.filter(check => check.area === area.id);
  const counted = own.filter(check => check.points !== null);
  const points = counted.reduce((sum, check) => sum + (check.points ?? 0), 0);
  const possible = counted.reduce((sum, check) => sum + check.weight, 0);
  const weight = `counts ${AREA_WEIGHTS[area.id]} % of the overall score`;
  if (area.score === null) {
    return `No check of this area applied or could be judged (${own.length} checks); ${weight}`;
  }
  return `${points} of ${possible} points from ${counted.length} judged checks; ${weight}`;
}

/** The six areas with their score out of 100 and a bar. */
export const AreaScores = ({ areas, checks }: AreaScoresProps) => (
  <InfoCard title="Areas">
    {AREAS.map(id => {
      const area = areas.find(a => a.id === id) ?? { id, score: null };
      return (
        <Box key={id} mb={1.5} data-testid={`area-${id}`}>
          <Box display="flex" justifyContent="space-between">
            <Typography variant="body2">{AREA_LABELS[id]}</Typography>
            <Tooltip title={source(area, checks)}>
              <Typography
                variant="body2"
                color={area.score === null ? 'textSecondary' : 'textPrimary'}
              >
                {area.score === null ? 'not scored' : formatScore(area.score)}
              </Typography>
            </Tooltip>
          </Box>
          <LinearProgress
            variant="determinate"
            value={area.score ?? 0}
            aria-label={`${AREA_LABELS[id]} score`}
          />
        </Box>
      );
    })}
  </InfoCard>
);
