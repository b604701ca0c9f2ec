import {
  ApiBlueprint,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { NetworkScorecardClient, networkScorecardApiRef } from '../api';

/** The REST client of the Network Scorecard backend. */
export const networkScorecardApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: networkScorecardApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new NetworkScorecardClient({ discoveryApi, fetchApi }),
    }),
});
