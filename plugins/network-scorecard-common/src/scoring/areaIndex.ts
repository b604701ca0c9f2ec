import { Area } from '../report';
import { AREAS } from '../report/types';

/**
 * Position of an area in AREAS. A switch on constant strings compiles to a
 * few pointer comparisons; AREAS.indexOf is a builtin call per check.
 * score.test.ts holds the two to the same answer.
 */
export function areaIndex(area: Area): number {
  switch (area) {
    case 'cni':
      return 0;
    case 'kube-proxy':
      return 1;
    case 'mesh':
      return 2;
    case 'encryption':
      return 3;
    case 'observability':
      return 4;
    case 'policy':
      return 5;
    default:
      return AREAS.indexOf(area);
  }
}
