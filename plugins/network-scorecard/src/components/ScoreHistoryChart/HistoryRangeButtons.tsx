import { Button, ButtonGroup } from '@material-ui/core';
import { HISTORY_RANGES, HistoryRangeId } from './ranges';

export interface HistoryRangeButtonsProps {
  value: HistoryRangeId;
  onChange(range: HistoryRangeId): void;
}

/** 30 d / 90 d / 1 y as toggle buttons; the pressed one is the range shown. */
export const HistoryRangeButtons = ({
  value,
  onChange,
}: HistoryRangeButtonsProps) => (
  <ButtonGroup size="small" role="group" aria-label="History range">
    {HISTORY_RANGES.map(range => (
      <Button
        key={range.id}
        aria-pressed={range.id === value}
        title={range.title}
        color={range.id === value ? 'primary' : 'default'}
        variant={range.id === value ? 'contained' : 'outlined'}
        onClick={() => onChange(range.id)}
      >
        {range.label}
      </Button>
    ))}
  </ButtonGroup>
);
