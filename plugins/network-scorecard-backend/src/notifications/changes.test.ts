import { Acknowledgement } from '@network-scorecard/common';
import { scanPoint } from '../database/scanPoint';
import { ScanStoredEvent } from '../scanning/events';
import {
  ScorecardChange,
  eventKey,
  expiringAcknowledgements,
  scanChanges,
} from './changes';
import {
  acmeRuleset,
  goldenFacts,
  pointOf,
  reportUnder,
} from './__testUtils__/points';

const T1 = '2026-11-20T10:00:00.000Z';
const T2 = '2026-11-20T10:30:00.000Z';
const T3 = '2026-11-20T11:00:00.000Z';
const T4 = '2026-11-20T11:30:00.000Z';

function event(
  previous: ScanStoredEvent['previous'],
  current: ScanStoredEvent['current'],
): ScanStoredEvent {
  return {
    cluster: current.cluster,
    title: 'Payments EU',
    entityRef: null,
    owner: 'group:default/payments-team',
    previous,
    current,
  };
}

function summary(changes: ScorecardChange[]) {
  return changes.map(change => {
    switch (change.kind) {
      case 'grade-drop':
        return `${change.kind} ${change.from}>${change.to}`;
      case 'grade-unknown':
        return `${change.kind} ${change.from}>?`;
      case 'new-blocker':
      case 'new-anti-pattern':
        return `${change.kind} ${change.item} was=${change.was}${
          change.rulesetChanged ? ' (ruleset changed)' : ''
        }`;
      default:
        return change.kind;
    }
  });
}

describe('scanChanges', () => {
  it('takes the first scan of a cluster as the baseline: nothing got worse', () => {
    const first = pointOf('payments-1', T1, 'demo-prod-us-1');
    expect(first.grade).toBe('F');
    expect(first.blockers).toBeGreaterThan(0);
    expect(scanChanges(event(null, first))).toEqual([]);
  });

  it('reports a worse letter, each newly blocked readiness item and each newly detected anti-pattern', () => {
    const previous = pointOf('payments-1', T1, 'demo-prod-eu-1');
    const current = pointOf('payments-1', T2, 'demo-prod-us-1');
    expect(previous.rulesetVersion).toBe(current.rulesetVersion);

    expect(summary(scanChanges(event(previous, current)))).toEqual([
      'grade-drop A>F',
      `new-blocker readiness.calico-to-cilium was=${previous.readiness['readiness.calico-to-cilium']}`,
      `new-blocker readiness.kube-proxy-replacement was=${previous.readiness['readiness.kube-proxy-replacement']}`,
      `new-anti-pattern ap.standalone-cni-migration was=${previous.antiPatterns['ap.standalone-cni-migration']}`,
    ]);
  });

  it('reports nothing when the scorecard improves or stays as it was', () => {
    const worse = pointOf('payments-1', T1, 'demo-prod-us-1');
    const better = pointOf('payments-1', T2, 'demo-prod-eu-1');
    expect(scanChanges(event(worse, better))).toEqual([]);
    const again = pointOf('payments-1', T3, 'demo-prod-us-1');
    expect(
      scanChanges(event(again, pointOf('payments-1', T4, 'demo-prod-us-1'))),
    ).toEqual([]);
    // B to A is better, A to B is a drop of one letter
    const b = pointOf('payments-1', T1, 'demo-dc-fra-1');
    const a = pointOf('payments-1', T2, 'demo-prod-eu-1');
    expect(b.grade).toBe('B');
    expect(summary(scanChanges(event(b, a)))).toEqual([]);
    expect(summary(scanChanges(event(a, b)))).toEqual(['grade-drop A>B']);
  });

  it('never calls a ruleset change a grade drop, but still reports a new rule’s finding', () => {
    const facts = goldenFacts('demo-prod-eu-1');
    const before = pointOf('prod-eu-1', T1, 'demo-prod-eu-1');
    const after = scanPoint(reportUnder(acmeRuleset, 'prod-eu-1', T2, facts));
    expect(after.rulesetVersion).not.toBe(before.rulesetVersion);
    // the same cluster scores worse under the new rules ...
    expect(before.grade).toBe('A');
    expect(after.grade).not.toBe('A');
    // ... which is no drop; the anti-pattern the new rule detects is news
    expect(summary(scanChanges(event(before, after)))).toEqual([
      'new-anti-pattern acme.ap.cilium-everywhere was=undefined (ruleset changed)',
    ]);
  });

  it('reports a grade that became unknown once, not while it stays unknown, and unknown to a letter is no drop', () => {
    const graded = pointOf('payments-1', T1, 'demo-prod-eu-1');
    const unknown = pointOf('payments-1', T2, 'cni-unrecognised');
    expect(unknown.grade).toBe('?');
    expect(summary(scanChanges(event(graded, unknown)))).toEqual([
      'grade-unknown A>?',
    ]);
    const stillUnknown = pointOf('payments-1', T3, 'cni-unrecognised');
    expect(scanChanges(event(unknown, stillUnknown))).toEqual([]);
    const failing = pointOf('payments-1', T4, 'demo-prod-us-1');
    expect(
      summary(scanChanges(event(stillUnknown, failing))).filter(s =>
        s.startsWith('grade'),
      ),
    ).toEqual([]);
  });

  it('does not report an item that was already blocked when its blocker count grows', () => {
    const one = pointOf('dev-sandbox', T1, 'cni-flannel');
    const two = pointOf('dev-sandbox', T2, 'demo-dev-sandbox');
    expect(one.readiness['readiness.kube-proxy-replacement']).toBe('blocked');
    expect(two.readiness['readiness.kube-proxy-replacement']).toBe('blocked');
    expect(two.blockers).toBeGreaterThan(one.blockers);
    expect(
      summary(scanChanges(event(one, two))).filter(s =>
        s.startsWith('new-blocker'),
      ),
    ).toEqual([]);
  });

  it('reports an item blocked after being unknown, or absent from the previous scan', () => {
    const unknown = pointOf('payments-1', T1, 'cni-unrecognised');
    expect(unknown.readiness['readiness.kube-proxy-replacement']).toBe(
      'unknown',
    );
    const blocked = pointOf('payments-1', T2, 'cni-flannel');
    expect(summary(scanChanges(event(unknown, blocked)))).toContain(
      'new-blocker readiness.kube-proxy-replacement was=unknown',
    );
    const { 'readiness.kube-proxy-replacement': _gone, ...readiness } =
      unknown.readiness;
    expect(
      summary(scanChanges(event({ ...unknown, readiness }, blocked))),
    ).toContain('new-blocker readiness.kube-proxy-replacement was=undefined');
  });

  it('keys an event by its transition: the same transition told twice has one key, a relapse another', () => {
    const good = pointOf('payments-1', T1, 'demo-prod-eu-1');
    const bad = pointOf('payments-1', T2, 'demo-prod-us-1');
    // another replica stored its own scan after the same previous point
    const badToo = pointOf('payments-1', T3, 'demo-prod-us-1');
    const keys = (changes: ScorecardChange[]) => changes.map(eventKey);
    expect(keys(scanChanges(event(good, bad)))).toEqual(
      keys(scanChanges(event(good, badToo))),
    );
    // better again, then worse again: a new event
    const goodAgain = pointOf('payments-1', T3, 'demo-prod-eu-1');
    const relapse = pointOf('payments-1', T4, 'demo-prod-us-1');
    const first = keys(scanChanges(event(good, bad)));
    const second = keys(scanChanges(event(goodAgain, relapse)));
    expect(second).toHaveLength(first.length);
    expect(second.filter(key => first.includes(key))).toEqual([]);
    expect(first[0]).toBe(`grade-drop|payments-1||${T1}`);
  });
});

