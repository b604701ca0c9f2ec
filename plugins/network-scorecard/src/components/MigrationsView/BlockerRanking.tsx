import { Box, Typography } from '@material-ui/core';
import { plural } from '../../utils/format';
import { BlockerGroup } from './rankBlockers';

/** "n of n nodes run a kernel below 5.10 — 7 clusters", most clusters first. */
export const BlockerRanking = ({ groups }: { groups: BlockerGroup[] }) => {
  if (groups.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No blocker reported.
      </Typography>
    );
  }
  const grouped = groups.some(group => group.numbersDiffer);
  return (
    <>
      <ol style={{ margin: 0, paddingLeft: 24 }} aria-label="Blockers">
        {groups.map(group => (
          <li key={group.text} data-testid="blocker-group">
            <Typography variant="body2">
              {group.text} —{' '}
              <strong>{plural(group.clusters.length, 'cluster')}</strong>
            </Typography>
            <Typography variant="caption" color="textSecondary">
              {group.clusters.join(', ')}
            </Typography>
          </li>
        ))}
      </ol>
      {grouped && (
        <Box mt={1}>
          <Typography variant="caption" color="textSecondary">
            Blockers that differ only in their numbers (such as node counts or
            kernel versions) are counted as one; “n” stands for a number that
            differs between clusters.
          </Typography>
        </Box>
      )}
    </>
  );
};
