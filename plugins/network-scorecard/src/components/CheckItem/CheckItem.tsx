import { Box, Tooltip, Typography } from '@material-ui/core';
import { CheckReport } from '@network-scorecard/common';
import { StatusLabel } from '../StatusLabel';

export interface CheckItemProps {
  check: CheckReport;
  /** also show the framework's default, its "switch when" condition and the points */
  detailed?: boolean;
}

export const EvidenceList = ({ evidence }: { evidence: string[] }) => {
  if (evidence.length === 0) return null;
  return (
    <details>
      <summary>
        <Typography variant="caption" color="textSecondary" component="span">
          Evidence ({evidence.length})
        </Typography>
      </summary>
      <ul style={{ margin: 0, paddingLeft: 20 }}>
        {evidence.map((line, index) => (
          <li key={index}>
            <Typography
              variant="caption"
              component="code"
              color="textSecondary"
            >
              {line}
            </Typography>
          </li>
        ))}
      </ul>
    </details>
  );
};

/** One check of a report: status, title, what to do, and what it saw. */
export const CheckItem = ({ check, detailed }: CheckItemProps) => (
  <Box py={1} data-testid={`check-${check.id}`}>
    <Box
      display="flex"
      alignItems="center"
      justifyContent="space-between"
      style={{ gap: 8 }}
    >
      <Box display="flex" alignItems="center" style={{ gap: 8 }}>
        <StatusLabel status={check.status} />
        <Typography variant="subtitle2">{check.title}</Typography>
      </Box>
      {detailed && (
        <Tooltip
          title={`Points this check earned in its area: weight ${check.weight} × (pass 1, warn 0.5, fail 0); unknown and not-applicable checks do not count`}
        >
          <Typography variant="caption" color="textSecondary">
            {check.points === null
              ? `not counted (weight ${check.weight})`
              : `${check.points} / ${check.weight} points`}
          </Typography>
        </Tooltip>
      )}
    </Box>
    <Typography variant="body2">{check.recommendation}</Typography>
    {detailed && (
      <Typography variant="caption" color="textSecondary" component="div">
        <strong>Default:</strong> {check.default} ·{' '}
        <strong>Switch when:</strong> {check.switchWhen}
      </Typography>
    )}
    <EvidenceList evidence={check.evidence} />
  </Box>
);
