import { ClusterFacts } from './types';

/**
 * Which facts one evaluation reads, noted by the accessors in ./access, so
 * the report can say what an undecided check needed without evaluating it
 * again under a Proxy. Only reads of the recorded facts object count, as
 * they would through a Proxy around it: a copy a rule makes is not watched.
 */
interface Recording {
  facts: ClusterFacts;
  /** fact ids in first-read order */
  read: string[];
}

let recording: Recording | null = null;

/** Notes that `facts[id]` was read, when `facts` is being recorded. */
export function noteRead(facts: ClusterFacts, id: string): void {
  if (recording === null || recording.facts !== facts) return;
  if (!recording.read.includes(id)) recording.read.push(id);
}

/** Notes every fact of `facts`, in key order: what spreading it reads. */
export function noteEveryRead(facts: ClusterFacts): void {
  if (recording === null || recording.facts !== facts) return;
  for (const id of Object.keys(facts)) noteRead(facts, id);
}

/** Runs `evaluate`, giving its result and the ids of `facts` it read. */
export function recordReads<T>(
  facts: ClusterFacts,
  evaluate: () => T,
): { result: T; read: string[] } {
  const outer = recording;
  const own: Recording = { facts, read: [] };
  recording = own;
  try {
    return { result: evaluate(), read: own.read };
  } finally {
    recording = outer;
  }
}
