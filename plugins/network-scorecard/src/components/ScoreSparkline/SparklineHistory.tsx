import { createContext, ReactNode, useContext, useMemo } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { networkScorecardApiRef } from '../../api';
import { createHistoryLoader, HistoryLoader } from './historyLoader';

/** Scans per sparkline: about a month of daily scans. */
export const SPARKLINE_SCANS = 30;
const CONCURRENT_REQUESTS = 4;

const HistoryLoaderContext = createContext<HistoryLoader | null>(null);

/** One history cache for every sparkline below it (a table keeps its rows' histories across pages and filters). */
export const SparklineHistoryProvider = ({
  children,
}: {
  children: ReactNode;
}) => {
  const api = useApi(networkScorecardApiRef);
  const loader = useMemo(
    () =>
      createHistoryLoader(
        cluster =>
          api
            .getClusterHistory(cluster, { limit: SPARKLINE_SCANS })
            .then(response => response.items),
        CONCURRENT_REQUESTS,
      ),
    [api],
  );
  return (
    <HistoryLoaderContext.Provider value={loader}>
      {children}
    </HistoryLoaderContext.Provider>
  );
};

export function useHistoryLoader(): HistoryLoader {
  const loader = useContext(HistoryLoaderContext);
  if (!loader) {
    throw new Error(
      'ScoreSparkline must be rendered inside a SparklineHistoryProvider',
    );
  }
  return loader;
}
