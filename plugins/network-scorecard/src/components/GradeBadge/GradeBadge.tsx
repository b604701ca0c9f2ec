import { Box, Tooltip, Typography } from '@material-ui/core';
import { Grade } from '@network-scorecard/common';
import {
  GRADE_COLORS,
  GRADE_SCALE,
  UNGRADED_EXPLANATION,
} from '../../utils/grades';
import { formatPercent, formatScore } from '../../utils/format';

export interface GradeBadgeProps {
  /** null: never scanned */
  grade: Grade | null;
  score?: number | null;
  coverage?: number;
  size?: 'small' | 'large';
  testId?: string;
}

function explanation(props: GradeBadgeProps): string {
  if (props.grade === null) return 'not scanned yet';
  const coverage =
    props.coverage !== undefined
      ? `; ${formatPercent(
          props.coverage,
        )} of applicable checks could be judged`
      : '';
  if (props.grade === '?') return `${UNGRADED_EXPLANATION}${coverage}`;
  const score =
    props.score !== undefined
      ? `score ${formatScore(props.score ?? null)}, `
      : '';
  return `Grade of the last scan: ${score}${GRADE_SCALE}${coverage}`;
}

/** The letter grade in its colour, with a tooltip saying how it was derived. */
export const GradeBadge = (props: GradeBadgeProps) => {
  const { grade, size = 'small', testId } = props;
  // a grade this version does not know is shown grey, like "?"
  const colors = grade
    ? GRADE_COLORS[grade] ?? GRADE_COLORS['?']
    : { background: 'transparent', color: 'inherit' };
  const large = size === 'large';
  return (
    <Tooltip title={explanation(props)}>
      <Box
        component="span"
        data-testid={testId}
        aria-label={grade === null ? 'not scanned yet' : `grade ${grade}`}
        display="inline-flex"
        alignItems="center"
        justifyContent="center"
        minWidth={large ? 56 : 28}
        height={large ? 56 : 24}
        px={large ? 0 : 1}
        borderRadius={large ? 8 : 12}
        border={grade === null ? 1 : 0}
        style={{ background: colors.background, color: colors.color }}
      >
        <Typography
          component="span"
          variant={large ? 'h4' : 'body2'}
          style={{ fontWeight: 700, color: 'inherit' }}
        >
          {grade ?? '–'}
        </Typography>
      </Box>
    </Tooltip>
  );
};
