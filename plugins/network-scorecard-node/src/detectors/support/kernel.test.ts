import {
  compareKernels,
  isBelow,
  isRhel8Equivalent510,
  parseKernel,
} from './kernel';

describe('kernel versions', () => {
  it('parses distribution kernels numerically', () => {
    expect(parseKernel('5.4.0-1045-aws')).toEqual([5, 4, 0]);
    expect(parseKernel('6.12.54-linuxkit')).toEqual([6, 12, 54]);
    expect(parseKernel('5.4.129-63.229.amzn2.aarch64')).toEqual([5, 4, 129]);
    expect(parseKernel('5.10')).toEqual([5, 10, 0]);
    expect(parseKernel('10.0.20348.2700')).toEqual([10, 0, 20348]);
    expect(parseKernel('')).toBeNull();
    expect(parseKernel(undefined)).toBeNull();
  });

  it('compares as numbers, not strings (5.10 is newer than 5.4)', () => {
    expect(compareKernels([5, 10, 0], [5, 4, 0])).toBeGreaterThan(0);
    expect(isBelow(parseKernel('5.4.0-1045-aws')!, 5, 10)).toBe(true);
    expect(isBelow(parseKernel('5.10.0-28-amd64')!, 5, 10)).toBe(false);
    expect(isBelow(parseKernel('6.12.54-linuxkit')!, 5, 10)).toBe(false);
    expect(isBelow(parseKernel('4.19.0')!, 5, 10)).toBe(true);
  });

  it("takes RHEL 8.10's 4.18 builds (553 and later, el8_10) as equivalent to 5.10, earlier RHEL 8 not", () => {
    expect(isRhel8Equivalent510('4.18.0-553.el8_10.x86_64')).toBe(true);
    expect(isRhel8Equivalent510('4.18.0-553.16.1.el8_10.x86_64')).toBe(true);
    expect(isRhel8Equivalent510('4.18.0-553.5.1.el8.x86_64')).toBe(true);
    expect(isRhel8Equivalent510('4.18.0-513.5.1.el8_9.x86_64')).toBe(false);
    expect(isRhel8Equivalent510('4.18.0-372.9.1.el8.x86_64')).toBe(false);
    expect(isRhel8Equivalent510('4.18.0-25-generic')).toBe(false);
    expect(isRhel8Equivalent510('5.4.0-1045-aws')).toBe(false);
  });
});
