// Makes sure the machine has what the suite needs: PostgreSQL (Debian's) running
// with a known password, and Debian's Chromium. Installs them when missing and
// we are root (CI is); otherwise says exactly what to install.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const isRoot = process.getuid?.() === 0;

function sh(command, options = {}) {
  return execSync(command, { stdio: 'pipe', encoding: 'utf8', ...options });
}

function aptInstall(packages) {
  if (!isRoot) {
    throw new Error(
      `missing ${packages.join(
        ', ',
      )}: install with "sudo apt-get install -y ${packages.join(' ')}"`,
    );
  }
  console.log(`[setup] apt-get install -y ${packages.join(' ')}`);
  sh('apt-get update -qq', { stdio: 'inherit' });
  sh(
    `DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages.join(
      ' ',
    )}`,
    { stdio: 'inherit' },
  );
}

export function ensureChromium() {
  if (!existsSync('/usr/bin/chromium')) aptInstall(['chromium']);
  return '/usr/bin/chromium';
}

function pgReady() {
  return (
    spawnSync('pg_isready', ['-h', 'localhost', '-p', '5432'], {
      stdio: 'ignore',
    }).status === 0
  );
}

/** Returns the PostgreSQL connection string for TestDatabases' POSTGRES_15. */
export function ensurePostgres() {
  const url =
    process.env.NETWORK_SCORECARD_TEST_POSTGRES ??
    'postgresql://postgres:postgres@localhost:5432';
  if (process.env.NETWORK_SCORECARD_TEST_POSTGRES) return url;
  if (!existsSync('/usr/bin/pg_ctlcluster')) aptInstall(['postgresql']);
  if (!pgReady()) {
    if (!isRoot)
      throw new Error(
        'PostgreSQL is not running on localhost:5432: start it (pg_ctlcluster 15 main start) or set NETWORK_SCORECARD_TEST_POSTGRES',
      );
    const clusters = sh('pg_lsclusters --no-header')
      .trim()
      .split('\n')
      .filter(Boolean);
    if (clusters.length === 0) {
      const version = sh('ls /usr/lib/postgresql').trim().split('\n').pop();
      sh(`pg_createcluster ${version} main`);
      clusters.push(`${version} main`);
    }
    const [version, name] = clusters[0].split(/\s+/);
    sh(`pg_ctlcluster ${version} ${name} start`);
    for (let i = 0; i < 30 && !pgReady(); i++) sh('sleep 1');
  }
  if (isRoot) {
    sh(
      `su postgres -c "psql -qc \\"ALTER USER postgres PASSWORD 'postgres'\\""`,
    );
  }
  return url;
}

/**
 * Debian's Prometheus and promtool for the traffic tests (which start their
 * own server on a backfilled history; the package's service is never used).
 * Returns the binaries' paths, which the tests read from
 * NETWORK_SCORECARD_PROMETHEUS / NETWORK_SCORECARD_PROMTOOL.
 */
export function ensurePrometheus() {
  if (!existsSync('/usr/bin/prometheus') || !existsSync('/usr/bin/promtool'))
    aptInstall(['prometheus']);
  return { prometheus: '/usr/bin/prometheus', promtool: '/usr/bin/promtool' };
}
