import { factEvidence, factValue } from '../../facts';
import { CheckRule } from '../types';
import { cite, unknownBecause } from '../helpers';

/** @public */
export const observabilityL7Targeted: CheckRule = {
  id: 'observability.l7-targeted',
  area: 'observability',
  weight: 2,
  title: 'L7 visibility only where flows were not enough',
  default: 'L3/L4 flows everywhere, no L7 visibility',
  switchWhen:
    'Add L7 visibility for a specific service when flow data cannot explain a specific problem; never cluster-wide',
  rationale:
    'Parsing every HTTP request costs proxy capacity, storage and attention, and most of it is never looked at. Flow data explains most incidents; when it does not, switch on L7 visibility for the services involved and leave the rest at L4.',
  evaluate(facts) {
    const l7 = factValue(facts, 'l7Visibility');
    if (l7 === null) return unknownBecause(facts, ['l7Visibility']);
    const evidence = factEvidence(facts, 'l7Visibility');
    if (l7 === 'global') {
      return {
        status: 'fail',
        evidence,
        recommendation: `L7 visibility is on cluster-wide${cite(
          evidence,
        )}. Scope it to the services whose problems flow data could not explain (L7 rules in a CiliumNetworkPolicy selecting those pods).`,
      };
    }
    return {
      status: 'pass',
      evidence,
      recommendation:
        l7 === 'targeted'
          ? 'L7 visibility is scoped to specific services.'
          : 'No L7 visibility: flows first, L7 only for a service where flows are not enough.',
    };
  },
};
