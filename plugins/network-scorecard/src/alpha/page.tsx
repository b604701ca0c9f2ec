import { PageBlueprint } from '@backstage/frontend-plugin-api';
import { routes } from './routes';

/** The fleet page, under the header and in the sidebar that the app draws. */
export const networkScorecardPage = PageBlueprint.make({
  params: {
    path: '/network-scorecard',
    routeRef: routes.root,
    loader: () =>
      import('../components/NetworkScorecardPage').then(m => (
        <m.NetworkScorecardPageContent />
      )),
  },
});
