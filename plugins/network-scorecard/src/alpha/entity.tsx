import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { isNetworkScorecardAvailable } from '../isNetworkScorecardAvailable';

/** The scorecard card on the overview of clusters and of what runs on them. */
export const networkScorecardEntityCard = EntityCardBlueprint.make({
  params: {
    filter: isNetworkScorecardAvailable,
    loader: () =>
      import('../components/EntityNetworkScorecardCard').then(m => (
        <m.EntityNetworkScorecardCard />
      )),
  },
});

/** The Network tab: every check, anti-pattern, readiness item and the history. */
export const networkScorecardEntityContent = EntityContentBlueprint.make({
  params: {
    path: 'network-scorecard',
    title: 'Network',
    filter: isNetworkScorecardAvailable,
    loader: () =>
      import('../components/EntityNetworkScorecardContent').then(m => (
        <m.EntityNetworkScorecardContent />
      )),
  },
});
