import { ReactNode, useLayoutEffect, useMemo, useRef } from 'react';
import { Button, makeStyles, TextField, Typography } from '@material-ui/core';
import { FleetRow } from '../FleetTable/rows';
import { plural } from '../../utils/format';
import {
  FleetFilterValues,
  formatReadinessCondition,
  hasFilters,
  NO_FILTERS,
  parseReadinessCondition,
  ReadinessCondition,
} from './filters';
import { GroupTree } from './groupTree';
import { MultiFilter } from './MultiFilter';
import { filterOptions } from './options';

const useStyles = makeStyles(theme => ({
  // as many columns as fit: the controls wrap instead of widening the page
  controls: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))',
    gap: theme.spacing(1.5),
  },
  footer: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: theme.spacing(1),
    marginTop: theme.spacing(1.5),
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: 8 },
}));

type ListKey = 'grade' | 'cni' | 'mesh' | 'lifecycle' | 'owner' | 'antiPattern';

const LIST_FILTERS: { key: ListKey; label: string }[] = [
  { key: 'grade', label: 'Grade' },
  { key: 'cni', label: 'CNI' },
  { key: 'mesh', label: 'Service mesh' },
  { key: 'lifecycle', label: 'Lifecycle' },
  { key: 'owner', label: 'Owner (with sub-groups)' },
  { key: 'antiPattern', label: 'Detected anti-pattern' },
];

export interface FleetFiltersProps {
  /** every row, for the choices */
  rows: FleetRow[];
  /** how many rows the filters let through */
  shown: number;
  filters: FleetFilterValues;
  onChange: (filters: FleetFilterValues) => void;
  groups: GroupTree;
  /** the catalog's groups could not be read: owners match exactly */
  groupsError?: Error;
  /** shown beside the count, e.g. the CSV download */
  actions?: ReactNode;
}

/** Filters and text search over the fleet; the page keeps them in the URL. */
export const FleetFilters = (props: FleetFiltersProps) => {
  const { rows, shown, filters, onChange, groups, groupsError, actions } =
    props;
  const classes = useStyles();
  const options = useMemo(() => filterOptions(rows, groups), [rows, groups]);
  const search = useRef<HTMLInputElement>(null);
  // Clear filters hands focus to the search box once the cleared filters are
  // on the page: focusing earlier, in the click, lays the page out an extra
  // time before the change is rendered.
  const focusSearch = useRef(false);
  useLayoutEffect(() => {
    if (!focusSearch.current) return;
    focusSearch.current = false;
    search.current?.focus();
  });
  // the list filters' callbacks stay the same across renders (so an unchanged
  // filter is not rendered again) and always change the latest filters
  const latest = useRef({ filters, onChange });
  latest.current = { filters, onChange };
  const setters = useMemo(() => {
    const change = (next: Partial<FleetFilterValues>) =>
      latest.current.onChange({ ...latest.current.filters, ...next });
    const lists = Object.fromEntries(
      LIST_FILTERS.map(({ key }) => [
        key,
        (values: string[]) => change({ [key]: values }),
      ]),
    ) as Record<ListKey, (values: string[]) => void>;
    const readiness = (values: string[]) =>
      change({
        readiness: values
          .map(parseReadinessCondition)
          .filter(
            (condition): condition is ReadinessCondition => condition !== null,
          ),
      });
    return { lists, readiness };
  }, []);
  return (
    <section aria-label="Filter clusters">
      <div className={classes.controls}>
        <TextField
          id="network-scorecard-fleet-search"
          type="search"
          size="small"
          variant="outlined"
          label="Search clusters"
          inputRef={search}
          value={filters.q}
          onChange={event => onChange({ ...filters, q: event.target.value })}
        />
        {LIST_FILTERS.map(({ key, label }) => (
          <MultiFilter
            key={key}
            label={label}
            options={options[key]}
            selected={filters[key]}
            onChange={setters.lists[key]}
          />
        ))}
        <MultiFilter
          label="Readiness"
          options={options.readiness}
          selected={filters.readiness.map(formatReadinessCondition)}
          onChange={setters.readiness}
        />
      </div>
      <div className={classes.footer}>
        <Typography variant="body2" color="textSecondary" role="status">
          {shown === rows.length
            ? `Showing all ${plural(rows.length, 'cluster')}`
            : `Showing ${shown} of ${plural(rows.length, 'cluster')}`}
          {groupsError &&
            filters.owner.length > 0 &&
            ` — the catalog's groups could not be read (${groupsError.message}), so owners match exactly, without sub-groups`}
        </Typography>
        <div className={classes.actions}>
          {hasFilters(filters) && (
            <Button
              size="small"
              onClick={() => {
                onChange(NO_FILTERS);
                // the button goes away with the filters: keep keyboard focus in the filters
                focusSearch.current = true;
              }}
            >
              Clear filters
            </Button>
          )}
          {actions}
        </div>
      </div>
    </section>
  );
};
