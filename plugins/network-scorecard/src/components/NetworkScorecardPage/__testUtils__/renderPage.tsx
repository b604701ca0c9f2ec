import { screen } from '@testing-library/react';
import { useLocation, useNavigate } from 'react-router-dom';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { NetworkScorecardApi, networkScorecardApiRef } from '../../../api';
import { rootRouteRef } from '../../../routes';
import { groups } from '../../../__fixtures__/fleet';
import { NetworkScorecardPage } from '../NetworkScorecardPage';

let current = { pathname: '', search: '' };

/** Where the test app's router is now: the page keeps its filters there. */
export const currentLocation = () => current;

let navigate: (to: string) => void = () => {
  throw new Error('navigateTo: no page rendered');
};

/** Changes the address from outside the page, as a link to a filtered view does. */
export const navigateTo = (to: string) => navigate(to);

const LocationProbe = () => {
  const { pathname, search } = useLocation();
  current = { pathname, search };
  navigate = useNavigate();
  return null;
};

/** The page with the fake backend and a catalog holding the fixture groups, at `path` + `query`. */
export function renderPage(
  api: NetworkScorecardApi,
  options: { query?: string; path?: string } = {},
) {
  // only what the page asks of the catalog: every group, in one request
  const catalogApi = {
    getEntities: jest.fn(async () => ({ items: groups })),
  };
  const rendered = renderInTestApp(
    <TestApiProvider
      apis={[
        [networkScorecardApiRef, api],
        [catalogApiRef, catalogApi as Partial<typeof catalogApiRef.T>],
      ]}
    >
      <NetworkScorecardPage />
      <LocationProbe />
    </TestApiProvider>,
    {
      routeEntries: [`${options.path ?? '/'}${options.query ?? ''}`],
      mountedRoutes: {
        '/network-scorecard': rootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );
  return { rendered, catalogApi };
}

export const rowOf = async (name: string) =>
  (await screen.findByTestId(`fleet-grade-${name}`)).closest('tr')!;

/** The clusters of the table's rows, top to bottom. */
export const shownClusters = () =>
  screen
    .queryAllByTestId(/^fleet-grade-/)
    .map(el => el.dataset.testid!.replace('fleet-grade-', ''));
