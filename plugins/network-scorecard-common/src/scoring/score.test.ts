import { Area, CheckStatus } from '../report';
import { AREAS } from '../report/types';
import { areaIndex } from './areaIndex';
import { finalScore } from './adjust';
import { checkPoints, gradeFor } from './score';
import { scoreAreas } from './areaSums';

let n = 0;
const c = (area: Area, status: CheckStatus, weight: number) => ({
  id: `${area}.c${n++}`,
  area,
  status,
  weight,
});

/** The score as the report gives it, with no anti-pattern and outside production. */
function plain(checks: ReturnType<typeof c>[]) {
  const areas = scoreAreas(checks);
  return {
    ...areas,
    ...finalScore({
      weighted: areas.weighted,
      coverage: areas.coverage,
      antiPatterns: [],
      checks,
      production: false,
    }),
  };
}

describe('checkPoints', () => {
  it('earns weight × 1 / 0.5 / 0; unknown earns 0 and only not-applicable leaves the denominator', () => {
    expect([
      checkPoints('pass', 3),
      checkPoints('warn', 3),
      checkPoints('fail', 3),
      checkPoints('unknown', 3),
    ]).toEqual([3, 1.5, 0, 0]);
    expect(checkPoints('not-applicable', 3)).toBeNull();
  });
});

