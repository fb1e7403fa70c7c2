import type { Task } from '../domain/task.entity';

const iso = (d: Date | string | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

export type TaskView = ReturnType<typeof taskView>;

export function taskView(task: Task) {
  const t = task.snapshot;
  return {
    id: t.id,
    title: t.title,
    description: t.description,
    areaId: t.areaId,
    ancestors: t.ancestors,
    positionId: t.positionId,
    positionType: t.positionType,
    assigneeMemberId: t.assigneeMemberId,
    assignedBy: t.assignedBy,
    assignedAt: iso(t.assignedAt),
    dueAt: iso(t.dueAt),
    reviewEveryDays: t.reviewEveryDays,
    nextReviewAt: iso(t.nextReviewAt),
    status: t.status,
    progressPercent: t.progressPercent,
    progress: (t.progress ?? []).map((p) => ({ ...p, at: iso(p.at) })),
    reviews: (t.reviews ?? []).map((r) => ({ ...r, at: iso(r.at) })),
    overdueAt: iso(t.overdueAt),
    completedAt: iso(t.completedAt),
    completedBy: t.completedBy,
    cancelledAt: iso(t.cancelledAt),
    cancelledBy: t.cancelledBy ?? null,
    cancelReason: t.cancelReason ?? null,
  };
}
