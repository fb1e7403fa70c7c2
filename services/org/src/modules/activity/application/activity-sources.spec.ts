import { definitionKey } from '@sangathan/contracts';
import { ACTIVITY_SOURCES, latestActivity } from './activity-sources';

describe('activity', () => {
  it('keeps the latest moment per member and clamps future ones to now', () => {
    const now = new Date('2026-01-10T00:00:00Z');
    const latest = latestActivity(
      [
        { memberId: 'a', at: new Date('2026-01-01') },
        { memberId: 'a', at: new Date('2026-01-05') },
        { memberId: 'a', at: new Date('2026-01-03') },
        { memberId: 'b', at: new Date('2027-01-01') },
        { memberId: 'c', at: new Date('not a date') },
      ],
      now,
    );
    expect(latest.get('a')).toEqual(new Date('2026-01-05'));
    expect(latest.get('b')).toEqual(now);
    expect(latest.has('c')).toBe(false);
  });

  it('listens to task progress and to the meetings and training activity events', () => {
    const keys = ACTIVITY_SOURCES.map((s) => definitionKey(s.definition.type, s.definition.version));
    expect(keys).toEqual(
      expect.arrayContaining([
        'org.task.progressed@v1',
        'meetings.meeting.held@v1',
        'meetings.meeting.attendance-recorded@v1',
        'training.attendance.recorded@v1',
      ]),
    );
  });
});
