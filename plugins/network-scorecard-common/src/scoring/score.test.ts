import { Area, CheckStatus } from '../report';
import { checkPoints, gradeFor, scoreChecks } from './score';

const c = (area: Area, status: CheckStatus, weight: number) => ({
  area,
  status,
  weight,
});

describe('checkPoints', () => {
  it('earns weight × 1 / 0.5 / 0 and leaves the denominator for unknown and not-applicable', () => {
    expect([
      checkPoints('pass', 3),
      checkPoints('warn', 3),
      checkPoints('fail', 3),
    ]).toEqual([3, 1.5, 0]);
    expect([
      checkPoints('unknown', 3),
      checkPoints('not-applicable', 3),
    ]).toEqual([null, null]);
  });
});

describe('scoreChecks (DESIGN §6), hand-computed', () => {
  it('case 1: two areas, every status', () => {
    // cni: pass 3 + warn 2 (=1) + fail 2 (=0) = 4 of 7 -> 57.142857; unknown and n/a leave the denominator
    // kube-proxy: pass 3 -> 100
    // overall = (57.142857 × 25 + 100 × 15) / 40 = 73.214 -> 73.2, grade C
    // coverage = 4 known of 5 applicable = 0.8
    const summary = scoreChecks([
      c('cni', 'pass', 3),
      c('cni', 'warn', 2),
      c('cni', 'fail', 2),
      c('cni', 'unknown', 2),
      c('cni', 'not-applicable', 1),
      c('kube-proxy', 'pass', 3),
    ]);
    expect(summary).toEqual({
      score: 73.2,
      grade: 'C',
      coverage: 0.8,
      areas: [
        { id: 'cni', score: 57.1 },
        { id: 'kube-proxy', score: 100 },
        { id: 'mesh', score: null },
        { id: 'encryption', score: null },
        { id: 'observability', score: null },
        { id: 'policy', score: null },
      ],
    });
  });

  it('case 2: all six areas', () => {
    // cni 2/3 = 66.667 (w25), kube-proxy 0 (w15), mesh 100 (w20), encryption 50 (w10),
    // observability 3.5/5 = 70 (w20), policy 100 (w10)
    // overall = (1666.667 + 0 + 2000 + 500 + 1400 + 1000) / 100 = 65.667 -> 65.7, grade D
    const summary = scoreChecks([
      c('cni', 'pass', 2),
      c('cni', 'fail', 1),
      c('kube-proxy', 'fail', 3),
      c('mesh', 'pass', 3),
      c('encryption', 'warn', 2),
      c('observability', 'pass', 3),
      c('observability', 'warn', 1),
      c('observability', 'fail', 1),
      c('policy', 'pass', 3),
    ]);
    expect(summary.score).toBe(65.7);
    expect(summary.grade).toBe('D');
    expect(summary.areas.map(a => a.score)).toEqual([
      66.7, 0, 100, 50, 70, 100,
    ]);
  });

  it('case 3: the overall score comes from exact area scores, not rounded ones', () => {
    // cni 0/1 = 0 (w25), mesh 1/7 = 14.2857.. (w20) -> exact (0 + 285.714) / 45 = 6.349 -> 6.3
    // (from the rounded area 14.3 it would be 286 / 45 = 6.356 -> 6.4)
    const summary = scoreChecks([
      c('cni', 'fail', 1),
      c('mesh', 'pass', 1),
      c('mesh', 'fail', 6),
    ]);
    expect(summary.areas.slice(0, 3).map(x => x.score)).toEqual([
      0,
      null,
      14.3,
    ]);
    expect(summary.score).toBe(6.3);
    expect(summary.grade).toBe('F');
  });

  it('grades nothing below 50 % coverage, and does at exactly 50 %', () => {
    const below = scoreChecks([
      c('cni', 'pass', 3),
      c('cni', 'pass', 3),
      c('cni', 'unknown', 1),
      c('mesh', 'unknown', 1),
      c('policy', 'unknown', 1),
    ]);
    expect(below).toMatchObject({ score: null, grade: '?', coverage: 0.4 });
    const half = scoreChecks([c('cni', 'pass', 3), c('mesh', 'unknown', 3)]);
    expect(half).toMatchObject({ score: 100, grade: 'A', coverage: 0.5 });
  });

  it('grades nothing when no check applies', () => {
    expect(scoreChecks([c('cni', 'not-applicable', 3)])).toMatchObject({
      score: null,
      grade: '?',
      coverage: 0,
    });
    expect(scoreChecks([])).toMatchObject({
      score: null,
      grade: '?',
      coverage: 0,
    });
  });

  it('rounds coverage to three places', () => {
    expect(
      scoreChecks([
        c('cni', 'pass', 1),
        c('cni', 'pass', 1),
        c('cni', 'unknown', 1),
      ]).coverage,
    ).toBe(0.667);
  });
});

describe('gradeFor', () => {
  it.each([
    [100, 'A'],
    [90, 'A'],
    [89.9, 'B'],
    [80, 'B'],
    [79.9, 'C'],
    [70, 'C'],
    [69.9, 'D'],
    [60, 'D'],
    [59.9, 'F'],
    [0, 'F'],
  ])('%d -> %s', (score, grade) => {
    expect(gradeFor(score)).toBe(grade);
  });
});
