import { ApplicationError } from '@sangathan/kernel';
import { Panel } from './panel.entity';

const t0 = new Date('2029-01-01T00:00:00Z');
const at = (hours: number) => new Date(t0.getTime() + hours * 3600_000);

function openPanel(deadlineHours = 48): Panel {
  return Panel.open({
    id: 'p',
    cycleId: 'LS-2029',
    seatId: 'LS-1',
    seatLevel: 'lok-sabha',
    seatAncestors: ['IN', 'UP'],
    zoneId: 'Z1',
    zoneAncestors: ['IN', 'UP'],
    ownerId: 'zc',
    deadline: at(deadlineHours),
    by: 'zc',
    at: t0,
  }).panel;
}

const code = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    return `${(error as ApplicationError).status} ${(error as ApplicationError).code}`;
  }
  return 'no error';
};

const prospects = new Set(['a', 'b', 'c', 'd']);
const entries = (...ids: string[]) =>
  ids.map((prospectId) => ({ prospectId, rationale: `why ${prospectId}` }));

describe('Panel', () => {
  it('walks open → collecting → proposed → submitted → returned → submitted → decided → announced, recording who and when', () => {
    const panel = openPanel();
    expect(panel.designateCollectors(['c1'], 'zc', at(1))).toEqual([
      { kind: 'collecting-started', collectorCount: 1, at: at(1) },
    ]);
    panel.propose(entries('a', 'b'), prospects, 'zc', at(2));
    expect(panel.submit('zc', at(3))).toEqual([
      { kind: 'submitted', prospectCount: 2, onTime: true, at: at(3) },
    ]);
    expect(panel.returnWithComments('look again', 'hq', at(4))).toEqual([
      { kind: 'returned', returnCount: 1, at: at(4) },
    ]);
    panel.propose(entries('b', 'a', 'c'), prospects, 'zc', at(5));
    panel.submit('zc', at(6));
    expect(panel.decide('b', 'pres', at(7))).toEqual([{ kind: 'decided', prospectId: 'b', at: at(7) }]);
    expect(panel.announce('pres', at(8))).toEqual([{ kind: 'announced', prospectId: 'b', at: at(8) }]);
    expect(panel.snapshot.history.map((t) => `${t.from}>${t.to}@${t.by}`)).toEqual([
      'null>open@zc',
      'open>collecting@zc',
      'collecting>proposed@zc',
      'proposed>submitted@zc',
      'submitted>returned@hq',
      'returned>proposed@zc',
      'proposed>submitted@zc',
      'submitted>decided@pres',
      'decided>announced@pres',
    ]);
  });

  it('submits only 2 or 3 names and proposes at most 3, each on the panel, once, with a rationale', () => {
    const panel = openPanel();
    panel.propose(entries('a'), prospects, 'zc', at(1));
    expect(code(() => panel.submit('zc', at(2)))).toBe('400 PANEL_SIZE');
    expect(code(() => panel.propose(entries('a', 'b', 'c', 'd'), prospects, 'zc', at(2)))).toBe(
      '400 PANEL_SIZE',
    );
    expect(code(() => panel.propose(entries('a', 'a'), prospects, 'zc', at(2)))).toBe(
      '400 DUPLICATE_PROSPECT',
    );
    expect(code(() => panel.propose(entries('a', 'x'), prospects, 'zc', at(2)))).toBe('400 UNKNOWN_PROSPECT');
    expect(code(() => panel.propose([{ prospectId: 'a', rationale: ' ' }], prospects, 'zc', at(2)))).toBe(
      '400 RATIONALE_REQUIRED',
    );
    expect(panel.snapshot.proposal.map((e) => e.prospectId)).toEqual(['a']);
  });

  it('decides once, only a submitted panel, only a name on it; a decided panel never changes', () => {
    const panel = openPanel();
    panel.propose(entries('a', 'b'), prospects, 'zc', at(1));
    expect(code(() => panel.decide('a', 'pres', at(2)))).toBe('409 NOT_SUBMITTED');
    panel.submit('zc', at(2));
    expect(code(() => panel.decide('c', 'pres', at(3)))).toBe('400 NOT_ON_PANEL');
    panel.decide('a', 'pres', at(3));
    expect(code(() => panel.decide('b', 'pres', at(4)))).toBe('409 PANEL_DECIDED');
    expect(code(() => panel.returnWithComments('no', 'hq', at(4)))).toBe('409 PANEL_DECIDED');
    expect(code(() => panel.propose(entries('a', 'b'), prospects, 'zc', at(4)))).toBe('409 PANEL_DECIDED');
    expect(code(() => panel.designateCollectors(['x'], 'zc', at(4)))).toBe('409 PANEL_DECIDED');
    expect(code(() => panel.assertAcceptsFeedback())).toBe('409 PANEL_DECIDED');
    expect(panel.snapshot.decision?.prospectId).toBe('a');
  });

  it('raises a missed deadline once, and only before submission', () => {
    const late = openPanel(10);
    expect(late.noticeMissedDeadline(at(9))).toEqual([]);
    expect(late.noticeMissedDeadline(at(11))).toEqual([
      { kind: 'deadline-missed', status: 'open', at: at(11) },
    ]);
    expect(late.noticeMissedDeadline(at(12))).toEqual([]);
    late.propose(entries('a', 'b'), prospects, 'zc', at(13));
    expect(late.submit('zc', at(14))[0]).toMatchObject({ onTime: false });

    const submitted = openPanel(10);
    submitted.propose(entries('a', 'b'), prospects, 'zc', at(1));
    submitted.submit('zc', at(2));
    expect(submitted.noticeMissedDeadline(at(11))).toEqual([]);
  });

  it('refuses a deadline in the past', () => {
    expect(code(() => openPanel(-1))).toBe('400 DEADLINE_IN_PAST');
  });
});
