import { AntiPatternRule } from '../types';
import {
  antiPatternUnknown,
  catalog,
  cniSet,
  evidenceOf,
  isCniMigration,
  refreshState,
} from '../helpers';
import { targetEvidence } from '../cni/move';
import { joined } from '../../text/joined';

/** @public */
export const apStandaloneCniMigration: AntiPatternRule = {
  id: 'ap.standalone-cni-migration',
  title: 'A CNI migration running outside a planned platform refresh',
  lesson:
    'Changing the CNI means restarting every node, draining workloads and rehearsing rollback. Done as a project of its own it competes with everything else and tends to stall half-way with two dataplanes; done inside a planned platform refresh, the disruption is paid once.',
  evaluate(facts, context) {
    const all = cniSet(facts);
    if (all === null) return antiPatternUnknown(facts, ['cni', 'cni.all']);
    const evidence = evidenceOf(facts, 'cni', 'cni.all');
    if (!isCniMigration(all)) return { status: 'clear', evidence };
    const refresh = refreshState(context);
    if (refresh === 'planned') {
      return {
        status: 'clear',
        evidence: [
          ...evidence,
          targetEvidence(context),
          catalog.refresh(context),
        ],
      };
    }
    return {
      status: 'detected',
      evidence: [
        ...evidence,
        targetEvidence(context),
        catalog.refresh(context),
        refresh === 'past'
          ? `the planned refresh date ${
              context.platformRefresh
            } has passed with ${joined(all, ' and ')} still side by side`
          : `${joined(
              all,
              ' and ',
            )} run side by side with no platform refresh planned`,
      ],
    };
  },
};