describe('area scores and the weighted score (formula 2026.12), hand-computed', () => {
  it('case 1: two areas, every status; unknown counts as 0 of its weight', () => {
    // cni: pass 3 + warn 2 (=1) + fail 2 (=0) + unknown 2 (=0) = 4 of 9 -> 44.444; n/a leaves the denominator
    // kube-proxy: pass 3 -> 100
    // overall = (44.444 × 20 + 100 × 10) / 30 = 62.963 -> 63, grade D
    // coverage = 4 known of 5 applicable = 0.8
    const summary = plain([
      c('cni', 'pass', 3),
      c('cni', 'warn', 2),
      c('cni', 'fail', 2),
      c('cni', 'unknown', 2),
      c('cni', 'not-applicable', 1),
      c('kube-proxy', 'pass', 3),
    ]);
    expect(summary.score).toBe(63);
    expect(summary.grade).toBe('D');
    expect(summary.coverage).toBe(0.8);
    expect(summary.areas).toEqual([
      { id: 'cni', score: 44.4 },
      { id: 'kube-proxy', score: 100 },
      { id: 'mesh', score: null },
      { id: 'encryption', score: null },
      { id: 'observability', score: null },
      { id: 'policy', score: null },
    ]);
    // the unknown check could add 2/9 of cni (22.2 area points) × 20/30 = 14.8 overall points
    expect([...summary.atStake.values()]).toEqual([14.8]);
  });

  it('case 2: all six areas', () => {
    // cni 2/3 = 66.667 (w20), kube-proxy 0 (w10), mesh 100 (w15), encryption 50 (w10),
    // observability 3.5/5 = 70 (w20), policy 100 (w25)
    // overall = (1333.333 + 0 + 1500 + 500 + 1400 + 2500) / 100 = 72.333 -> 72.3, grade C
    const summary = plain([
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
    expect(summary.score).toBe(72.3);
    expect(summary.grade).toBe('C');
    expect(summary.areas.map(a => a.score)).toEqual([
      66.7, 0, 100, 50, 70, 100,
    ]);
  });

  it('case 3: the overall score comes from exact area scores, not rounded ones', () => {
    // cni 0/1 = 0 (w20), mesh 1/7 = 14.2857.. (w15) -> exact (0 + 214.286) / 35 = 6.122 -> 6.1
    // (from the rounded area 14.3 it would be 214.5 / 35 = 6.129 -> 6.1 too; 1/7 of w15 is the exact input)
    const summary = plain([
      c('cni', 'fail', 1),
      c('mesh', 'pass', 1),
      c('mesh', 'fail', 6),
    ]);
    expect(summary.areas.slice(0, 3).map(x => x.score)).toEqual([
      0,
      null,
      14.3,
    ]);
    expect(summary.score).toBe(6.1);
    expect(summary.grade).toBe('F');
  });

  it('grades nothing below 50 % coverage, and does at exactly 50 %', () => {
    const below = plain([
      c('cni', 'pass', 3),
      c('cni', 'pass', 3),
      c('cni', 'unknown', 1),
      c('mesh', 'unknown', 1),
      c('policy', 'unknown', 1),
    ]);
    expect(below).toMatchObject({ score: null, grade: '?', coverage: 0.4 });
    // cni 100 (w20), mesh 0 of 3 unknown (w15): (2000 + 0) / 35 = 57.1
    const half = plain([c('cni', 'pass', 3), c('mesh', 'unknown', 3)]);
    expect(half).toMatchObject({ score: 57.1, grade: 'F', coverage: 0.5 });
  });

  it('grades nothing when no check applies', () => {
    expect(plain([c('cni', 'not-applicable', 3)])).toMatchObject({
      score: null,
      grade: '?',
      coverage: 0,
    });
    expect(plain([])).toMatchObject({ score: null, grade: '?', coverage: 0 });
  });
});

describe('penalties and caps', () => {
  const allPass = [
    {
      id: 'cni.x',
      area: 'cni' as Area,
      status: 'pass' as CheckStatus,
      weight: 1,
    },
    {
      id: 'policy.enforced',
      area: 'policy' as Area,
      status: 'pass' as CheckStatus,
      weight: 1,
    },
  ];
  const score = (input: Partial<Parameters<typeof finalScore>[0]>) =>
    finalScore({
      weighted: 100,
      coverage: 1,
      antiPatterns: [],
      checks: allPass,
      production: true,
      ...input,
    });

  it('takes 5 points per open anti-pattern and keeps the cluster from an A', () => {
    const one = score({
      antiPatterns: [{ id: 'ap.a', status: 'detected', acknowledged: null }],
    });
    expect(one.penalties).toEqual([
      { antiPatternId: 'ap.a', status: 'detected', points: 5, waived: false },
    ]);
    expect(one).toMatchObject({ score: 89.9, grade: 'B' });
    const three = score({
      antiPatterns: ['ap.a', 'ap.b', 'ap.c'].map(id => ({
        id,
        status: 'detected' as const,
        acknowledged: null,
      })),
    });
    expect(three).toMatchObject({ score: 85, grade: 'B' });
    expect(three.caps.map(cap => cap.id)).toEqual(['open-anti-pattern']);
  });

  it('charges an anti-pattern it could not decide like a detected one', () => {
    expect(
      score({
        antiPatterns: [{ id: 'ap.a', status: 'unknown', acknowledged: null }],
      }),
    ).toMatchObject({
      score: 89.9,
      penalties: [{ status: 'unknown', points: 5 }],
    });
  });

  it('waives the penalty and the cap while an acknowledgement is active', () => {
    const acknowledged = score({
      antiPatterns: [
        {
          id: 'ap.a',
          status: 'detected',
          acknowledged: {
            by: 'user:default/jo',
            reason: 'migration booked',
            at: '2026-11-01T00:00:00Z',
            expiresAt: null,
          },
        },
      ],
    });
    expect(acknowledged).toMatchObject({ score: 100, grade: 'A', caps: [] });
    expect(acknowledged.penalties).toEqual([
      { antiPatternId: 'ap.a', status: 'detected', points: 0, waived: true },
    ]);
  });

  it('caps a production cluster without enforced policy at C, and one whose policy is unknown too', () => {
    for (const status of ['fail', 'unknown'] as const) {
      const result = score({
        checks: [allPass[0], { id: 'policy.enforced', status }],
      });
      expect(result).toMatchObject({ score: 79.9, grade: 'C' });
      expect(result.caps.map(cap => cap.id)).toEqual(['policy-gate']);
    }
    expect(
      score({
        checks: [allPass[0], { id: 'policy.enforced', status: 'fail' }],
        production: false,
      }),
    ).toMatchObject({ score: 100, caps: [] });
  });

  it('never goes below 0', () => {
    expect(
      score({
        weighted: 3,
        antiPatterns: [{ id: 'ap.a', status: 'detected', acknowledged: null }],
      }).score,
    ).toBe(0);
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
  ])('%s -> %s', (value, grade) => {
    expect(gradeFor(value)).toBe(grade);
  });
});

describe('areaIndex', () => {
  it('places every area where AREAS does, so each check adds to its own area', () => {
    expect(AREAS.map(areaIndex)).toEqual(
      AREAS.map(area => AREAS.indexOf(area)),
    );
  });
});

describe('scoreAreas, called again', () => {
  it('starts every call from zero: an earlier cluster never adds to the next', () => {
    const first = scoreAreas([c('cni', 'fail', 3), c('policy', 'pass', 2)]);
    const second = scoreAreas([c('cni', 'pass', 3)]);
    expect(first.areas.find(a => a.id === 'cni')?.score).toBe(0);
    expect(second.areas).toEqual([
      { id: 'cni', score: 100 },
      { id: 'kube-proxy', score: null },
      { id: 'mesh', score: null },
      { id: 'encryption', score: null },
      { id: 'observability', score: null },
      { id: 'policy', score: null },
    ]);
    expect(second.weighted).toBe(100);
  });

  it('forgets the points at stake of the earlier cluster', () => {
    const first = scoreAreas([c('cni', 'unknown', 3), c('policy', 'pass', 2)]);
    const second = scoreAreas([c('cni', 'pass', 3), c('policy', 'pass', 2)]);
    expect(first.atStake.size).toBe(1);
    expect(second.atStake.size).toBe(0);
  });

  it('lists a check id twice as a Map would: first place, last value', () => {
    const twice = (area: Area, weight: number) => ({
      ...c(area, 'unknown', weight),
      id: 'custom.twice',
    });
    const mesh = c('mesh', 'unknown', 1);
    const summary = scoreAreas([
      twice('cni', 3),
      mesh,
      twice('policy', 2),
      c('policy', 'pass', 2),
    ]);
    expect([...summary.atStake.keys()]).toEqual(['custom.twice', mesh.id]);
    // policy: 2 of 4 possible points, 25 of the 60 weight that applies
    expect(summary.atStake.get('custom.twice')).toBe(20.8);
  });
});
