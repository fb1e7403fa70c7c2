import type { MeetingSummary } from '../../application/ports/meeting.repository.port';
import { meetingsByDay } from './meeting-calendar.query';

const meeting = (id: string, scheduledStart: string): MeetingSummary => ({
  id,
  kind: 'review',
  title: id,
  areaId: 'M-1',
  organiserId: 'dp-lko',
  status: 'scheduled',
  scheduledStart,
  scheduledEnd: scheduledStart,
  day: '',
  namedCount: 0,
  headcount: 0,
  linkedAreaIds: [],
});

describe('meetingsByDay', () => {
  it('files each meeting under its IST day, keeps empty days and leaves out days not asked for', () => {
    const days = meetingsByDay(
      ['2026-01-05', '2026-01-06'],
      [
        meeting('late-evening', '2026-01-05T18:00:00.000Z'), // 23:30 IST on the 5th
        meeting('after-midnight', '2026-01-05T18:31:00.000Z'), // 00:01 IST on the 6th
        meeting('outside', '2026-01-07T05:00:00.000Z'),
      ],
    );
    expect(days.map((d) => [d.day, d.meetings.map((m) => m.id)])).toEqual([
      ['2026-01-05', ['late-evening']],
      ['2026-01-06', ['after-midnight']],
    ]);
    expect(meetingsByDay(['2026-01-08'], [])).toEqual([{ day: '2026-01-08', meetings: [] }]);
  });
});
