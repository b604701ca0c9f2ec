import { SnapshotReader } from '../reader/SnapshotReader';
import { loadSnapshotFile } from '../snapshot/loadSnapshot';
import { CollectedFacts } from '../types';
import { collectFacts } from './collectFacts';

/**
 * Facts of a cluster dump (JSON or YAML `List`, as `kubectl get … -o json|yaml`
 * prints). Throws SnapshotError when the file cannot be used.
 * @public
 */
export async function collectFromSnapshotFile(
  file: string,
): Promise<CollectedFacts> {
  const snapshot = await loadSnapshotFile(file);
  const reader = new SnapshotReader(snapshot.items);
  const { facts, errors } = await collectFacts(reader);
  return {
    facts,
    errors,
    ...(snapshot.capturedAt ? { capturedAt: snapshot.capturedAt } : {}),
    stats: reader.stats(),
  };
}
