import { Inject, Injectable } from '@nestjs/common';
import { assertCan, type Principal } from '@sangathan/auth';
import { uuidv7, ValidationError } from '@sangathan/kernel';
import {
  AREA_DIRECTORY,
  type AreaDirectoryPort,
} from '../../../org-directory/application/ports/area-directory.port';
import { ROSTER, type RosterPort } from '../../../org-directory/application/ports/roster.port';
import {
  VC_ROOM_REPOSITORY,
  type VcRoomRepositoryPort,
} from '../../../vc-rooms/application/ports/vc-room.repository.port';
import { Meeting } from '../../domain/meeting.entity';
import { toMeetingView, type MeetingView } from '../../application/meeting-view';
import {
  MEETING_REPOSITORY,
  type MeetingRepositoryPort,
} from '../../application/ports/meeting.repository.port';
import { toIntegrationEvents } from '../../application/meeting.integration-events';
import { MemberReferences } from '../../application/member-references';
import type { ScheduleMeetingDto } from './schedule-meeting.dto';

export type ScheduleMeetingCommand = ScheduleMeetingDto & { principal: Principal; correlationId: string };

@Injectable()
export class ScheduleMeetingHandler {
  constructor(
    @Inject(MEETING_REPOSITORY) private readonly meetings: MeetingRepositoryPort,
    @Inject(AREA_DIRECTORY) private readonly areas: AreaDirectoryPort,
    @Inject(ROSTER) private readonly roster: RosterPort,
    @Inject(VC_ROOM_REPOSITORY) private readonly rooms: VcRoomRepositoryPort,
    private readonly references: MemberReferences,
  ) {}

  async execute(command: ScheduleMeetingCommand, now = new Date()): Promise<MeetingView> {
    const area = await this.areas.findById(command.areaId);
    if (!area)
      throw new ValidationError('UNKNOWN_AREA', `area ${command.areaId} is unknown`, [
        { field: 'areaId', message: 'unknown area' },
      ]);
    assertCan(command.principal, 'meetings:write', { areaId: area.id, ancestors: area.ancestors });

    const linkedIds = [...new Set(command.linkedAreaIds)];
    const linked = await this.areas.findMany(linkedIds);
    const unknown = linkedIds.filter((id) => !linked.has(id));
    if (unknown.length) {
      throw new ValidationError(
        'UNKNOWN_AREA',
        `unknown linked areas: ${unknown.join(', ')}`,
        unknown.map((id) => ({ field: 'linkedAreaIds', message: `${id} is unknown` })),
      );
    }
    // Linked districts are written into the meeting like its own area, so the caller must reach them too.
    for (const id of linkedIds)
      assertCan(command.principal, 'meetings:write', { areaId: id, ancestors: linked.get(id)!.ancestors });
    const rooms = await this.rooms.byAreas(linkedIds);
    const offline =
      command.kind === 'vc-review' ? linkedIds.filter((id) => rooms.get(id)?.status !== 'connected') : [];
    if (offline.length) {
      throw new ValidationError(
        'ROOM_NOT_CONNECTED',
        `these districts have no connected video-conference room: ${offline.join(', ')}`,
        offline.map((id) => ({
          field: 'linkedAreaIds',
          message: `${id}: ${rooms.get(id)?.status ?? 'no room registered'}`,
        })),
      );
    }
    await this.references.check(
      command.principal,
      { areaId: area.id, ancestors: area.ancestors },
      linkedIds.map((id) => ({ areaId: id, ancestors: linked.get(id)!.ancestors })),
      command,
    );
    const holders = await this.roster.holders(area.id, command.expectedPositionTypes);
    const expected = new Set([...command.expectedMemberIds, ...holders.map((h) => h.memberId)]);

    const meeting = Meeting.schedule(
      {
        id: uuidv7(),
        kind: command.kind,
        title: command.title,
        agenda: command.agenda,
        area: { areaId: area.id, ancestors: area.ancestors },
        organiserId: command.organiserId ?? command.principal.sub,
        scheduledStart: new Date(command.scheduledStart),
        scheduledEnd: new Date(command.scheduledEnd),
        expectedMemberIds: command.expectedMemberIds,
        expectedPositionTypes: command.expectedPositionTypes,
        expectedAttendeeCount: expected.size,
        linkedAreas: linkedIds.map((id) => ({
          areaId: id,
          ancestors: linked.get(id)!.ancestors,
          roomId: rooms.get(id)?.id ?? null,
        })),
        socialGroup: command.kind === 'participation-conference' ? command.socialGroup : null,
        createdBy: command.principal.sub,
      },
      now,
    );
    const events = toIntegrationEvents(meeting, meeting.pullEvents(), {
      actorId: command.principal.sub,
      correlationId: command.correlationId,
    });
    await this.meetings.insert(meeting, events);
    return toMeetingView(meeting);
  }
}
