import { makeStyles, Typography } from '@material-ui/core';
import { LazyTooltip } from '../LazyTooltip';
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

// Static classes, not <Box>: a Box mounts a style sheet of its own, and the
// fleet table shows a badge on every row.
const useStyles = makeStyles({
  badge: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
  },
  small: { minWidth: 28, height: 24, padding: '0 8px', borderRadius: 12 },
  large: { minWidth: 56, height: 56, borderRadius: 8 },
  unscanned: { border: '1px solid' },
  letter: { fontWeight: 700, color: 'inherit' },
});

/** The letter grade in its colour, with a tooltip saying how it was derived. */
export const GradeBadge = (props: GradeBadgeProps) => {
  const { grade, size = 'small', testId } = props;
  // a grade this version does not know is shown grey, like "?"
  const colors = grade
    ? GRADE_COLORS[grade] ?? GRADE_COLORS['?']
    : { background: 'transparent', color: 'inherit' };
  const large = size === 'large';
  const classes = useStyles();
  const className = [
    classes.badge,
    large ? classes.large : classes.small,
    grade === null ? classes.unscanned : '',
  ].join(' ');
  return (
    <LazyTooltip title={explanation(props)}>
      <span
        className={className}
        data-testid={testId}
        aria-label={grade === null ? 'not scanned yet' : `grade ${grade}`}
        style={{ background: colors.background, color: colors.color }}
      >
        <Typography
          component="span"
          variant={large ? 'h4' : 'body2'}
          className={classes.letter}
        >
          {grade ?? '–'}
        </Typography>
      </span>
    </LazyTooltip>
  );
};
