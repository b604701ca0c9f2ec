import { Config } from '@backstage/config';
import { promises as fs } from 'fs';
import { join, resolve } from 'path';
import { ClusterSource, ClusterTarget } from './types';

const KEY = 'networkScorecard.snapshots';

/** The file names a dump folder may hold (kubectl get … -o json|yaml). */
export const DUMP_EXTENSIONS = ['.json', '.yaml', '.yml'] as const;

function isDumpName(name: string): boolean {
  const lower = name.toLowerCase();
  // hidden files are tools' leftovers (macOS ._x.json, editor locks .#x.json), never dumps
  return !name.startsWith('.') && DUMP_EXTENSIONS.some(e => lower.endsWith(e));
}

/**
 * The dumps in a folder: its `.json`/`.yaml`/`.yml` files (not subfolders),
 * sorted by name. `undefined` when `path` is not a folder (a file, or
 * nothing at all: the reader names the problem then).
 */
export async function dumpFilesIn(path: string): Promise<string[] | undefined> {
  let entries;
  try {
    entries = await fs.readdir(path, { withFileTypes: true });
  } catch {
    return undefined;
  }
  const files: string[] = [];
  for (const entry of entries) {
    if (!isDumpName(entry.name)) continue;
    const file = join(path, entry.name);
    if (entry.isFile()) files.push(file);
    else if (entry.isSymbolicLink()) {
      const target = await fs.stat(file).catch(() => undefined);
      // a dangling link is kept, so that reading it reports the problem
      if (!target || target.isFile()) files.push(file);
    }
  }
  // by name as code units (what ls prints in the C locale), so 2026-06-23 comes before 2026-07-21
  return files.sort();
}

/** One `networkScorecard.snapshots` entry: a cluster and the paths it names. */
interface SnapshotEntry {
  name: string;
  /** absolute paths as configured: files, or folders of dumps */
  paths: string[];
}

/**
 * Clusters dumped to disk, from `networkScorecard.snapshots`: one dump
 * (`file`), several (`files`), or a folder of them (`file` naming a folder,
 * read again at every listing so that new dumps are picked up).
 */
export class SnapshotClusterSource implements ClusterSource {
  readonly source = 'snapshot' as const;

  /** Throws, naming the entry, when one gives neither or both of file and files. */
  static fromConfig(
    config: Config,
    baseDir = process.cwd(),
  ): SnapshotClusterSource {
    const entries = config.getOptionalConfigArray(KEY) ?? [];
    const seen = new Map<string, number>();
    const parsed = entries.map((entry, index): SnapshotEntry => {
      const name = entry.getString('name');
      const where = `${KEY}[${index}] (${name})`;
      const hasFile = entry.has('file');
      const hasFiles = entry.has('files');
      if (hasFile === hasFiles) {
        throw new Error(
          hasFile
            ? `${where}: give file or files, not both`
            : `${where}: give file (a dump, or a folder of dumps) or files (a list of dumps)`,
        );
      }
      const given = hasFile
        ? [entry.getString('file')]
        : entry.getStringArray('files');
      if (given.length === 0) {
        throw new Error(`${where}: files is empty; list at least one dump`);
      }
      const blank = given.findIndex(p => p.trim() === '');
      if (blank >= 0) {
        throw new Error(
          `${where}: ${hasFile ? 'file' : `files[${blank}]`} is empty`,
        );
      }
      const earlier = seen.get(name);
      if (earlier !== undefined) {
        throw new Error(
          `${where}: cluster ${name} is already listed as ${KEY}[${earlier}]; give all its dumps in one entry (files)`,
        );
      }
      seen.set(name, index);
      return { name, paths: given.map(p => resolve(baseDir, p)) };
    });
    return new SnapshotClusterSource(parsed);
  }

  /** `entries`: cluster names with absolute paths of dumps or dump folders. */
  constructor(private readonly entries: SnapshotEntry[]) {}

  /**
   * Every cluster with its dump files; folders are expanded now, so dumps
   * added since the last call are included. A path that is neither a file
   * nor a folder with dumps is passed on as it is, for the reader to name
   * what is wrong with it.
   */
  async listClusters(): Promise<ClusterTarget[]> {
    return Promise.all(
      this.entries.map(async ({ name, paths }) => {
        const files: string[] = [];
        for (const path of paths) {
          const inFolder = await dumpFilesIn(path);
          files.push(...(inFolder?.length ? inFolder : [path]));
        }
        // a dump named twice (a folder and one of its files) is read once
        return {
          name,
          source: 'snapshot' as const,
          files: [...new Set(files)],
        };
      }),
    );
  }
}
