import {
  createEvent,
  TrainingAttendanceRecordedV1,
  TrainingCompletedV1,
  TrainingFeedbackGivenV1,
  type EventDefinition,
} from '@sangathan/contracts';
import type { DeliveredEvent } from '@sangathan/messaging';
import type { LastActiveRepositoryPort } from '../application/ports/last-active.repository.port';
import { MemberActivityEventController } from './member-activity.event-controller';

const context = {
  producer: 'training-events',
  areaId: 'UP-AC-173',
  areaPath: ['IN', 'UP'],
  actorId: null,
  correlationId: 'c-1',
};
const participant = (memberId: string) => ({
  programmeId: 'p-1',
  sessionId: 's-1',
  areaId: 'UP-AC-173',
  participantId: `s-1~${memberId}`,
  memberId,
});

function delivered<P>(definition: EventDefinition<P>, payload: P, offset: number): DeliveredEvent {
  return {
    event: createEvent(definition, payload, context),
    delivery: { topic: definition.topic, partition: 0, offset: String(offset) },
  };
}

/** Records what the controller asks the repository to advance. */
class RecordingLastActive implements LastActiveRepositoryPort {
  readonly calls: Map<string, Date>[] = [];
  async advance(latest: Map<string, Date>): Promise<number> {
    this.calls.push(latest);
    return latest.size;
  }
}

describe('MemberActivityEventController', () => {
  it('folds a poll into one advance with the latest activity of each member', async () => {
    const lastActive = new RecordingLastActive();
    const controller = new MemberActivityEventController(lastActive);
    await controller.onActivity([
      delivered(
        TrainingAttendanceRecordedV1,
        {
          ...participant('m-1'),
          method: 'qr',
          walkIn: false,
          sessionTarget: 30,
          checkedInAt: '2026-11-01T10:00:00.000Z',
        },
        1,
      ),
      delivered(
        TrainingCompletedV1,
        { ...participant('m-1'), score: 80, completedAt: '2026-11-02T10:00:00.000Z' },
        2,
      ),
      delivered(
        TrainingCompletedV1,
        { ...participant('m-2'), score: null, completedAt: '2026-11-01T09:00:00.000Z' },
        3,
      ),
    ]);
    expect(lastActive.calls).toEqual([
      new Map([
        ['m-1', new Date('2026-11-02T10:00:00.000Z')],
        ['m-2', new Date('2026-11-01T09:00:00.000Z')],
      ]),
    ]);
  });

  it('ignores events that say nothing about activity', async () => {
    const lastActive = new RecordingLastActive();
    await new MemberActivityEventController(lastActive).onActivity([
      delivered(
        TrainingFeedbackGivenV1,
        { ...participant('m-3'), rating: 5, comment: null, givenAt: '2026-11-01T09:00:00.000Z' },
        4,
      ),
    ]);
    expect(lastActive.calls).toEqual([new Map()]);
  });
});
