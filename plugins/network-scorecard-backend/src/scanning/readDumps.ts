import {
  CollectedFacts,
  SnapshotError,
  collectFromSnapshotFile,
} from '@network-scorecard/node';
import { promises as fs } from 'fs';
import {
  DUMP_EXTENSIONS,
  dumpFilesIn,
} from '../clusters/SnapshotClusterSource';

/** What the dumps of one cluster gave: the readable ones, and why the others were not. */
export interface ReadDumps {
  /** oldest `capturedAt` first; every dump has `capturedAt` */
  dumps: CollectedFacts[];
  /** one line per path that gave no dump, naming it (and the line and column of a syntax error) */
  problems: string[];
}

/** A problem line that starts with the path it is about. */
function problemOf(path: string, error: unknown): string {
  if (error instanceof SnapshotError) return error.message;
  return `${path}: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * Reads the dumps of one cluster (several files, e.g. archived monthly
 * dumps). A path naming a folder stands for the dumps in it. A dump without
 * the captured-at annotation is dated by its file's modification time, so
 * that reading it again gives the same time. Unreadable files are named in
 * `problems`; the others are still returned.
 */
export async function readDumps(files: string[]): Promise<ReadDumps> {
  const read: { dump: CollectedFacts; at: string; order: number }[] = [];
  const problems: string[] = [];
  const paths: string[] = [];
  for (const path of files) {
    const inFolder = await dumpFilesIn(path);
    if (inFolder === undefined) paths.push(path);
    else if (inFolder.length > 0) paths.push(...inFolder);
    else
      problems.push(
        `${path}: a folder with no dump in it (no ${DUMP_EXTENSIONS.join(
          ', ',
        )} file)`,
      );
  }
  // One at a time: a year of daily dumps parsed at once would hold them all in memory.
  for (const path of [...new Set(paths)]) {
    try {
      const dump = await collectFromSnapshotFile(path);
      const capturedAt =
        dump.capturedAt ?? (await fs.stat(path)).mtime.toISOString();
      read.push({
        dump: { ...dump, capturedAt },
        at: capturedAt,
        order: read.length,
      });
    } catch (error) {
      problems.push(problemOf(path, error));
    }
  }
  // ISO 8601 in UTC sorts as text; equal times keep the order the files were given in.
  read.sort((a, b) => {
    if (a.at === b.at) return a.order - b.order;
    return a.at < b.at ? -1 : 1;
  });
  return { dumps: read.map(r => r.dump), problems };
}
