import { InfoCard, Link } from '@backstage/core-components';
import { Box, Typography } from '@material-ui/core';
import { ReadinessReport } from '@network-scorecard/common';
import { StatusLabel } from '../StatusLabel';
import { useMigrationsLink } from './useMigrationsLink';

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

/** Migration readiness: what blocks each move, which steps remain, and a way to the same item across the fleet. */
export const ReadinessList = ({
  readiness,
}: {
  readiness: ReadinessReport[];
}) => {
  const migrationsLink = useMigrationsLink();
  return (
    <InfoCard title="Migration readiness">
      {readiness.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          No readiness item applies to this cluster.
        </Typography>
      )}
      {readiness.map(item => (
        <Box key={item.id} mb={2} data-testid={`readiness-${item.id}`}>
          <Box
            display="flex"
            alignItems="center"
            flexWrap="wrap"
            style={{ gap: 8 }}
          >
            <StatusLabel status={item.status} />
            <Typography variant="subtitle2">{item.title}</Typography>
            {migrationsLink && (
              <Typography variant="body2" component="span">
                <Link
                  to={migrationsLink(item.id)}
                  aria-label={`Track across the fleet: ${item.title}`}
                >
                  Track across the fleet
                </Link>
              </Typography>
            )}
          </Box>
          <Items
            label={`Blockers (${item.blockers.length})`}
            items={item.blockers}
          />
          <Items
            label={`Steps left (${item.steps.length})`}
            items={item.steps}
          />
        </Box>
      ))}
    </InfoCard>
  );
};
