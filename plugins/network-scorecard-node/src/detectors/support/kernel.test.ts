import { compareKernels, isBelow, parseKernel } from './kernel';

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
});
