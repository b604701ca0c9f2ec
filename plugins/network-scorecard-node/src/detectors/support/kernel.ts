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

/**
 * RHEL 8.10 (and its rebuilds) ships 4.18.0-553 and later builds, with the
 * eBPF features of 5.10 backported: Cilium's system requirements accept it as
 * equivalent to 5.10. Earlier RHEL 8 minors (e.g. 4.18.0-372.el8_6) are not.
 */
export function isRhel8Equivalent510(version: string | undefined): boolean {
  const m = /^\s*4\.18\.0-(\d+)[.\w-]*\.el8(?:_(\d+))?/.exec(version ?? '');
  if (!m) return false;
  const minor = m[2] === undefined ? undefined : Number(m[2]);
  return minor !== undefined ? minor >= 10 : Number(m[1]) >= 553;
}

/** "4.18.0-372.9.1.el8_6.x86_64" -> true: a RHEL 8 family kernel */
export function isRhel8Kernel(version: string | undefined): boolean {
  return /^\s*4\.18\.0-\d+[.\w-]*\.el8/.test(version ?? '');
}