describe('expiringAcknowledgements', () => {
  const now = new Date('2026-12-01T09:00:00.000Z');
  const ack = (expiresAt: string | null) => ({
    by: 'user:default/alice',
    reason: 'migration planned for Q1',
    at: '2026-11-01T09:00:00.000Z',
    expiresAt,
  });

  it('finds active acknowledgements expiring within 7 days, soonest first', () => {
    const found = expiringAcknowledgements(
      now,
      new Map<string, Record<string, Acknowledgement>>([
        [
          'payments-1',
          {
            'ap.mesh-too-early': ack('2026-12-08T09:00:00.000Z'), // exactly 7 days
            'ap.mesh-without-question': ack('2026-12-08T09:00:01.000Z'), // just over
            'ap.two-control-planes': ack(null), // never expires
          },
        ],
        [
          'prod-us-1',
          {
            'ap.standalone-cni-migration': ack('2026-12-03T09:00:00Z'),
            'ap.calico-ebpf-untested': ack('2026-12-01T09:00:00.000Z'), // expires now: no longer active
          },
        ],
      ]),
    );
    expect(found.map(f => `${f.cluster} ${f.item} ${f.occurrence}`)).toEqual([
      'prod-us-1 ap.standalone-cni-migration 2026-12-03T09:00:00.000Z',
      'payments-1 ap.mesh-too-early 2026-12-08T09:00:00.000Z',
    ]);
    expect(found.map(eventKey)).toEqual([
      'acknowledgement-expiring|prod-us-1|ap.standalone-cni-migration|2026-12-03T09:00:00.000Z',
      'acknowledgement-expiring|payments-1|ap.mesh-too-early|2026-12-08T09:00:00.000Z',
    ]);
  });
});
