import { TextField } from '@material-ui/core';
import { Autocomplete } from '@material-ui/lab';
import { FilterOption } from './options';

/** One filter: any of the chosen values matches. Values chosen in a shared URL stay shown even when no row has them. */
export const MultiFilter = ({
  label,
  options,
  selected,
  onChange,
}: {
  label: string;
  options: FilterOption[];
  selected: string[];
  onChange: (values: string[]) => void;
}) => {
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
        <TextField {...params} variant="outlined" label={label} />
      )}
    />
  );
};
