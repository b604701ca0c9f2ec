import { memo } from 'react';
import { makeStyles, TextField } from '@material-ui/core';
import { Autocomplete } from '@material-ui/lab';
import { FilterOption } from './options';

interface MultiFilterProps {
  label: string;
  options: FilterOption[];
  selected: string[];
  /** keep it stable: a filter whose props are unchanged is not rendered again */
  onChange: (values: string[]) => void;
}

// A long label inside the box stops short of the open button instead of
// running under it; once raised onto the outline it has the whole width.
const useStyles = makeStyles({
  label: {
    maxWidth: 'calc(100% - 52px)',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  raised: { maxWidth: 'calc(133% - 32px)' },
});

const sameValues = (a: string[], b: string[]) =>
  a.length === b.length && a.every((value, i) => value === b[i]);

const Filter = ({ label, options, selected, onChange }: MultiFilterProps) => {
  const classes = useStyles();
  const known = new Map(options.map(option => [option.value, option]));
  const value = selected.map(
    chosen => known.get(chosen) ?? { value: chosen, label: chosen },
  );
  const missing = value.filter(option => !known.has(option.value));
  return (
    <Autocomplete<FilterOption, true>
      multiple
      size="small"
      limitTags={2}
      options={[...options, ...missing]}
      value={value}
      getOptionLabel={option => option.label}
      getOptionSelected={(option, chosen) => option.value === chosen.value}
      onChange={(_event, next) => onChange(next.map(option => option.value))}
      renderInput={params => (
        <TextField
          {...params}
          variant="outlined"
          label={label}
          InputLabelProps={{
            ...params.InputLabelProps,
            classes: { root: classes.label, shrink: classes.raised },
          }}
        />
      )}
    />
  );
};

/**
 * One filter: any of the chosen values matches. Values chosen in a shared URL
 * stay shown even when no row has them. Rendered again only when its own
 * choices change, not on every change of another filter.
 */
export const MultiFilter = memo(
  Filter,
  (before, after) =>
    before.label === after.label &&
    before.options === after.options &&
    before.onChange === after.onChange &&
    sameValues(before.selected, after.selected),
);
