import { ClusterReport, Fact } from '@network-scorecard/common';

function table(headers: string[], rows: string[][]): string[] {
  const widths = headers.map((h, i) =>
    Math.max(h.length, ...rows.map(r => (r[i] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)];
}

function factText(fact: Fact<unknown> | undefined): string {
  if (fact && fact.value !== null) return JSON.stringify(fact.value);
  if (fact?.reason?.startsWith('not applicable:')) {
    return `n/a (${fact.reason.slice('not applicable:'.length).trim()})`;
  }
  return `unknown (${fact?.reason ?? 'not collected'})`;
}

/** A readable, plain-text rendering of a report for terminals. */
export function formatTable(report: ClusterReport): string {
  const out: string[] = [];
  const score = report.score === null ? '-' : String(Math.round(report.score));
  out.push(
    `Cluster ${report.cluster} (${report.source}, scanned ${report.scannedAt})`,
  );
  out.push(
    `Grade ${report.grade}  score ${score}  coverage ${Math.round(
      report.coverage * 100,
    )}%  status ${report.status}  ruleset ${report.rulesetVersion}`,
  );
  out.push(
    '',
    ...table(
      ['AREA', 'SCORE'],
      report.areas.map(a => [
        a.id,
        a.score === null ? '-' : String(Math.round(a.score)),
      ]),
    ),
  );
  out.push(
    '',
    ...table(
      ['CHECK', 'STATUS', 'RECOMMENDATION'],
      report.checks.map(c => [c.id, c.status, c.recommendation]),
    ),
  );
  if (report.antiPatterns.length) {
    out.push(
      '',
      ...table(
        ['ANTI-PATTERN', 'STATUS', 'EVIDENCE'],
        report.antiPatterns.map(a => [
          a.id,
          a.acknowledged ? `${a.status} (acknowledged)` : a.status,
          a.evidence[0] ?? '',
        ]),
      ),
    );
  }
  if (report.readiness.length) {
    out.push(
      '',
      ...table(
        ['READINESS', 'STATUS', 'BLOCKERS'],
        report.readiness.map(r => [r.id, r.status, r.blockers.join('; ')]),
      ),
    );
  }
  out.push(
    '',
    ...table(
      ['FACT', 'VALUE'],
      Object.entries(report.facts).map(([id, f]) => [id, factText(f)]),
    ),
  );
  if (report.errors.length) {
    out.push(
      '',
      'ERRORS',
      ...report.errors.map(e => `  ${e.fact ? `${e.fact}: ` : ''}${e.reason}`),
    );
  }
  if (report.links.length) {
    out.push('', 'LINKS', ...report.links.map(l => `  ${l.title}: ${l.url}`));
  }
  return `${out.join('\n')}\n`;
}
