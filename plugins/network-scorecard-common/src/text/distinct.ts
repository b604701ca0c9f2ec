/**
 * Whether `lines` holds `line`. Comparing lengths first skips the string
 * comparison for almost every pair of different evidence lines.
 */
export function contains(lines: readonly string[], line: string): boolean {
  for (const other of lines) {
    if (other.length === line.length && other === line) return true;
  }
  return false;
}

/** The lines with repeats dropped (first kept); `lines` itself when it has none. */
export function distinct(lines: string[]): string[] {
  const n = lines.length;
  for (let i = 1; i < n; i++) {
    const line = lines[i];
    const length = line.length;
    for (let j = 0; j < i; j++) {
      const other = lines[j];
      if (other.length === length && other === line) return once(lines);
    }
  }
  return lines;
}

function once(lines: string[]): string[] {
  const kept: string[] = [];
  for (const line of lines) if (!contains(kept, line)) kept.push(line);
  return kept;
}
