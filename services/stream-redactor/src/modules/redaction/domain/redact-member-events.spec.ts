import {
  AnalystMemberJoinedV1,
  MemberDeactivatedV1,
  MemberJoinedV1,
  MemberReactivatedV1,
  PositionAssignedV1,
  PositionVacatedV1,
} from '@sangathan/contracts';
import {
  redactMemberDeactivated,
  redactMemberJoined,
  redactMemberReactivated,
  redactPositionAssigned,
  redactPositionVacated,
} from './redact-member-events';
import { internalEvent, publishedJson, testPseudonyms } from '../../../../test/redaction-test-kit';

const MEMBER = '01938f4a-0000-7000-8000-00000000aa01';
const SUCCESSOR = '01938f4a-0000-7000-8000-00000000aa02';
const person = { memberId: MEMBER, name: 'रामप्रसाद यादव', nameAlt: 'Ramprasad Yadav' };

describe('member events for analysts', () => {
  it('joined: kind, standing, home area and join day, the member as a key', () => {
    const event = internalEvent(MemberJoinedV1, { ...person, joinedAt: '2026-01-10T20:00:00Z' });
    const [out] = redactMemberJoined(event, testPseudonyms);
    expect(out.definition).toBe(AnalystMemberJoinedV1);
    expect(out.payload).toEqual({
      ...testPseudonyms.member(MEMBER, event.occurredAt),
      kind: event.payload.kind,
      status: event.payload.status,
      areaId: event.payload.areaId,
      ancestors: event.payload.ancestors,
      joinedOn: '2026-01-11', // 01:30 IST
    });
    expect(out.key).toBe(testPseudonyms.memberKey(MEMBER, event.occurredAt));
    expect(publishedJson([out])).not.toMatch(/रामप्रसाद|Ramprasad|aa01/);
  });

  it('deactivated: drops the free-text reason, the successor becomes a key', () => {
    const event = internalEvent(MemberDeactivatedV1, {
      ...person,
      status: 'replaced',
      reason: 'तीन महीने से कोई बैठक नहीं',
      replacedBy: SUCCESSOR,
    });
    const out = redactMemberDeactivated(event, testPseudonyms);
    const json = publishedJson(out);
    expect(out[0].payload).toMatchObject({
      status: 'replaced',
      replacedByKey: testPseudonyms.memberKey(SUCCESSOR, event.occurredAt),
    });
    expect(json).not.toMatch(/तीन महीने|रामप्रसाद|Ramprasad|aa01|aa02/);
  });

  it('reactivated: drops the reason', () => {
    const event = internalEvent(MemberReactivatedV1, { ...person, reason: 'फिर से सक्रिय' });
    expect(publishedJson(redactMemberReactivated(event, testPseudonyms))).not.toMatch(/सक्रिय|रामप्रसाद|aa01/);
  });

  it('position assigned and vacated: the type and area, whether someone held it before, no holder ids', () => {
    const assigned = internalEvent(PositionAssignedV1, { memberId: MEMBER, previousHolderId: SUCCESSOR });
    const [a] = redactPositionAssigned(assigned, testPseudonyms);
    expect(a.payload).toMatchObject({ positionType: assigned.payload.type, hadPreviousHolder: true });
    const vacated = internalEvent(PositionVacatedV1, { memberId: MEMBER, successorId: SUCCESSOR });
    const [v] = redactPositionVacated(vacated, testPseudonyms);
    expect(v.payload).toMatchObject({ reason: vacated.payload.reason, until: '2026-01-18' });
    expect(publishedJson([a, v])).not.toMatch(/aa01|aa02/);
  });
});
