import { useCallback } from 'react';
import { useLocation, useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import {
  ContentHeader,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Grid, Typography } from '@material-ui/core';
import { defaultRuleset } from '@network-scorecard/common';
import { networkScorecardApiRef } from '../../api';
import {
  DEFAULT_HISTORY_RANGE,
  historyBounds,
  historyRangeOf,
  HistoryRangeButtons,
  HistoryRangeId,
  isHistoryRangeId,
} from '../ScoreHistoryChart';
import { ReadinessItemsTable } from './ReadinessItemsTable';
import { ReadinessTrendChart } from './ReadinessTrendChart';
import { BlockersCard } from './BlockersCard';
import {
  readinessItems,
  readinessTrend,
  ReadinessCounts,
} from './readinessTrend';

/** `?item=<readiness id>&range=30d|90d|1y`, so a view can be shared. */
function useMigrationsQuery() {
  const [params, setParams] = useSearchParams();
  const { pathname } = useLocation();
  const rangeParam = params.get('range');
  const range: HistoryRangeId = isHistoryRangeId(rangeParam)
    ? rangeParam
    : DEFAULT_HISTORY_RANGE;
  const item = params.get('item') ?? undefined;
  const setRange = useCallback(
    (next: HistoryRangeId) =>
      setParams(current => {
        const updated = new URLSearchParams(current);
        updated.set('range', next);
        return updated;
      }),
    [setParams],
  );
  const hrefOf = useCallback(
    // the full path: a bare "?…" would resolve against the mount point, not this view
    (itemId: string) =>
      `${pathname}?${new URLSearchParams({ item: itemId, range })}`,
    [pathname, range],
  );
  return { range, item, setRange, hrefOf };
}

/**
 * Readiness across the fleet over time; mounted under the fleet page at
 * `migrations`. Reads the item and range from the URL.
 */
export const MigrationsView = () => {
  const api = useApi(networkScorecardApiRef);
  const { range, item, setRange, hrefOf } = useMigrationsQuery();
  const history = useAsync(
    () => api.getFleetHistory({ ...historyBounds(range), bucket: 'week' }),
    [api, range],
  );

  const header = (
    <ContentHeader
      title="Migrations"
      description="How many clusters are ready for each move, week by week, and what blocks the rest"
    >
      <HistoryRangeButtons value={range} onChange={setRange} />
    </ContentHeader>
  );
  if (history.error) {
    return (
      <>
        {header}
        <ResponseErrorPanel error={history.error} />
      </>
    );
  }
  if (history.loading || !history.value) {
    return (
      <>
        {header}
        <Progress />
      </>
    );
  }

  const buckets = history.value.buckets;
  const items = readinessItems(defaultRuleset, buckets);
  const selected = items.find(candidate => candidate.id === item) ?? items[0];
  const newest = buckets[buckets.length - 1];
  const latest: Record<string, ReadinessCounts> = Object.fromEntries(
    items.map(candidate => {
      const [week] = newest ? readinessTrend([newest], candidate.id) : [];
      return [candidate.id, week];
    }),
  );

  return (
    <>
      {header}
      <Grid container spacing={3}>
        {item && selected?.id !== item && (
          <Grid item xs={12}>
            <Typography variant="body2" color="error">
              There is no readiness item “{item}”; showing “{selected?.title}”.
            </Typography>
          </Grid>
        )}
        <Grid item xs={12}>
          <InfoCard
            title="Readiness items"
            subheader={
              newest
                ? `Clusters per status in the week of ${newest.start.slice(
                    0,
                    10,
                  )}; pick an item to follow it over time`
                : 'No cluster was scanned in this range'
            }
          >
            <ReadinessItemsTable
              items={items}
              latest={latest}
              selectedId={selected?.id}
              hrefOf={hrefOf}
            />
          </InfoCard>
        </Grid>
        {selected && (
          <>
            <Grid item xs={12}>
              <InfoCard
                title={selected.title}
                subheader={`Clusters per status, week by week, ${
                  historyRangeOf(range).title
                }`}
              >
                <ReadinessTrendChart
                  title={selected.title}
                  weeks={readinessTrend(buckets, selected.id)}
                />
              </InfoCard>
            </Grid>
            <Grid item xs={12}>
              <BlockersCard itemId={selected.id} />
            </Grid>
          </>
        )}
      </Grid>
    </>
  );
};
