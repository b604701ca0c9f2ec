import { InfoCard } from '@backstage/core-components';
import { Box, Typography } from '@material-ui/core';
import { ReadinessReport } from '@network-scorecard/common';
import { StatusLabel } from '../StatusLabel';

const Items = ({ label, items }: { label: string; items: string[] }) =>
  items.length === 0 ? null : (
    <>
      <Typography variant="caption" color="textSecondary">
        {label}
      </Typography>
      <ul style={{ margin: 0, paddingLeft: 20 }}>
        {items.map(item => (
          <li key={item}>
            <Typography variant="body2">{item}</Typography>
          </li>
        ))}
      </ul>
    </>
  );

/** Migration readiness: what blocks each move and which steps remain. */
export const ReadinessList = ({
  readiness,
}: {
  readiness: ReadinessReport[];
}) => (
  <InfoCard title="Migration readiness">
    {readiness.length === 0 && (
      <Typography variant="body2" color="textSecondary">
        No readiness item applies to this cluster.
      </Typography>
    )}
    {readiness.map(item => (
      <Box key={item.id} mb={2} data-testid={`readiness-${item.id}`}>
        <Box display="flex" alignItems="center" style={{ gap: 8 }}>
          <StatusLabel status={item.status} />
          <Typography variant="subtitle2">{item.title}</Typography>
        </Box>
        <Items
          label={`Blockers (${item.blockers.length})`}
          items={item.blockers}
        />
        <Items label={`Steps left (${item.steps.length})`} items={item.steps} />
      </Box>
    ))}
  </InfoCard>
);
