import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { networkScorecardApiRef } from '../../api';
import { fakeNetworkScorecardApi, historyOf } from '../../__fixtures__/fakeApi';
import { reports } from '../../__fixtures__/reports';
import { ScoreHistoryChart } from './ScoreHistoryChart';

const DAY_MS = 24 * 3600 * 1000;
const report = reports['prod-us-1'];

function render(api = fakeNetworkScorecardApi()) {
  return renderInTestApp(
    <TestApiProvider apis={[[networkScorecardApiRef, api]]}>
      <ScoreHistoryChart cluster="prod-us-1" />
    </TestApiProvider>,
  );
}

function requestedDays(
  api: ReturnType<typeof fakeNetworkScorecardApi>,
  call: number,
) {
  const [, options] = api.getClusterHistory.mock.calls[call];
  return Math.round(
    (Date.parse(options!.to!) - Date.parse(options!.from!)) / DAY_MS,
  );
}

jest.setTimeout(20_000);

describe('ScoreHistoryChart', () => {
  it('describes the score line in words, with the ruleset change', async () => {
    await render();

    const chart = await screen.findByRole('img', {
      name: /^Score history: 30 scans from/,
    });
    expect(chart).toHaveAccessibleName(
      expect.stringContaining(
        `latest ${Math.round(report.score!)} / 100, grade ${report.grade}`,
      ),
    );
    expect(chart).toHaveAccessibleName(
      expect.stringContaining(`ruleset changed to ${report.rulesetVersion}`),
    );
    expect(
      screen.getByText(
        new RegExp(`Ruleset changed: ${report.rulesetVersion} on`),
      ),
    ).toBeInTheDocument();
  });

  it('draws a band per readiness item, described by its statuses over time', async () => {
    await render();

    for (const item of report.readiness) {
      expect(
        await screen.findByRole('img', {
          name: new RegExp(
            `^${item.title.replace(/[().]/g, '\\$&')}: ${item.status.replace(
              '-',
              ' ',
            )} since`,
          ),
        }),
      ).toBeInTheDocument();
    }
    expect(screen.getByText('Readiness over time')).toBeInTheDocument();
  });

  it('asks for 90 days first and for the range picked with the buttons', async () => {
    const api = fakeNetworkScorecardApi();
    await render(api);
    await screen.findByRole('img', { name: /^Score history/ });
    expect(requestedDays(api, 0)).toBe(90);
    expect(screen.getByRole('button', { name: '90 d' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );

    await userEvent.click(screen.getByRole('button', { name: '30 d' }));
    await waitFor(() => expect(api.getClusterHistory).toHaveBeenCalledTimes(2));
    expect(requestedDays(api, 1)).toBe(30);
    expect(screen.getByRole('button', { name: '30 d' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );

    await userEvent.click(screen.getByRole('button', { name: '1 y' }));
    await waitFor(() => expect(api.getClusterHistory).toHaveBeenCalledTimes(3));
    expect(requestedDays(api, 2)).toBe(365);
  });

  it('says when the backend thinned a busy range', async () => {
    const history = historyOf(report);
    await render(
      fakeNetworkScorecardApi({
        getClusterHistory: jest.fn(async () => ({ ...history, total: 1200 })),
      }),
    );

    expect(
      await screen.findByText(/30 of 1200 scans shown/),
    ).toBeInTheDocument();
  });

  it('waits for a second scan before drawing a trend', async () => {
    const history = historyOf(report, 1);
    await render(
      fakeNetworkScorecardApi({
        getClusterHistory: jest.fn(async () => history),
      }),
    );

    expect(
      await screen.findByText(/One scan in this range/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });
});
