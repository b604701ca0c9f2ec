import { Typography } from '@material-ui/core';
import { LazyTooltip } from '../LazyTooltip';
import { PreviousScan } from '@network-scorecard/common';
import { formatAbsoluteTime } from '../../utils/format';

/**
 * The change of score since the scan before, saying whether the method
 * (ruleset) changed in between, so a new rule is not mistaken for a regression.
 */
export const ScoreTrend = ({
  score,
  rulesetVersion,
  previous,
}: {
  score: number | null;
  rulesetVersion: string | null;
  previous: PreviousScan | null;
}) => {
  if (!previous || previous.score === null || score === null) return null;
  const delta = Math.round((score - previous.score) * 10) / 10;
  const methodChanged = previous.rulesetVersion !== rulesetVersion;
  const since = `since the scan of ${formatAbsoluteTime(previous.scannedAt)} (${
    previous.score
  } / 100)`;
  const why = methodChanged
    ? `; the ruleset changed from ${previous.rulesetVersion} to ${rulesetVersion}, so part of the change is a change of method`
    : '; same ruleset, so the cluster itself changed';
  const label =
    delta === 0 ? '±0' : `${delta > 0 ? '▲' : '▼'} ${Math.abs(delta)}`;
  return (
    <LazyTooltip
      title={`${delta > 0 ? '+' : ''}${delta} points ${since}${why}`}
    >
      <Typography
        variant="caption"
        component="span"
        data-testid="score-trend"
        style={{ marginLeft: 8, whiteSpace: 'nowrap' }}
        color={delta < 0 ? 'error' : 'textSecondary'}
      >
        {label}
        {methodChanged ? '*' : ''}
      </Typography>
    </LazyTooltip>
  );
};
