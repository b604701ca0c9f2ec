import { ClusterFacts, Fact } from '@network-scorecard/common';
import { ClusterReader, ReadFailure } from '../../reader/types';

/** A detector reads through the reader only and returns the facts it owns. */
export type Detector = (reader: ClusterReader) => Promise<ClusterFacts>;

export function known<T>(value: T, evidence: string[]): Fact<T> {
  return { value, evidence };
}

export function unknownFact<T>(
  reason: string,
  evidence: string[] = [],
): Fact<T> {
  return { value: null, evidence, reason };
}

/** Not an unknown: the fact has no meaning on this cluster (never listed as an error). */
export function notApplicable<T>(
  why: string,
  evidence: string[] = [],
): Fact<T> {
  return { value: null, evidence, reason: `not applicable: ${why}` };
}

export function isNotApplicable(fact: Fact<unknown> | undefined): boolean {
  return !!fact?.reason?.startsWith('not applicable:');
}

export function failureReason(error: unknown): string {
  if (error instanceof ReadFailure) return error.reason;
  return `error: ${error instanceof Error ? error.message : String(error)}`;
}

/** Runs a fact's reads; any failure makes the fact unknown with the failure's reason. */
export async function guarded<T>(
  read: () => Promise<Fact<T>>,
): Promise<Fact<T>> {
  try {
    return await read();
  } catch (error) {
    return unknownFact<T>(failureReason(error));
  }
}
