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

/** 1-based line and column of a character offset. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return `line ${line}, column ${column}`;
}

class JsonSyntaxAt {
  constructor(readonly offset: number) {}
}

/**
 * The offset of the first JSON syntax error in `text`, found with a small
 * scanner: Node's JSON.parse gives no position for many errors ("Unexpected
 * token", cut-off files).
 */
export function jsonErrorOffset(text: string): number | undefined {
  let i = 0;
  const fail = (at = i): never => {
    throw new JsonSyntaxAt(at);
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const literal = (word: string) => {
    for (const c of word) if (text[i++] !== c) fail(i - 1);
  };
  const string = () => {
    i++; // the opening quote
    for (;;) {
      if (i >= text.length) fail();
      const c = text.charCodeAt(i);
      if (c === 0x22) break;
      if (c < 0x20) fail();
      if (c === 0x5c) {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail();
      }
      i++;
    }
    i++;
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(
      text.slice(i, i + 400),
    );
    i += match ? match[0].length : fail();
  };
  const value = (depth: number): void => {
    if (depth > 1000) fail();
    space();
    const c = text[i];
    if (c === '{') {
      i++;
      space();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        space();
        if (text[i] !== '"') fail();
        string();
        space();
        if (text[i] !== ':') fail();
        i++;
        value(depth + 1);
        space();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return;
        } else fail();
      }
    }
    if (c === '[') {
      i++;
      space();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        space();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return;
        } else fail();
      }
    }
    if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else if (c === '-' || (c >= '0' && c <= '9')) number();
    else fail();
  };
  try {
    value(0);
    space();
    if (i < text.length) fail();
  } catch (error) {
    if (error instanceof JsonSyntaxAt)
      return Math.min(error.offset, text.length);
    throw error;
  }
  return undefined;
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    // Node quotes the text around the error ("Unexpected token '}', …"s": [ } " is
    // not valid JSON"), over several lines; the position is said once, below
    const message = (error as Error).message
      .replace(/^(Unexpected token '[^]'), [^]*$/, '$1')
      .replace(/ (in JSON )?at position \d+[^]*$/, '')
      .split('\n')[0];
    const offset = jsonErrorOffset(text);
    throw new SnapshotError(
      file,
      `is not valid JSON${
        offset === undefined ? '' : ` (${lineAndColumn(text, offset)})`
      }: ${message}`,
    );
  }
}

function parseYaml(text: string, file: string): unknown {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs)) throw new SnapshotError(file, 'is empty');
  for (const doc of docs) {
    const error = doc.errors[0];
    if (error) {
      const at = error.linePos?.[0];
      // the parser's message ends with "at line 3, column 5:" and a code frame
      const first = error.message
        .split('\n')[0]
        .replace(/ at line \d+, column \d+:?$/, '');
      throw new SnapshotError(
        file,
        `is not valid JSON or YAML${
          at ? ` (line ${at.line}, column ${at.col})` : ''
        }: ${first}`,
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
export function parseSnapshot(input: string, file: string): Snapshot {
  // a byte-order mark (PowerShell's Out-File writes one) is not part of the JSON
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
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
