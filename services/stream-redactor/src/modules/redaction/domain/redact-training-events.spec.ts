import { MomentumChangedV1, TrainingAttendanceRecordedV1, TrainingSessionHeldV1 } from '@sangathan/contracts';
import { redactMomentumChanged } from './redact-momentum';
import { redactAttendanceRecorded, redactSessionHeld } from './redact-training-events';
import { internalEvent, publishedJson, testPseudonyms } from '../../../../test/redaction-test-kit';

const MEMBER = '01938f4a-0000-7000-8000-00000000cc01';

describe('training and momentum events for analysts', () => {
  it('session held: turnout counts and the IST day', () => {
    const event = internalEvent(TrainingSessionHeldV1, {
      startsAt: '2026-01-18T04:30:00Z',
      attendedCount: 38,
    });
    const [out] = redactSessionHeld(event);
    expect(out.key).toBe(event.payload.sessionId);
    expect(out.payload).toMatchObject({
      heldOn: '2026-01-18',
      attendedCount: 38,
      target: event.payload.target,
    });
    publishedJson([out]);
  });

  it('check-in: the member as a key, no participant id (it embeds the member id), the envelope path', () => {
    const event = internalEvent(TrainingAttendanceRecordedV1, {
      memberId: MEMBER,
      participantId: `01939c01-bb22-7c33-9d44-e55f66a77b88~${MEMBER}`,
    });
    const [out] = redactAttendanceRecorded(event, testPseudonyms);
    expect(out.payload).toMatchObject({
      ...testPseudonyms.member(MEMBER, event.occurredAt),
      ancestors: event.areaPath,
    });
    expect(out.payload).not.toHaveProperty('participantId');
    expect(publishedJson([out])).not.toMatch(/cc01/);
  });

  it('momentum: forwarded as it is (areas and scores only)', () => {
    const event = internalEvent(MomentumChangedV1);
    const [out] = redactMomentumChanged(event);
    expect(out).toMatchObject({ key: event.payload.areaId, payload: event.payload });
    publishedJson([out]);
  });
});
