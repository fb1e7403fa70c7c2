import {
  MeetingAttendanceRecordedV1,
  MeetingCancelledV1,
  MeetingHeldV1,
  MeetingScheduledV1,
  QuotaMissedV1,
} from '@sangathan/contracts';
import {
  redactMeetingAttendanceRecorded,
  redactMeetingCancelled,
  redactMeetingHeld,
  redactMeetingScheduled,
  redactQuotaMissed,
} from './redact-meeting-events';
import { internalEvent, publishedJson, testPseudonyms } from '../../../../test/redaction-test-kit';

const ORGANISER = '01938f4a-0000-7000-8000-00000000bb01';
const ATTENDEE = '01938f4a-0000-7000-8000-00000000bb02';

describe('meeting events for analysts', () => {
  it('scheduled: times and expected count, without the title or social group', () => {
    const event = internalEvent(MeetingScheduledV1, {
      organiserId: ORGANISER,
      title: 'गोमती नगर भागीदारी सम्मेलन',
      socialGroup: 'पासी समाज',
    });
    const [out] = redactMeetingScheduled(event, testPseudonyms);
    expect(out.key).toBe(event.payload.meetingId);
    expect(out.payload).toMatchObject({
      meetingId: event.payload.meetingId,
      organiserKey: testPseudonyms.memberKey(ORGANISER, event.occurredAt),
      keyId: '2026-Q1',
      expectedAttendeeCount: event.payload.expectedAttendeeCount,
    });
    expect(publishedJson([out])).not.toMatch(/भागीदारी|पासी|bb01/);
  });

  it('cancelled: without the reason', () => {
    const event = internalEvent(MeetingCancelledV1, { organiserId: ORGANISER, reason: 'बारिश के कारण' });
    expect(publishedJson(redactMeetingCancelled(event, testPseudonyms))).not.toMatch(/बारिश|bb01/);
  });

  it('held: the counts and the IST day; vc-review districts keep their counts', () => {
    const event = internalEvent(MeetingHeldV1, {
      organiserId: ORGANISER,
      heldStart: '2026-01-17T19:00:00Z',
      namedCount: 12,
      headcount: 30,
      totalAttendance: 42,
    });
    const [out] = redactMeetingHeld(event, testPseudonyms);
    expect(out.payload).toMatchObject({
      heldOn: '2026-01-18',
      namedCount: 12,
      headcount: 30,
      totalAttendance: 42,
    });
    expect((out.payload as { districts: unknown[] }).districts).toHaveLength(event.payload.districts.length);
    expect(publishedJson([out])).not.toMatch(/bb01/);
  });

  it('attendance recorded: attendees become keys of the same cycle', () => {
    const event = internalEvent(MeetingAttendanceRecordedV1, {
      organiserId: ORGANISER,
      addedMemberIds: [ATTENDEE, ORGANISER],
    });
    const [out] = redactMeetingAttendanceRecorded(event, testPseudonyms);
    expect((out.payload as { addedMemberKeys: string[] }).addedMemberKeys).toEqual([
      testPseudonyms.memberKey(ATTENDEE, event.occurredAt),
      testPseudonyms.memberKey(ORGANISER, event.occurredAt),
    ]);
    expect(publishedJson([out])).not.toMatch(/bb01|bb02/);
  });

  it('quota missed: the holder as a key, keyed by it', () => {
    const event = internalEvent(QuotaMissedV1, { memberId: ORGANISER });
    const [out] = redactQuotaMissed(event, testPseudonyms);
    expect(out.key).toBe(testPseudonyms.memberKey(ORGANISER, event.occurredAt));
    expect(out.payload).toMatchObject({ day: event.payload.day, shortfall: event.payload.shortfall });
    expect(publishedJson([out])).not.toMatch(/bb01/);
  });
});
