import { Inject, Injectable } from '@nestjs/common';
import { ValidationError, type ErrorDetail } from '@sangathan/kernel';
import { ROSTER, type RosterPort } from '../../org-directory/application/ports/roster.port';
import type { ResolvedAttendee } from '../domain/meeting.types';

export type AttendeeInput = { memberId: string; areaId?: string };

/**
 * Finds the area each named attendee belongs to, from the roster (org member events) only: a
 * member id org has not published, or not active, is refused before anything is written. An
 * `areaId` given with the id is not trusted (it let any string be counted as an attendee).
 */
@Injectable()
export class AttendeeResolver {
  constructor(@Inject(ROSTER) private readonly roster: RosterPort) {}

  async resolve(inputs: readonly AttendeeInput[]): Promise<ResolvedAttendee[]> {
    if (inputs.length === 0) return [];
    const members = await this.roster.findMembers(inputs.map((i) => i.memberId));
    const problems: ErrorDetail[] = [];
    const resolved: ResolvedAttendee[] = [];
    for (const input of inputs) {
      const member = members.get(input.memberId);
      if (member?.areaId) {
        if (member.status !== 'active')
          problems.push({ field: 'attendees', message: `${input.memberId} is ${member.status}` });
        else resolved.push({ memberId: input.memberId, areaId: member.areaId, ancestors: member.ancestors });
        continue;
      }
      problems.push({ field: 'attendees', message: `${input.memberId} is not a member org has published` });
    }
    if (problems.length)
      throw new ValidationError(
        'INVALID_ATTENDEES',
        `${problems.length} attendee(s) could not be placed`,
        problems,
      );
    return resolved;
  }
}
