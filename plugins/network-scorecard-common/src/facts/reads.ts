import { ClusterFacts } from './types';

/**
 * Which facts the checks read, noted by the accessors in ./access, so the
 * report can say what an undecided check needed without evaluating it again
 * under a Proxy. Only reads of the watched facts object count, as they would
 * through a Proxy around it: a copy a rule makes is not watched. Noting is a
 * store on the hot path: the evaluation marks where each check starts with
 * readsNoted() and takes out only the undecided checks' reads, repeats
 * included, with readsBetween().
 */
let watched: ClusterFacts | null = null;
/** Rewritten from the start by each watch and never shrunk: no allocation per evaluation. */
const read: string[] = [];
let count = 0;

/** Notes that `facts[id]` was read, when `facts` is watched. */
export function noteRead(facts: ClusterFacts, id: string): void {
  if (facts === watched) read[count++] = id;
}

/** Notes every fact of `facts`, in key order: what spreading it reads. */
export function noteEveryRead(facts: ClusterFacts): void {
  if (facts !== watched) return;
  for (const id of Object.keys(facts)) read[count++] = id;
}

/** Starts noting the reads of `facts`, forgetting those of the last watch. */
export function watchReads(facts: ClusterFacts): void {
  watched = facts;
  count = 0;
}

/** How many reads were noted since the watch started: a mark to cut them at. */
export function readsNoted(): number {
  return count;
}

/** Stops noting; the reads stay readable until the next watch starts. */
export function endWatch(): void {
  watched = null;
}

/**
 * Every id noted by the last watch, in order and repeats included, to be
 * cut at marks by the caller; valid until the next watch starts. Past
 * readsNoted() it holds leftovers of earlier watches.
 */
export function notedReads(): readonly string[] {
  return read;
}

/** The ids read between two marks of the last watch, repeats included. */
export function readsBetween(from: number, to: number): string[] {
  return read.slice(from, to);
}
