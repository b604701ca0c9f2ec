import { factsOf, fixtures } from '../__testUtils__/fixtures';

describe('detectServices', () => {
  it('counts Services (Cilium charm render: cilium-envoy, hubble-metrics, hubble-peer)', async () => {
    expect(
      (await factsOf(fixtures('cilium/charm-cilium-1.16.10-rendered.yaml')))
        .services,
    ).toEqual({
      value: 3,
      evidence: ['Services: 3 in all namespaces'],
    });
  });
});
