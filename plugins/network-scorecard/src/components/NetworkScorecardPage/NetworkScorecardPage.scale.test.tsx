import { act, screen, waitFor, within } from '@testing-library/react';
import { fakeNetworkScorecardApi } from '../../__fixtures__/fakeApi';
import {
  failedNewestAttempt,
  fleetOf,
  oldSnapshot,
} from '../../__fixtures__/fleet';
import { downloadCsvRows } from './__testUtils__/downloadCsv';
import { renderPage, rowOf, shownClusters } from './__testUtils__/renderPage';

jest.setTimeout(60_000);

describe('NetworkScorecardPage stale marker', () => {
  it('marks only a cluster whose newest attempt failed, not an old dump', async () => {
    await renderPage(
      fakeNetworkScorecardApi({
        listClusters: jest.fn(async () => ({
          items: [oldSnapshot, failedNewestAttempt],
        })),
      }),
    ).rendered;

    const dumpRow = await rowOf('archive-eu-1');
    expect(
      within(dumpRow).getByText('captured 40 days ago'),
    ).toBeInTheDocument();
    expect(within(dumpRow).queryByText('stale')).not.toBeInTheDocument();

    const liveRow = await rowOf('prod-us-2');
    expect(within(liveRow).getByText('stale')).toBeInTheDocument();
    expect(within(liveRow).getByText('3 hours ago')).toBeInTheDocument();
    expect(
      within(liveRow).getByTestId('scan-error-prod-us-2'),
    ).toBeInTheDocument();
  });
});

describe('NetworkScorecardPage with 1,000 clusters', () => {
  const thousand = () =>
    fakeNetworkScorecardApi({
      listClusters: jest.fn(async () => ({ items: fleetOf(1000) })),
    });

  afterEach(() => {
    delete (window as { IntersectionObserver?: unknown }).IntersectionObserver;
  });

  it('renders one page of 20 rows and asks for histories of those rows only', async () => {
    const api = thousand();
    await renderPage(api).rendered;

    await waitFor(() => expect(shownClusters()).toHaveLength(20));
    expect(screen.getByText('Clusters (1000)')).toBeInTheDocument();
    await waitFor(() => expect(api.getClusterHistory).toHaveBeenCalled());
    expect(api.getClusterHistory.mock.calls.length).toBeLessThanOrEqual(20);
    for (const [, options] of api.getClusterHistory.mock.calls) {
      expect(options).toEqual({ limit: 30 });
    }
  });

  it('asks for no history of rows that never came into view', async () => {
    type Callback = (entries: IntersectionObserverEntry[]) => void;
    const observed = new Map<Element, Callback>();
    Object.assign(window, {
      // nothing is in view until the test says so
      IntersectionObserver: class {
        constructor(private readonly callback: Callback) {}
        observe(element: Element) {
          observed.set(element, this.callback);
        }
        disconnect() {}
      },
    });
    const api = thousand();
    await renderPage(api).rendered;
    await waitFor(() => expect(shownClusters()).toHaveLength(20));
    expect(observed.size).toBeGreaterThan(0);
    expect(api.getClusterHistory).not.toHaveBeenCalled();

    const first = screen.getByTestId(`sparkline-${shownClusters()[0]}`);
    const entry: Partial<IntersectionObserverEntry> = {
      target: first,
      isIntersecting: true,
    };
    act(() => observed.get(first)!([entry as IntersectionObserverEntry]));
    await waitFor(() => expect(api.getClusterHistory).toHaveBeenCalledTimes(1));
    expect(api.getClusterHistory).toHaveBeenCalledWith(shownClusters()[0], {
      limit: 30,
    });
  });

  it('filters and exports all matching rows, not only the page', async () => {
    await renderPage(thousand(), { query: '?grade=F' }).rendered;

    // prod-us-1 and staging-calico are graded F: 2 of every 5 clusters
    await waitFor(() =>
      expect(screen.getByText('Clusters (400 of 1000)')).toBeInTheDocument(),
    );
    expect(shownClusters()).toHaveLength(20);

    const { rows } = await downloadCsvRows();
    expect(rows).toHaveLength(401);
    const grades = new Set(
      rows.slice(1).map(row => row[rows[0].indexOf('grade')]),
    );
    expect([...grades]).toEqual(['F']);
  });
});
