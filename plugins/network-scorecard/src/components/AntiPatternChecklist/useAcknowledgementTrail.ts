import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/core-plugin-api';
import { AcknowledgementRecord } from '@network-scorecard/common';
import { networkScorecardApiRef } from '../../api';

/** The cluster's acknowledgement audit trail per anti-pattern id, newest first; `retry` reloads it. */
export function useAcknowledgementTrail(cluster: string) {
  const api = useApi(networkScorecardApiRef);
  return useAsyncRetry(async () => {
    const { items } = await api.listAcknowledgements(cluster);
    const byAntiPattern = new Map<string, AcknowledgementRecord[]>();
    for (const record of items) {
      const records = byAntiPattern.get(record.antiPatternId) ?? [];
      records.push(record);
      byAntiPattern.set(record.antiPatternId, records);
    }
    return byAntiPattern;
  }, [api, cluster]);
}
