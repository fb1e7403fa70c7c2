import { Inject, Injectable } from '@nestjs/common';
import { ValidationError, type ErrorDetail } from '@sangathan/kernel';
import { AREA_DIRECTORY, type AreaDirectory } from '../areas/infrastructure/area-directory.port';
import { ROSTER, type Roster } from '../roster/infrastructure/roster.port';
import type { ResolvedAttendee } from './domain/meeting.entity';

export type AttendeeInput = { memberId: string; areaId?: string };

/**
 * Finds the area each named attendee belongs to. The roster (org member events) wins; a member
 * the roster does not know yet may be named with their `areaId`, which must be a known area.
 * Anything else is refused before anything is written.
 */
@Injectable()
export class AttendeeResolver {
  constructor(
    @Inject(ROSTER) private readonly roster: Roster,
    @Inject(AREA_DIRECTORY) private readonly areas: AreaDirectory,
  ) {}

  async resolve(inputs: readonly AttendeeInput[]): Promise<ResolvedAttendee[]> {
    if (inputs.length === 0) return [];
    const members = await this.roster.findMembers(inputs.map((i) => i.memberId));
    const areaIds = inputs
      .filter((i) => !members.get(i.memberId)?.areaId && i.areaId)
      .map((i) => i.areaId!.toUpperCase());
    const areas = await this.areas.findMany(areaIds);
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
      if (!input.areaId) {
        problems.push({
          field: 'attendees',
          message: `${input.memberId} is not in the roster; give their areaId`,
        });
        continue;
      }
      const area = areas.get(input.areaId.toUpperCase());
      if (!area)
        problems.push({ field: 'attendees', message: `${input.memberId}: area ${input.areaId} is unknown` });
      else resolved.push({ memberId: input.memberId, areaId: area.id, ancestors: area.ancestors });
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
