import { memo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import {
  ContentHeader,
  LinkButton,
  Progress,
  ResponseErrorPanel,
  SupportButton,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { networkScorecardApiRef } from '../../api';
import { migrationsRouteRef } from '../../routes';
import { FleetOverview } from './FleetOverview';
import { NoClusters } from './NoClusters';

/**
 * Asked for as the page first renders, not from an effect: effects run once
 * the whole app shell around the page is committed and painted, and the
 * fleet list is the longest wait of the page.
 */
function useAskedAtOnce<T>(ask: () => Promise<T>) {
  const [request] = useState(() => {
    const asked = ask();
    // handled by useAsync once the page is committed: not an unhandled rejection before that
    asked.catch(() => undefined);
    return asked;
  });
  return useAsync(() => request, [request]);
}

const Fleet = () => {
  const api = useApi(networkScorecardApiRef);
  const list = useAskedAtOnce(() => api.listClusters());
  // the table does not wait for the summary tiles
  const summary = useAskedAtOnce(() => api.getFleetSummary());
  if (list.error) return <ResponseErrorPanel error={list.error} />;
  if (list.loading || !list.value) return <Progress />;
  if (list.value.items.length === 0) return <NoClusters />;
  return (
    <FleetOverview
      clusters={list.value.items}
      summary={summary.value}
      summaryError={summary.error}
    />
  );
};

const MigrationsButton = () => {
  const migrationsRoute = useRouteRef(migrationsRouteRef);
  return (
    <LinkButton to={migrationsRoute()} variant="outlined" color="primary">
      Migrations across the fleet
    </LinkButton>
  );
};

// Memoised: the route resolution above reads the address, and the header
// must not render again on each filter change.
const FleetHeader = memo(() => (
  <ContentHeader title="Fleet">
    <MigrationsButton />
    <SupportButton>
      Grades come from the latest scan of each cluster. A cluster graded "?"
      could not be judged on at least half of its applicable checks. A stale
      marker means the newest scan attempt failed after the shown results, so
      the cluster may have changed since; a dump's results are as old as the
      dump, shown as its capture time. Filters, search and sorting are part of
      the address: copy it to share the view.
    </SupportButton>
  </ContentHeader>
));

/** The fleet: every cluster's networking grade side by side. */
export const FleetView = () => (
  <>
    <FleetHeader />
    <Fleet />
  </>
);
