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
  for (let i = 1; i < lines.length; i++) {
    for (let j = 0; j < i; j++) {
      if (lines[j].length === lines[i].length && lines[j] === lines[i]) {
        const once: string[] = [];
        for (const line of lines) if (!contains(once, line)) once.push(line);
        return once;
      }
    }
  }
  return lines;
}
