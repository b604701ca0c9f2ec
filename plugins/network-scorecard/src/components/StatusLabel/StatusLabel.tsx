import { ReactNode } from 'react';
import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';

type Tone = 'ok' | 'warning' | 'error' | 'unknown' | 'off';

/** Every status of checks, anti-patterns and readiness; anything else is shown as unknown. */
const TONES: Record<string, { tone: Tone; label: string }> = {
  pass: { tone: 'ok', label: 'pass' },
  warn: { tone: 'warning', label: 'warn' },
  fail: { tone: 'error', label: 'fail' },
  unknown: { tone: 'unknown', label: 'unknown' },
  'not-applicable': { tone: 'off', label: 'not applicable' },
  detected: { tone: 'error', label: 'detected' },
  acknowledged: { tone: 'warning', label: 'acknowledged' },
  clear: { tone: 'ok', label: 'clear' },
  ready: { tone: 'ok', label: 'ready' },
  blocked: { tone: 'error', label: 'blocked' },
};

const ICONS: Record<Tone, (props: { children?: ReactNode }) => JSX.Element> = {
  ok: StatusOK,
  warning: StatusWarning,
  error: StatusError,
  unknown: StatusPending,
  off: StatusAborted,
};

/** A status icon with its word, so colour is never the only signal. */
export const StatusLabel = ({ status }: { status: string }) => {
  const { tone, label } = TONES[status] ?? TONES.unknown;
  const Icon = ICONS[tone];
  return (
    <span data-status={label}>
      <Icon>{label}</Icon>
    </span>
  );
};
