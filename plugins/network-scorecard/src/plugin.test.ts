import { networkScorecardPlugin } from './plugin';

describe('network-scorecard plugin', () => {
  it('has the plugin id and provides its API', () => {
    expect(networkScorecardPlugin.getId()).toBe('network-scorecard');
    expect([...networkScorecardPlugin.getApis()].map(f => f.api.id)).toEqual([
      'plugin.network-scorecard.service',
    ]);
  });
});
