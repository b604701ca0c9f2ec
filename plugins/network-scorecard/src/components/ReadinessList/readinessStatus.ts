import { useTheme } from '@material-ui/core';
import { ReadinessStatus } from '@network-scorecard/common';

/** Every readiness status, from what is done to what does not apply: the order of stacks, bands and legends. */
export const READINESS_STATUSES: ReadinessStatus[] = [
  'ready',
  'blocked',
  'unknown',
  'not-applicable',
];

export const READINESS_STATUS_LABELS: Record<ReadinessStatus, string> = {
  ready: 'ready',
  blocked: 'blocked',
  unknown: 'unknown',
  'not-applicable': 'not applicable',
};

/** A status this version does not know counts as unknown. */
export function readinessStatusOf(status: string): ReadinessStatus {
  return (READINESS_STATUSES as string[]).includes(status)
    ? (status as ReadinessStatus)
    : 'unknown';
}

/** The theme's status colours, as the status icons use them. */
export function useReadinessColours(): Record<ReadinessStatus, string> {
  const { palette } = useTheme();
  return {
    ready: palette.status.ok,
    blocked: palette.status.error,
    unknown: palette.status.pending,
    'not-applicable': palette.status.aborted,
  };
}
