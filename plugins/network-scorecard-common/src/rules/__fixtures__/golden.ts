/**
 * Golden facts: what the real collector of @network-scorecard/node reads from
 * a variant dump (fixtures/golden, written by `npm run golden`). Test-only.
 */
import fs from 'fs';
import path from 'path';
import { ClusterFacts } from '../../facts';
import { ReportError } from '../../report';

const GOLDEN = path.resolve(__dirname, '../../../../../fixtures/golden');

export interface Golden {
  name: string;
  description: string;
  facts: ClusterFacts;
  errors: ReportError[];
}

export function goldenCluster(name: string): Golden {
  return JSON.parse(
    fs.readFileSync(path.join(GOLDEN, `${name}.json`), 'utf8'),
  ) as Golden;
}

/** The facts of a golden variant (fixtures/golden/<name>.json). */
export function golden(name: string): ClusterFacts {
  return goldenCluster(name).facts;
}
