import { createEvent } from '../envelope/create-event';
import { EventRegistry } from '../catalog/event-registry';
import {
  TRAINING_EVENTS,
  TRAINING_PARTICIPANT_TOPIC,
  TrainingAttendanceRecordedV1,
  TrainingProgrammeCreatedV1,
  TrainingSessionHeldV1,
} from './training.contracts';

const ctx = {
  producer: 'training-events',
  areaId: 'UP-LS-01',
  areaPath: ['IN', 'UP'],
  actorId: 'm-1',
  correlationId: 'c-1',
};
const ref = { programmeId: 'p-1', sessionId: 's-1', areaId: 'UP-LS-01' };

describe('training contracts', () => {
  const registry = new EventRegistry();

  it('puts every training event on a training topic', () => {
    for (const definition of TRAINING_EVENTS) expect(definition.topic).toMatch(/^training\.[a-z]+\.events$/);
  });

  it('round-trips a session.held event carrying turnout against target', () => {
    const event = createEvent(
      TrainingSessionHeldV1,
      {
        ...ref,
        areaLevel: 'lok-sabha',
        ancestors: ['IN', 'UP'],
        startsAt: '2026-01-05T05:00:00.000Z',
        endsAt: '2026-01-05T09:00:00.000Z',
        heldAt: '2026-01-05T09:10:00.000Z',
        target: 3000,
        invitedCount: 420,
        registeredCount: 400,
        attendedCount: 390,
        walkInCount: 12,
        completedCount: 350,
        turnoutRatio: 0.13,
      },
      ctx,
    );
    const outcome = registry.validate(JSON.stringify(event), TrainingSessionHeldV1.topic);
    expect(outcome).toMatchObject({ ok: true });
  });

  it('refuses an attendance event without its session target', () => {
    const payload = {
      ...ref,
      participantId: 's-1~m-1',
      memberId: 'm-1',
      method: 'qr',
      walkIn: false,
      checkedInAt: '2026-01-05T05:01:00.000Z',
    };
    expect(() => createEvent(TrainingAttendanceRecordedV1, payload as never, ctx)).toThrow();
    expect(TrainingAttendanceRecordedV1.topic).toBe(TRAINING_PARTICIPANT_TOPIC.name);
  });

  it('refuses a programme with an empty audience', () => {
    const payload = {
      programmeId: 'p-1',
      title: 'IT-cell meetings',
      titleHi: null,
      rootAreaId: 'UP',
      windowStart: '2026-01-05T00:00:00.000Z',
      windowEnd: '2026-01-15T23:59:59.000Z',
      audience: { positions: [], areaLevels: ['sector'] },
      sessionPlan: { kind: 'per-area', level: 'lok-sabha' },
      targetRule: { kind: 'scaled', basis: 'booths', min: 2500, max: 5000 },
      sessionCount: 80,
      totalTarget: 300000,
      createdAt: '2026-01-01T00:00:00.000Z',
    };
    expect(() => createEvent(TrainingProgrammeCreatedV1, payload as never, ctx)).toThrow();
  });
});
