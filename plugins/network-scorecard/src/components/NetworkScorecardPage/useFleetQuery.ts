import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { FleetFilterValues, parseFilters, withFilters } from '../FleetFilters';
import { FleetSort, parseSort, withSort } from '../FleetTable';

/** The filters as the address writes them: equal filters, equal keys. */
const addressOf = (filters: FleetFilterValues) =>
  withFilters(new URLSearchParams(), filters).toString();

/**
 * Runs `write` once the browser has painted the next frame: a timer set from
 * that frame's own animation callbacks would still run before other work
 * queued behind the paint, so the write waits for the frame after.
 */
function afterNextPaint(write: () => void) {
  requestAnimationFrame(() =>
    requestAnimationFrame(() => setTimeout(write, 0)),
  );
}

/**
 * The fleet view's state lives in the URL (`?grade=F&owner=…&sort=score`), so
 * a filtered, sorted view can be shared by copying the address. Changes
 * replace the history entry: typing a search is not a trail of back steps.
 *
 * A filter change shows at once from local state and reaches the address
 * after the filtered rows are painted: every link on the page renders again
 * when the address changes, and that need not delay the rows. An address that
 * changes from outside (a link to a filtered view) is adopted.
 */
export function useFleetQuery() {
  const [params, setParams] = useSearchParams();
  const [filters, setLocalFilters] = useState(() => parseFilters(params));
  // the address of the filters shown, whether written yet or not
  const shown = useRef(addressOf(filters));
  const unwritten = useRef<FleetFilterValues | null>(null);

  useEffect(() => {
    if (unwritten.current) return; // our own write is on its way
    const fromAddress = parseFilters(params);
    const address = addressOf(fromAddress);
    if (address === shown.current) return;
    shown.current = address;
    setLocalFilters(fromAddress);
  }, [params]);

  const setFilters = useCallback(
    (next: FleetFilterValues) => {
      setLocalFilters(next);
      shown.current = addressOf(next);
      const scheduled = unwritten.current !== null;
      unwritten.current = next;
      if (scheduled) return; // the scheduled write takes the newest filters
      afterNextPaint(() => {
        const latest = unwritten.current;
        unwritten.current = null;
        if (latest)
          setParams(current => withFilters(current, latest), { replace: true });
      });
    },
    [setParams],
  );
  const sort = useMemo(() => parseSort(params), [params]);
  const setSort = useCallback(
    (next: FleetSort | null) =>
      setParams(current => withSort(current, next), { replace: true }),
    [setParams],
  );
  return { filters, sort, setFilters, setSort };
}
