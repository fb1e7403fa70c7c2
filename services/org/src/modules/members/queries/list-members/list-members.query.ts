import { afterCursor, allConditions, namePrefixFilter } from '../../../../common/subtree';
import { PhoneNumber } from '../../domain/phone-number.value-object';
import type { ListMembersQueryDto } from './list-members.dto';

const DAY_MS = 24 * 3600_000;

/** The members query of a list: the subtree (`scope`) and every filter given. */
export function memberListQuery(
  scope: Record<string, unknown>,
  query: Omit<ListMembersQueryDto, 'limit'>,
  now: Date,
): Record<string, unknown> {
  // "Not active for N days": active members whose last activity (or, never active, whose joining) is older than the cut-off.
  const cutoff = query.inactiveDays ? new Date(now.getTime() - query.inactiveDays * DAY_MS) : null;
  return allConditions(
    scope,
    query.status ? { status: query.status } : {},
    query.kind ? { kind: query.kind } : {},
    query.phone ? { phone: PhoneNumber.of(query.phone).value } : {},
    namePrefixFilter(query.q),
    cutoff
      ? {
          status: 'active',
          $or: [{ lastActiveAt: { $lt: cutoff } }, { lastActiveAt: null, joinedAt: { $lt: cutoff } }],
        }
      : {},
    afterCursor(query.cursor),
  );
}
