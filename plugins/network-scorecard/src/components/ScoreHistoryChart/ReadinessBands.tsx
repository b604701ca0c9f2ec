import { Box, Typography } from '@material-ui/core';
import { defaultRuleset } from '@network-scorecard/common';
import {
  READINESS_STATUS_LABELS,
  READINESS_STATUSES,
  useReadinessColours,
} from '../ReadinessList';
import { StatusRun } from './historySeries';
import { dayOf, PLOT_INSETS } from './ScoreChart';

const TITLES = new Map(defaultRuleset.readiness.map(r => [r.id, r.title]));

function describeRuns(title: string, runs: StatusRun[]): string {
  const parts = runs.map((run, index) =>
    index === runs.length - 1
      ? `${READINESS_STATUS_LABELS[run.status]} since ${dayOf(run.from)}`
      : `${READINESS_STATUS_LABELS[run.status]} from ${dayOf(
          run.from,
        )} to ${dayOf(run.to)}`,
  );
  return `${title}: ${parts.join(', ')}`;
}

/** One strip per readiness item, coloured by its status over the same time as the score chart, under its plot area. */
export const ReadinessBands = ({
  readiness,
}: {
  readiness: Map<string, StatusRun[]>;
}) => {
  const colours = useReadinessColours();
  if (readiness.size === 0) return null;
  return (
    <Box mt={2}>
      <Typography variant="subtitle2" component="h3">
        Readiness over time
      </Typography>
      {[...readiness].map(([id, runs]) => {
        const title = TITLES.get(id) ?? id;
        return (
          <Box
            key={id}
            mt={1}
            data-testid={`readiness-band-${id}`}
            style={{
              paddingLeft: PLOT_INSETS.left,
              paddingRight: PLOT_INSETS.right,
            }}
          >
            <Typography variant="caption" color="textSecondary">
              {title}
            </Typography>
            <Box
              role="img"
              aria-label={describeRuns(title, runs)}
              display="flex"
              height={12}
              borderRadius={2}
              overflow="hidden"
            >
              {runs.map(run => (
                <Box
                  key={run.from}
                  title={`${READINESS_STATUS_LABELS[run.status]} from ${dayOf(
                    run.from,
                  )}`}
                  style={{
                    flex: `${run.to - run.from} 0 3px`,
                    background: colours[run.status],
                  }}
                />
              ))}
            </Box>
          </Box>
        );
      })}
      <Box display="flex" flexWrap="wrap" mt={1} style={{ gap: 12 }}>
        {READINESS_STATUSES.map(status => (
          <Box
            key={status}
            display="flex"
            alignItems="center"
            style={{ gap: 4 }}
          >
            <Box
              width={10}
              height={10}
              style={{ background: colours[status] }}
            />
            <Typography variant="caption">
              {READINESS_STATUS_LABELS[status]}
            </Typography>
          </Box>
        ))}
      </Box>
    </Box>
  );
};
