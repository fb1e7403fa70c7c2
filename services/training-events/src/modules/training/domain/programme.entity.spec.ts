import { ValidationError } from '@sangathan/kernel';
import { planSessions, validateProgramme, type PlanArea, type ProgrammeInput } from './programme.entity';

const areas: PlanArea[] = ['LS-1', 'LS-2', 'LS-3'].map((id) => ({
  areaId: id,
  level: 'lok-sabha',
  ancestors: ['IN', 'UP'],
  nameEn: id,
  nameHi: null,
}));

function input(overrides: Partial<ProgrammeInput> = {}): ProgrammeInput {
  return {
    title: '  IT-cell   meetings ',
    titleHi: 'आईटी सेल बैठक',
    rootArea: { areaId: 'UP', ancestors: ['IN'] },
    windowStart: new Date('2026-01-05T00:00:00Z'),
    windowEnd: new Date('2026-01-06T23:59:59Z'),
    audience: { positions: ['it-cell-sector'], areaLevels: ['sector'] },
    sessionPlan: { kind: 'per-area', level: 'lok-sabha' },
    targetRule: { kind: 'fixed', value: 10 },
    schedule: {
      firstSessionAt: new Date('2026-01-05T05:00:00Z'),
      durationMinutes: 180,
      sessionsPerDay: 2,
      capacity: null,
      allowWalkIns: false,
      venue: null,
    },
    passScore: null,
    ...overrides,
  };
}

describe('programme', () => {
  it('cleans the title and keeps a Devanagari title', () => {
    const programme = validateProgramme(input());
    expect(programme.title).toBe('IT-cell meetings');
    expect(programme.titleHi).toBe('आईटी सेल बैठक');
  });

  it('lists every problem at once', () => {
    const error = (() => {
      try {
        validateProgramme(
          input({ title: ' ', windowEnd: new Date('2026-01-01T00:00:00Z'), titleHi: 'Latin only' }),
        );
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
  });

  it('refuses a window that ends before it starts', () => {
    expect(() => validateProgramme(input({ windowEnd: new Date('2026-01-01T00:00:00Z') }))).toThrow(
      /not valid/,
    );
  });

  it('spreads sessions over consecutive days, sessionsPerDay a day', () => {
    const sessions = planSessions(validateProgramme(input()), areas, new Map([['LS-1', 10]]));
    expect(sessions.map((s) => s.startsAt.toISOString())).toEqual([
      '2026-01-05T05:00:00.000Z',
      '2026-01-05T05:00:00.000Z',
      '2026-01-06T05:00:00.000Z',
    ]);
    expect(sessions[0].target).toBe(10);
  });

  it('refuses a plan whose sessions spill out of the window', () => {
    const programme = validateProgramme(input({ schedule: { ...input().schedule, sessionsPerDay: 1 } }));
    expect(() => planSessions(programme, areas, new Map())).toThrow(
      expect.objectContaining({ code: 'SESSION_OUTSIDE_WINDOW' }),
    );
  });
});
