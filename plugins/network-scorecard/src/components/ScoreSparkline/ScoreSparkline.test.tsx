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
});
