import { Task } from './task.entity';

const now = new Date('2026-01-01T00:00:00Z');
const day = 86400_000;

function assign(over: Partial<Parameters<typeof Task.assign>[0]> = {}): Task {
  return Task.assign({
    id: 't1',
    title: 'Form booth committees',
    area: { id: 'UP-AC-001', ancestors: ['IN', 'UP'] },
    position: { id: 'assembly-incharge:UP-AC-001', type: 'assembly-incharge', holderId: 'holder' },
    assignedBy: 'leader',
    dueAt: new Date(now.getTime() + 10 * day),
    now,
    ...over,
  }).task;
}

describe('Task', () => {
  it('defaults to a weekly review and takes the position holder as assignee', () => {
    const task = assign();
    expect(task.snapshot).toMatchObject({ reviewEveryDays: 7, assigneeMemberId: 'holder', status: 'open' });
    expect(task.snapshot.nextReviewAt.getTime()).toBe(now.getTime() + 7 * day);
  });

  it.each([
    [{ reviewEveryDays: 4 }, 'INVALID_CADENCE'],
    [{ dueAt: new Date(now.getTime() - 1) }, 'DUE_IN_PAST'],
    [{ title: '   ' }, 'INVALID_TITLE'],
  ])('refuses %o', (over, code) => {
    expect(() => assign(over)).toThrow(expect.objectContaining({ code }));
  });

  it('moves the next review by the cadence, refuses self-review', () => {
    const task = assign({ reviewEveryDays: 5 });
    const later = new Date(now.getTime() + 3 * day);
    task.review('leader', 'on-track', '', later);
    expect(task.snapshot.nextReviewAt.getTime()).toBe(later.getTime() + 5 * day);
    expect(() => task.review('holder', 'on-track', '', later)).toThrow(
      expect.objectContaining({ code: 'SELF_REVIEW' }),
    );
  });

  it('is announced overdue once, and completion says whether it was late', () => {
    const task = assign();
    expect(task.markOverdue(now)).toBeNull();
    const after = new Date(now.getTime() + 11 * day);
    expect(task.markOverdue(after)?.kind).toBe('task-overdue');
    expect(task.markOverdue(after)).toBeNull();
    expect(task.complete('holder', after)).toMatchObject({ kind: 'task-completed', late: true });
    expect(() => task.postProgress('holder', 50, '', after)).toThrow(
      expect.objectContaining({ code: 'TASK_CLOSED' }),
    );
  });

  it('takes progress as a whole percentage', () => {
    const task = assign();
    expect(() => task.postProgress('holder', 101, '', now)).toThrow(
      expect.objectContaining({ code: 'INVALID_PROGRESS' }),
    );
    task.postProgress('holder', 30, 'started', now);
    expect(task.snapshot.progressPercent).toBe(30);
  });

  it('can be cancelled while open, after which it takes no progress, review or overdue notice', () => {
    const task = assign();
    expect(task.cancel('leader', '  बदला   गया ', now)).toMatchObject({
      kind: 'task-cancelled',
      cancelledBy: 'leader',
      reason: 'बदला गया',
    });
    expect(task.snapshot.status).toBe('cancelled');
    const after = new Date(now.getTime() + 11 * day);
    expect(task.markOverdue(after)).toBeNull();
    expect(() => task.postProgress('holder', 50, '', after)).toThrow(
      expect.objectContaining({ code: 'TASK_CLOSED' }),
    );
    expect(() => task.cancel('leader', null, after)).toThrow(
      expect.objectContaining({ code: 'TASK_CLOSED' }),
    );
  });
});
