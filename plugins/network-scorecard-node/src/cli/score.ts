import { basename, extname } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import {
  ClusterReport,
  Grade,
  ReportSource,
  parseRequirements,
} from '@network-scorecard/common';
import { collectFromKubeConfig } from '../collect/collectFromKubernetes';
import { collectFromSnapshotFile } from '../collect/collectFromSnapshot';
import { scoreCluster } from '../score/scoreCluster';
import { SnapshotError } from '../snapshot/loadSnapshot';
import { CollectedFacts } from '../types';
import { readClusterEntity } from './entityFile';
import { formatTable } from './formatTable';
import { UsageError } from './usageError';

/** Options of `network-scorecard score`. */
export interface ScoreOptions {
  snapshot?: string;
  kubeconfig?: string;
  context?: string;
  cluster?: string;
  entity?: string;
  requirements?: string;
  lifecycle?: string;
  format: 'json' | 'table';
  failBelow?: Exclude<Grade, '?'>;
  timeout: string;
}

export const EXIT = { ok: 0, usage: 1, unreachable: 2, belowGrade: 3 } as const;

const GRADES: Grade[] = ['A', 'B', 'C', 'D', 'F', '?'];

/** "?" (too little seen to grade) counts as below every grade. */
export function isBelow(grade: Grade, threshold: Grade): boolean {
  return GRADES.indexOf(grade) > GRADES.indexOf(threshold);
}

function loadKubeConfig(file: string, context: string | undefined): KubeConfig {
  const kc = new KubeConfig();
  try {
    kc.loadFromFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      `--kubeconfig ${file}: ${
        code === 'ENOENT'
          ? 'not found'
          : `cannot be read (${(error as Error).message.split('\n')[0]})`
      }`,
    );
  }
  if (context) {
    if (!kc.getContexts().some(c => c.name === context)) {
      throw new UsageError(
        `--context ${context}: no such context in ${file} (has ${
          kc
            .getContexts()
            .map(c => c.name)
            .join(', ') || 'none'
        })`,
      );
    }
    kc.setCurrentContext(context);
  }
  if (!kc.getCurrentCluster()) {
    throw new UsageError(
      `--kubeconfig ${file}: no current context; choose one with --context`,
    );
  }
  return kc;
}

async function collect(
  options: ScoreOptions,
): Promise<{ collected: CollectedFacts; source: ReportSource; name?: string }> {
  if (options.snapshot) {
    try {
      const collected = await collectFromSnapshotFile(options.snapshot);
      return {
        collected,
        source: 'snapshot',
        name: basename(options.snapshot, extname(options.snapshot)),
      };
    } catch (error) {
      if (error instanceof SnapshotError)
        throw new UsageError(`--snapshot ${error.message}`);
      throw error;
    }
  }
  const kc = loadKubeConfig(options.kubeconfig!, options.context);
  const timeoutMs = Number(options.timeout);
  const collected = await collectFromKubeConfig(kc, { timeoutMs });
  return {
    collected,
    source: 'kubernetes',
    name: kc.getCurrentCluster()?.name,
  };
}

function validate(options: ScoreOptions): void {
  if (!!options.snapshot === !!options.kubeconfig) {
    throw new UsageError(
      'give exactly one of --snapshot FILE or --kubeconfig FILE',
    );
  }
  if (options.context && !options.kubeconfig)
    throw new UsageError('--context needs --kubeconfig');
  const timeout = Number(options.timeout);
  if (!Number.isFinite(timeout) || timeout <= 0)
    throw new UsageError(
      `--timeout ${options.timeout}: not a positive number of milliseconds`,
    );
}

/** Runs `score` and returns the report text and exit code. Throws UsageError for exit 1. */
export async function score(
  options: ScoreOptions,
): Promise<{ output: string; code: number; report: ClusterReport }> {
  validate(options);
  const flagged =
    options.requirements !== undefined
      ? parseRequirements(options.requirements, '--requirements')
      : undefined;
  if (flagged?.errors.length) throw new UsageError(flagged.errors.join('\n'));
  if (
    options.requirements !== undefined &&
    flagged?.requirements.length === 0 &&
    options.requirements.trim()
  ) {
    throw new UsageError('--requirements: no requirement id given');
  }

  const { collected, source, name } = await collect(options);
  const entity = options.entity
    ? readClusterEntity(
        options.entity,
        options.cluster ?? (source === 'snapshot' ? name : undefined),
      )
    : undefined;
  const report = scoreCluster({
    cluster: options.cluster ?? entity?.metadata.name ?? name ?? 'cluster',
    source,
    collected,
    entity,
    now: collected.capturedAt ?? new Date().toISOString(),
    overrides: {
      requirements: flagged?.requirements,
      lifecycle: options.lifecycle,
    },
  });
  const declaration = report.errors.filter(e => e.fact === 'catalog');
  if (declaration.length)
    throw new UsageError(
      declaration
        .map(e => `--entity ${options.entity}: ${e.reason}`)
        .join('\n'),
    );
  const output =
    options.format === 'table'
      ? formatTable(report)
      : `${JSON.stringify(report, null, 2)}\n`;
  let code: number = EXIT.ok;
  if (source === 'kubernetes' && report.status === 'failed')
    code = EXIT.unreachable;
  else if (options.failBelow && isBelow(report.grade, options.failBelow))
    code = EXIT.belowGrade;
  return { output, code, report };
}
