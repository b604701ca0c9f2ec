import { readFileSync } from 'node:fs';
import { Entity } from '@backstage/catalog-model';
import { parseAllDocuments } from 'yaml';
import { UsageError } from './usageError';

function isClusterResource(e: Entity): boolean {
  return (
    e.kind === 'Resource' &&
    (e.spec as { type?: unknown } | undefined)?.type === 'kubernetes-cluster'
  );
}

/**
 * The cluster's entity from a catalog-info.yaml: the kubernetes-cluster
 * Resource named `cluster`, or the only one in the file.
 */
export function readClusterEntity(
  file: string,
  cluster: string | undefined,
): Entity {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      `--entity ${file}: ${
        code === 'ENOENT'
          ? 'not found'
          : `cannot be read (${(error as Error).message})`
      }`,
    );
  }
  const docs = parseAllDocuments(text);
  const entities: Entity[] = [];
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    const error = doc.errors[0];
    if (error) {
      throw new UsageError(
        `--entity ${file}: not valid YAML (line ${
          error.linePos?.[0]?.line ?? '?'
        }): ${error.message.split('\n')[0]}`,
      );
    }
    const value = doc.toJS() as Entity | null;
    if (
      value &&
      typeof value === 'object' &&
      value.kind &&
      value.metadata?.name
    )
      entities.push(value);
  }
  const clusters = entities.filter(isClusterResource);
  const candidates = clusters.length ? clusters : entities;
  if (cluster) {
    const named = candidates.find(e => e.metadata.name === cluster);
    if (named) return named;
    throw new UsageError(
      `--entity ${file}: no Resource of spec.type kubernetes-cluster named "${cluster}"`,
    );
  }
  if (candidates.length === 1) return candidates[0];
  throw new UsageError(
    candidates.length === 0
      ? `--entity ${file}: no catalog entity found`
      : `--entity ${file}: holds ${candidates.length} clusters (${candidates
          .map(e => e.metadata.name)
          .join(', ')}); choose one with --cluster`,
  );
}
