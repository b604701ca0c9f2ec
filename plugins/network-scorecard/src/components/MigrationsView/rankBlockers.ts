/** One blocker text as it appears on the clusters it blocks. */
export interface BlockerGroup {
  /** the text; numbers that differ between clusters read "n" */
  text: string;
  /** true when the clusters' texts differ in their numbers and were grouped anyway */
  numbersDiffer: boolean;
  /** clusters it blocks, by name */
  clusters: string[];
}

// a word with a digit in it: a count, a version such as 5.4.129-63.amzn2, a name such as node-7
const NUMBER = /[A-Za-z0-9._+-]*\d[A-Za-z0-9._+-]*/g;

/** The text with every number replaced, so "3 of 12 nodes" and "1 of 4 nodes" group together. */
function withoutNumbers(text: string): string {
  return text.trim().replace(NUMBER, '#');
}

/** Keeps a number that is the same in every text (e.g. "5.10"), writes "n" for one that differs. */
function commonText(texts: string[]): { text: string; numbersDiffer: boolean } {
  const [first, ...rest] = texts;
  const numbersOf = (text: string) => text.trim().match(NUMBER) ?? [];
  const others = rest.map(numbersOf);
  let numbersDiffer = false;
  let index = 0;
  const text = first.trim().replace(NUMBER, number => {
    const position = index++;
    if (others.every(numbers => numbers[position] === number)) return number;
    numbersDiffer = true;
    return 'n';
  });
  return { text, numbersDiffer };
}

/**
 * Blockers ranked by how many clusters each one blocks. Texts that differ only
 * in their numbers (node counts, kernel versions) are one blocker; a cluster
 * counts once per blocker even if it lists two texts of the same kind.
 */
export function rankBlockers(
  clusters: { name: string; blockers: string[] }[],
): BlockerGroup[] {
  const groups = new Map<string, { texts: string[]; clusters: Set<string> }>();
  for (const cluster of clusters) {
    for (const blocker of cluster.blockers) {
      const key = withoutNumbers(blocker);
      const group = groups.get(key) ?? { texts: [], clusters: new Set() };
      group.texts.push(blocker);
      group.clusters.add(cluster.name);
      groups.set(key, group);
    }
  }
  return [...groups.values()]
    .map(group => ({
      ...commonText(group.texts),
      clusters: [...group.clusters].sort(),
    }))
    .sort(
      (a, b) =>
        b.clusters.length - a.clusters.length || a.text.localeCompare(b.text),
    );
}
