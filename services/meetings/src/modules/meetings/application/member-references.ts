import { Inject, Injectable } from '@nestjs/common';
import { assertCan, type Principal } from '@sangathan/auth';
import { ValidationError, type ErrorDetail } from '@sangathan/kernel';
import {
  ROSTER,
  type RosterMember,
  type RosterPort,
} from '../../org-directory/application/ports/roster.port';

type Place = { areaId: string; ancestors: readonly string[] };

/** What a schedule names besides attendees: whoever organises it and whom it expects. */
export type MemberRefs = { organiserId?: string; expectedMemberIds: readonly string[] };

const within = (member: Place, area: Place): boolean =>
  member.areaId === area.areaId || member.ancestors.includes(area.areaId);

/**
 * Checks the members a meeting names as strictly as its own area: each is known to the roster and
 * active, and lies inside the caller's scope. The organiser also stands on the meeting's line (its
 * area, above it or below it), and an expected member inside the meeting's area or a linked one;
 * otherwise holding the meeting would move another district's quota or compliance. The caller
 * naming themselves needs no roster entry: their token vouches for them.
 */
@Injectable()
export class MemberReferences {
  constructor(@Inject(ROSTER) private readonly roster: RosterPort) {}

  async check(principal: Principal, area: Place, linked: readonly Place[], refs: MemberRefs): Promise<void> {
    const named = [
      ...(refs.organiserId && refs.organiserId !== principal.sub
        ? [{ id: refs.organiserId, field: 'organiserId' }]
        : []),
      ...refs.expectedMemberIds.map((id, i) => ({ id, field: `expectedMemberIds.${i}` })),
    ];
    if (named.length === 0) return;
    const members = await this.roster.findMembers(named.map((n) => n.id));
    const found = (id: string): (RosterMember & Place) | null => {
      const member = members.get(id);
      return member?.areaId ? { ...member, areaId: member.areaId } : null;
    };

    const unknown: ErrorDetail[] = [];
    for (const { id, field } of named) {
      const member = found(id);
      if (!member) unknown.push({ field, message: `${id} is not a member org has published` });
      else if (member.status !== 'active') unknown.push({ field, message: `${id} is ${member.status}` });
    }
    if (unknown.length)
      throw new ValidationError(
        'UNKNOWN_MEMBER',
        `${unknown.length} named member(s) are unknown or not active`,
        unknown,
      );

    for (const { id } of named) assertCan(principal, 'meetings:write', found(id)!);

    const misplaced: ErrorDetail[] = [];
    for (const { id, field } of named) {
      const member = found(id)!;
      const placed =
        field === 'organiserId'
          ? within(member, area) || area.ancestors.includes(member.areaId)
          : [area, ...linked].some((place) => within(member, place));
      if (!placed)
        misplaced.push({ field, message: `${id} belongs to ${member.areaId}, outside ${area.areaId}` });
    }
    if (misplaced.length)
      throw new ValidationError(
        'MEMBER_OUTSIDE_AREA',
        `${misplaced.length} named member(s) do not belong to this meeting's area`,
        misplaced,
      );
  }
}
