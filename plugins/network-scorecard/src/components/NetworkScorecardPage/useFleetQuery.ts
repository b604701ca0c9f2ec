import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { FleetFilterValues, parseFilters, withFilters } from '../FleetFilters';
import { FleetSort, parseSort, withSort } from '../FleetTable';

/**
 * The fleet view's state lives in the URL (`?grade=F&owner=…&sort=score`), so
 * a filtered, sorted view can be shared by copying the address. Changes
 * replace the history entry: typing a search is not a trail of back steps.
 */
export function useFleetQuery() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseFilters(params), [params]);
  const sort = useMemo(() => parseSort(params), [params]);
  const setFilters = useCallback(
    (next: FleetFilterValues) =>
      setParams(current => withFilters(current, next), { replace: true }),
    [setParams],
  );
  const setSort = useCallback(
    (next: FleetSort | null) =>
      setParams(current => withSort(current, next), { replace: true }),
    [setParams],
  );
  return { filters, sort, setFilters, setSort };
}
