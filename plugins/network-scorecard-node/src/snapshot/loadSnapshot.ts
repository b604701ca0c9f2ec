import { promises as fs } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { KubeObject } from '../reader/types';

/** The annotation on a dump's List saying when it was taken. @public */
export const CAPTURED_AT_ANNOTATION = 'network-scorecard.io/captured-at';

/**
 * A dump that cannot be used. The message names the file and what is wrong.
 * @public
 */
export class SnapshotError extends Error {
  readonly file: string;

  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'SnapshotError';
    this.file = file;
  }
}

/** @public */
export interface Snapshot {
  items: KubeObject[];
  capturedAt?: string;
  bytes: number;
}

function lineOf(text: string, position: number): number {
  return text.slice(0, position).split('\n').length;
}

/** Node's JSON errors rarely say where; the YAML parser (JSON is YAML) usually can. */
function jsonErrorLine(text: string, message: string): number | undefined {
  const position = /position (\d+)/.exec(message);
  if (position) return lineOf(text, Number(position[1]));
  const docs = parseAllDocuments(text);
  const first = (Array.isArray(docs) ? docs : [docs]).flatMap(d => d.errors)[0];
  return first?.linePos?.[0]?.line;
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message.split('\n')[0];
    const line = jsonErrorLine(text, message);
    throw new SnapshotError(
      file,
      `is not valid JSON${line ? ` (line ${line})` : ''}: ${message}`,
    );
  }
}

function parseYaml(text: string, file: string): unknown {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs)) throw new SnapshotError(file, 'is empty');
  for (const doc of docs) {
    const error = doc.errors[0];
    if (error) {
      const line = error.linePos?.[0]?.line;
      const first = error.message.split('\n')[0];
      throw new SnapshotError(
        file,
        `is not valid JSON or YAML${line ? ` (line ${line})` : ''}: ${first}`,
      );
    }
  }
  const contents = docs.filter(d => d.contents !== null);
  if (contents.length !== 1) {
    throw new SnapshotError(
      file,
      `has ${contents.length} YAML documents; expected one List (kubectl get <kinds> -A -o yaml)`,
    );
  }
  return contents[0].toJS();
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks that a parsed document is a List of objects with kind, apiVersion and name. */
export function snapshotFromDocument(
  document: unknown,
  file: string,
  bytes = 0,
): Snapshot {
  if (!isObject(document)) {
    throw new SnapshotError(
      file,
      'is not a Kubernetes List: expected an object with kind List and items',
    );
  }
  const kind = typeof document.kind === 'string' ? document.kind : undefined;
  if (!kind || !kind.endsWith('List') || !Array.isArray(document.items)) {
    throw new SnapshotError(
      file,
      `is not a Kubernetes List (kind ${kind ?? 'missing'}${
        Array.isArray(document.items) ? '' : ', no items'
      }); expected the output of kubectl get <kinds> -A -o json`,
    );
  }
  // A typed list (NodeList) leaves kind and apiVersion off its items.
  const itemKind = kind === 'List' ? undefined : kind.slice(0, -'List'.length);
  const listApiVersion =
    typeof document.apiVersion === 'string' ? document.apiVersion : undefined;
  const items = document.items.map((item, index): KubeObject => {
    if (!isObject(item))
      throw new SnapshotError(file, `item ${index} is not an object`);
    const itemKindOf =
      typeof item.kind === 'string' && item.kind ? item.kind : itemKind;
    if (!itemKindOf) throw new SnapshotError(file, `item ${index} has no kind`);
    // Items of a typed list take the list's apiVersion.
    const fallback = itemKind ? listApiVersion : undefined;
    const apiVersion =
      typeof item.apiVersion === 'string' && item.apiVersion
        ? item.apiVersion
        : fallback;
    if (!apiVersion)
      throw new SnapshotError(
        file,
        `item ${index} (${itemKindOf}) has no apiVersion`,
      );
    const metadata = item.metadata;
    if (
      !isObject(metadata) ||
      typeof metadata.name !== 'string' ||
      !metadata.name
    ) {
      throw new SnapshotError(
        file,
        `item ${index} (${itemKindOf}) has no metadata.name`,
      );
    }
    return {
      ...item,
      kind: itemKindOf,
      apiVersion,
      metadata: metadata as KubeObject['metadata'],
    };
  });
  const annotations = isObject(document.metadata)
    ? document.metadata.annotations
    : undefined;
  const captured = isObject(annotations)
    ? annotations[CAPTURED_AT_ANNOTATION]
    : undefined;
  if (
    captured !== undefined &&
    (typeof captured !== 'string' || Number.isNaN(Date.parse(captured)))
  ) {
    throw new SnapshotError(
      file,
      `annotation ${CAPTURED_AT_ANNOTATION} is not an ISO 8601 timestamp`,
    );
  }
  return {
    items,
    capturedAt:
      captured === undefined ? undefined : new Date(captured).toISOString(),
    bytes,
  };
}

/** Parses a dump's text: JSON, or YAML such as kubectl get … -o yaml prints. */
export function parseSnapshot(text: string, file: string): Snapshot {
  const trimmed = text.trimStart();
  if (!trimmed) throw new SnapshotError(file, 'is empty');
  const document =
    trimmed.startsWith('{') || trimmed.startsWith('[')
      ? parseJson(text, file)
      : parseYaml(text, file);
  return snapshotFromDocument(document, file, Buffer.byteLength(text));
}

/** Reads and parses a dump file. @public */
export async function loadSnapshotFile(file: string): Promise<Snapshot> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const known: Record<string, string> = {
      ENOENT: 'not found',
      EISDIR: 'is a directory, not a file',
      EACCES: 'cannot be read (permission denied)',
    };
    throw new SnapshotError(
      file,
      known[code ?? ''] ?? `cannot be read (${(error as Error).message})`,
    );
  }
  return parseSnapshot(text, file);
}
