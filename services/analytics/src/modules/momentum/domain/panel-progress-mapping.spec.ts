import { CandidatesPanelOpenedV1, CandidatesPanelSubmittedV1, createEvent } from '@sangathan/contracts';
import { activitiesOf, PANEL_FEEDBACK_TARGET } from './activity-mapping';

const OPENED_AT = '2029-01-02T05:00:00.000Z';
const ref = {
  panelId: 'p-1',
  cycleId: 'LS-2029',
  seatId: 'UP-LS-18',
  seatLevel: 'lok-sabha' as const,
  zoneId: 'Z',
};
const ctx = {
  producer: 'candidates-panel',
  areaId: 'UP-LS-18',
  areaPath: ['IN', 'UP'],
  actorId: null,
  correlationId: 'c',
  occurredAt: new Date('2029-01-20T05:00:00.000Z'),
};
const submitted = (onTime: boolean, feedbackCount: number, returnCount = 0) =>
  createEvent(
    CandidatesPanelSubmittedV1,
    {
      ...ref,
      prospectCount: 3,
      feedbackCount,
      openedAt: OPENED_AT,
      submittedAt: '2029-01-20T05:00:00.000Z',
      deadline: '2029-01-25T00:00:00.000Z',
      onTime,
      returnCount,
    },
    ctx,
  );

describe('candidate panels in momentum (per seat, counts only)', () => {
  it('counts an opened panel in the seat, dated at its opening', () => {
    const opened = createEvent(
      CandidatesPanelOpenedV1,
      { ...ref, deadline: '2029-01-25T00:00:00.000Z', openedAt: OPENED_AT },
      { ...ctx, occurredAt: new Date(OPENED_AT) },
    );
    expect(activitiesOf(opened)).toEqual([
      { areaId: 'UP-LS-18', at: Date.parse(OPENED_AT), flows: { panelsOpened: 1 } },
    ]);
  });

  it('values a first submission by punctuality and feedback gathered, dated with the panel it belongs to', () => {
    const value = (e: ReturnType<typeof submitted>) => activitiesOf(e)[0]?.flows?.panelProgress;
    expect(activitiesOf(submitted(true, PANEL_FEEDBACK_TARGET))[0]).toEqual({
      areaId: 'UP-LS-18',
      at: Date.parse(OPENED_AT),
      flows: { panelProgress: 1 },
    });
    expect(value(submitted(true, 3 * PANEL_FEEDBACK_TARGET))).toBe(1);
    expect(value(submitted(false, PANEL_FEEDBACK_TARGET))).toBe(0.5);
    expect(value(submitted(true, 0))).toBe(0.5);
    expect(value(submitted(true, PANEL_FEEDBACK_TARGET / 2))).toBe(0.75);
  });

  it('does not count a resubmission after leadership returned the panel', () => {
    expect(activitiesOf(submitted(true, 40, 1))).toEqual([]);
  });
});
