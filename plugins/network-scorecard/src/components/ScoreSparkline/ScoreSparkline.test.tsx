import { act, screen, waitFor } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { networkScorecardApiRef } from '../../api';
import { fakeNetworkScorecardApi } from '../../__fixtures__/fakeApi';
import { reports } from '../../__fixtures__/reports';
import { ScoreSparkline } from './ScoreSparkline';
import { SparklineHistoryProvider } from './SparklineHistory';

describe('ScoreSparkline', () => {
  it('draws the last 30 scores with a text alternative, one request per cluster', async () => {
    const api = fakeNetworkScorecardApi();
    await renderInTestApp(
      <TestApiProvider apis={[[networkScorecardApiRef, api]]}>
        <SparklineHistoryProvider>
          <ScoreSparkline cluster="prod-eu-1" />
          <ScoreSparkline cluster="prod-eu-1" />
        </SparklineHistoryProvider>
      </TestApiProvider>,
    );

    const score = Math.round(reports['prod-eu-1'].score!);
    const [chart] = await screen.findAllByRole('img', {
      name: `Score over the last 30 scans: ${score - 29} to ${score} / 100`,
    });
    expect(chart.querySelector('svg')).not.toBeNull();
    expect(api.getClusterHistory).toHaveBeenCalledTimes(1);
    expect(api.getClusterHistory).toHaveBeenCalledWith('prod-eu-1', {
      limit: 30,
    });
  });

  it('draws nothing for a cluster without two scored scans', async () => {
    const api = fakeNetworkScorecardApi();
    await renderInTestApp(
      <TestApiProvider apis={[[networkScorecardApiRef, api]]}>
        <SparklineHistoryProvider>
          <ScoreSparkline cluster="lab-edge" />
        </SparklineHistoryProvider>
      </TestApiProvider>,
    );
    await waitFor(() =>
      expect(api.getClusterHistory).toHaveBeenCalledWith('lab-edge', {
        limit: 30,
      }),
    );
    await act(() => api.getClusterHistory.mock.results[0].value);
    expect(screen.getByTestId('sparkline-lab-edge')).toBeEmptyDOMElement();
  });

  it("shows the cluster it is given now: a place that comes to show another cluster never keeps the last one's line", async () => {
    const api = fakeNetworkScorecardApi();
    const line = (cluster: string) =>
      screen.getByTestId(`sparkline-${cluster}`).querySelector('[role="img"]');
    const place = (cluster: string) => (
      <TestApiProvider apis={[[networkScorecardApiRef, api]]}>
        <SparklineHistoryProvider>
          <ScoreSparkline cluster={cluster} />
        </SparklineHistoryProvider>
      </TestApiProvider>
    );
    const { rerender } = await renderInTestApp(place('prod-eu-1'));
    await waitFor(() => expect(line('prod-eu-1')).not.toBeNull());
    const first = line('prod-eu-1')!.getAttribute('aria-label');

    rerender(place('prod-us-1'));
    // still loading: nothing, not prod-eu-1's line under prod-us-1's name
    expect(line('prod-us-1')).toBeNull();
    await waitFor(() => expect(line('prod-us-1')).not.toBeNull());
    expect(line('prod-us-1')!.getAttribute('aria-label')).not.toBe(first);

    // loaded before: drawn in the same render, without asking again
    rerender(place('prod-eu-1'));
    expect(line('prod-eu-1')!.getAttribute('aria-label')).toBe(first);
    expect(api.getClusterHistory).toHaveBeenCalledTimes(2);
  });
});
