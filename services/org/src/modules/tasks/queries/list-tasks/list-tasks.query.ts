import { afterCursor, allConditions } from '../../../../common/subtree';
import type { ListTasksQueryDto } from './list-tasks.dto';

/** The tasks query of a list: the subtree (`scope`) and every filter given; the review lists are open tasks past a date. */
export function taskListQuery(
  scope: Record<string, unknown>,
  query: Omit<ListTasksQueryDto, 'limit'>,
  now: Date,
): Record<string, unknown> {
  return allConditions(
    scope,
    query.status ? { status: query.status } : {},
    query.overdue ? { status: 'open', dueAt: { $lt: now } } : {},
    query.unreviewed ? { status: 'open', nextReviewAt: { $lt: now } } : {},
    query.assigneeMemberId ? { assigneeMemberId: query.assigneeMemberId } : {},
    query.positionId ? { positionId: query.positionId } : {},
    afterCursor(query.cursor),
  );
}
