import { Entity } from '@backstage/catalog-model';
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

/** The group's clusters and its services on clusters with problems, on a Group's overview. */
export const networkScorecardGroupEntityCard = EntityCardBlueprint.make({
  name: 'group',
  params: {
    filter: (entity: Entity) =>
      entity.kind.toLocaleLowerCase('en-US') === 'group',
    loader: () =>
      import('../components/EntityGroupNetworkScorecardCard').then(m => (
        <m.EntityGroupNetworkScorecardCard />
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
