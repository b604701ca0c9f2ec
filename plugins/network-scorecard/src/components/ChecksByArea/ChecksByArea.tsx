import { InfoCard } from '@backstage/core-components';
import { Box, Divider, Typography } from '@material-ui/core';
import { AREAS, CheckReport } from '@network-scorecard/common';
import { CheckItem } from '../CheckItem';
import { AREA_LABELS } from '../../utils/format';
import { sortChecksBySeverity } from '../../utils/status';

/** Every check, grouped by area, with the framework's default and "switch when". */
export const ChecksByArea = ({ checks }: { checks: CheckReport[] }) => (
  <InfoCard title="Checks">
    {AREAS.filter(area => checks.some(check => check.area === area)).map(
      area => (
        <Box key={area} mb={2}>
          <Typography variant="subtitle1">{AREA_LABELS[area]}</Typography>
          <Divider />
          {sortChecksBySeverity(
            checks.filter(check => check.area === area),
          ).map(check => (
            <CheckItem key={check.id} check={check} detailed />
          ))}
        </Box>
      ),
    )}
  </InfoCard>
);
