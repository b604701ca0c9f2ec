/** "5.4.0-1045-aws" -> [5, 4, 0]; "6.12.54-linuxkit" -> [6, 12, 54]; null when not a Linux version */
export function parseKernel(
  version: string | undefined,
): [number, number, number] | null {
  const m = /^\s*(\d+)\.(\d+)(?:\.(\d+))?/.exec(version ?? '');
  if (!m) return null;
  return [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
}

/** Numeric comparison of kernel versions (not string order: 5.10 > 5.4). */
export function compareKernels(
  a: [number, number, number],
  b: [number, number, number],
): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** Whether a kernel is older than major.minor. */
export function isBelow(
  version: [number, number, number],
  major: number,
  minor: number,
): boolean {
  return compareKernels(version, [major, minor, 0]) < 0;
}
