import { rankBlockers } from '../MigrationsView/rankBlockers';
import { ClusterRead, GroupService } from './types';

/** One problem of the clusters the group's services run on, with the services it touches. */
export interface ServiceProblem {
  kind: 'blocker' | 'failing-check';
  /** the blocker text as the reports state it (numbers that differ read "n"), or the failing check's title */
  text: string;
  /** readiness items the blocker blocks, by title (blockers only) */
  blocks: string[];
  /** clusters with the problem, by name */
  clusters: string[];
  services: GroupService[];
}

// rankBlockers groups by cluster name; a readiness item rides along in the name so
// that a group can say which migrations it blocks
const SEPARATOR = '\u0000';

function blockerProblems(reads: ClusterRead[]) {
  const titles = new Map<string, string>();
  const entries = reads.flatMap(({ cluster, report }) =>
    (report?.readiness ?? [])
      .filter(item => item.status === 'blocked' && item.blockers.length > 0)
      .map(item => {
        titles.set(item.id, item.title);
        return {
          name: `${cluster.name}${SEPARATOR}${item.id}`,
          blockers: item.blockers,
        };
      }),
  );
  return rankBlockers(entries).map(group => {
    const pairs = group.clusters.map(name => name.split(SEPARATOR));
    return {
      kind: 'blocker' as const,
      text: group.text,
      blocks: [...new Set(pairs.map(([, id]) => titles.get(id) ?? id))].sort(),
      clusters: [...new Set(pairs.map(([cluster]) => cluster))].sort(),
    };
  });
}

function failingCheckProblems(reads: ClusterRead[]) {
  const byCheck = new Map<string, { title: string; clusters: Set<string> }>();
  for (const { cluster, report } of reads) {
    for (const check of report?.checks ?? []) {
      if (check.status !== 'fail') continue;
      const entry = byCheck.get(check.id) ?? {
        title: check.title,
        clusters: new Set<string>(),
      };
      entry.clusters.add(cluster.name);
      byCheck.set(check.id, entry);
    }
  }
  return [...byCheck.values()].map(entry => ({
    kind: 'failing-check' as const,
    text: entry.title,
    blocks: [],
    clusters: [...entry.clusters].sort(),
  }));
}

// a blocker says what stops a migration; the failing check behind it often says the same less directly
const KIND_ORDER: Record<ServiceProblem['kind'], number> = {
  blocker: 0,
  'failing-check': 1,
};

/**
 * The readiness blockers and failing checks of the clusters read, each with
 * the group's services on those clusters: the problems that touch most
 * services first. Texts are the reports' own; nothing is inferred.
 */
export function serviceProblems(
  services: GroupService[],
  reads: ClusterRead[],
): ServiceProblem[] {
  return [...blockerProblems(reads), ...failingCheckProblems(reads)]
    .map(problem => {
      const affected = new Set(problem.clusters);
      return {
        ...problem,
        services: services.filter(s => s.clusters.some(c => affected.has(c))),
      };
    })
    .filter(problem => problem.services.length > 0)
    .sort(
      (a, b) =>
        b.services.length - a.services.length ||
        b.clusters.length - a.clusters.length ||
        KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
        a.text.localeCompare(b.text),
    );
}

const onClusters = (count: number) =>
  count === 1 ? 'on a cluster' : `on ${count} clusters`;

/**
 * The problem in one sentence, e.g. "3 of your services run on 2 clusters
 * where a migration is blocked: 2 of n Linux nodes run a kernel below 5.10".
 */
export function problemSentence(problem: ServiceProblem): string {
  const count = problem.services.length;
  const subject = `${count} of your services ${count === 1 ? 'runs' : 'run'}`;
  const where = onClusters(problem.clusters.length);
  if (problem.kind === 'blocker') {
    return `${subject} ${where} where a migration is blocked: ${problem.text}`;
  }
  const verb = problem.clusters.length === 1 ? 'fails' : 'fail';
  return `${subject} ${where} that ${verb} the check “${problem.text}”`;
}
