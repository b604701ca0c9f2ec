import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The repository's Prometheus fixtures (see fixtures/prometheus/PROVENANCE.md). */
export const PROMETHEUS_FIXTURES = resolve(
  __dirname,
  '../../../../fixtures/prometheus',
);

/** 2026-11-26T12:00:00Z: the end of every fixture's history, where tests evaluate. */
export const FIXTURE_END = '2026-11-26T12:00:00.000Z';

/** Debian's binaries, or where test/setup/ensure-services.mjs found them. */
function binary(name: 'prometheus' | 'promtool'): string {
  const path =
    process.env[`NETWORK_SCORECARD_${name.toUpperCase()}`] ??
    `/usr/bin/${name}`;
  if (!existsSync(path)) {
    throw new Error(
      `${path} is missing: run "node -e \\"import('./test/setup/ensure-services.mjs').then(m=>m.ensurePrometheus())\\"" from the repository root (as root it installs Debian's prometheus package)`,
    );
  }
  return path;
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => ok(port));
    });
  });
}

/** A real Prometheus serving a backfilled history, with no scraping. */
export interface TestPrometheus {
  url: string;
  /** the query log (query_log_file): every PromQL query it answered */
  queryLog: string;
  stop(): Promise<void>;
}

async function waitReady(url: string, child: ChildProcess, log: () => string) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`prometheus exited (${child.exitCode}): ${log()}`);
    try {
      const response = await fetch(`${url}/-/ready`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error(`prometheus at ${url} not ready within 30 s: ${log()}`);
}

/**
 * Backfills an OpenMetrics text (or a fixture file of fixtures/prometheus)
 * with `promtool tsdb create-blocks-from openmetrics` and starts
 * `prometheus` on it at 127.0.0.1 and a free port. Queries must use fixed
 * evaluation times inside the backfilled range (FIXTURE_END).
 */
export async function startPrometheus(
  source: { fixture: string } | { openMetrics: string },
): Promise<TestPrometheus> {
  const dir = mkdtempSync(join(tmpdir(), 'scorecard-prometheus-'));
  const data = join(dir, 'data');
  let input: string;
  if ('fixture' in source) {
    input = resolve(PROMETHEUS_FIXTURES, source.fixture);
  } else {
    input = join(dir, 'input.om');
    writeFileSync(input, source.openMetrics);
  }
  execFileSync(
    binary('promtool'),
    ['tsdb', 'create-blocks-from', 'openmetrics', input, data],
    { stdio: 'pipe' },
  );
  const queryLog = join(dir, 'queries.log');
  const config = join(dir, 'prometheus.yml');
  writeFileSync(config, `global:\n  query_log_file: ${queryLog}\n`);
  // a free port can be taken by another test between freePort() and the bind: then try another
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    let output = '';
    const child = spawn(
      binary('prometheus'),
      [
        `--config.file=${config}`,
        `--storage.tsdb.path=${data}`,
        '--storage.tsdb.retention.time=100y',
        `--web.listen-address=127.0.0.1:${port}`,
        '--log.level=warn',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    child.stderr?.on('data', (chunk: Buffer) => {
      output = `${output}${chunk.toString('utf8')}`.slice(-2000);
    });
    const kill = async () => {
      if (child.exitCode === null) {
        const exited = new Promise(r => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
    };
    const stop = async () => {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    };
    try {
      await waitReady(url, child, () => output);
      return { url, queryLog, stop };
    } catch (error) {
      if (attempt < 5 && /address already in use/.test(String(error))) {
        await kill();
        continue;
      }
      await stop();
      throw error;
    }
  }
}
