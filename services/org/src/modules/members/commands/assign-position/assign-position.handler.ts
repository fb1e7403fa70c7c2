import { Inject, Injectable } from '@nestjs/common';
import { assertCan, type Principal } from '@sangathan/auth';
import { positionTypeSchema, type PositionType } from '@sangathan/contracts';
import { ConflictError, NotFoundError, ValidationError, retryOnConcurrentChange } from '@sangathan/kernel';
import type { RequestContext } from '../../../../common/request-context';
import {
  AREA_REPOSITORY,
  type AreaRepositoryPort,
} from '../../../areas/application/ports/area.repository.port';
import { Position, positionId } from '../../domain/position.entity';
import { positionIntegrationEvents } from '../../application/member.integration-events';
import { positionView, type PositionView } from '../../application/member.view';
import {
  MEMBER_REPOSITORY,
  POSITION_REPOSITORY,
  type MemberRepositoryPort,
  type PositionRepositoryPort,
} from '../../application/ports/member.repository.port';

export function parsePositionType(raw: string): PositionType {
  const parsed = positionTypeSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ValidationError('UNKNOWN_POSITION_TYPE', `${raw} is not a position type`, [
      { field: 'type', message: `one of ${positionTypeSchema.options.join(', ')}` },
    ]);
  }
  return parsed.data;
}

@Injectable()
export class AssignPositionHandler {
  constructor(
    @Inject(POSITION_REPOSITORY) private readonly positions: PositionRepositoryPort,
    @Inject(MEMBER_REPOSITORY) private readonly members: MemberRepositoryPort,
    @Inject(AREA_REPOSITORY) private readonly areas: AreaRepositoryPort,
  ) {}

  /**
   * Gives the position to a member. If someone holds it, they are vacated in the same
   * single-document write (history kept), and both events go out in that order.
   */
  assign(
    rawType: string,
    rawAreaId: string,
    memberId: string,
    principal: Principal,
    ctx: RequestContext,
  ): Promise<PositionView> {
    return retryOnConcurrentChange(() => this.assignOnce(rawType, rawAreaId, memberId, principal, ctx));
  }

  private async assignOnce(
    rawType: string,
    rawAreaId: string,
    memberId: string,
    principal: Principal,
    ctx: RequestContext,
  ): Promise<PositionView> {
    const type = parsePositionType(rawType);
    const area = await this.areas.findById(rawAreaId.trim().toUpperCase());
    if (!area) throw new NotFoundError('area', rawAreaId);
    assertCan(principal, 'org:write', { areaId: area.id, ancestors: area.ancestors });
    const loaded = await this.positions.load(positionId(type, area.id));
    const position =
      loaded?.value ?? Position.open(type, { id: area.id, level: area.level, ancestors: area.ancestors });
    const loadedMember = await this.members.load(memberId);
    if (!loadedMember)
      throw new ValidationError('UNKNOWN_MEMBER', `member ${memberId} does not exist`, [
        { field: 'memberId', message: 'unknown member' },
      ]);
    const member = loadedMember.value;
    if (member.status !== 'active') {
      throw new ConflictError('MEMBER_NOT_ACTIVE', `member ${memberId} is ${member.status}`, [
        { field: 'memberId', message: 'must be active' },
      ]);
    }
    // Office bearers work where they live: the holder's home must lie inside the position's area.
    if (!member.livesWithin(area.id)) {
      throw new ValidationError(
        'MEMBER_OUTSIDE_AREA',
        `member ${memberId} lives in ${member.areaId}, outside ${area.id}`,
        [{ field: 'memberId', message: `home area must be inside ${area.id}` }],
      );
    }
    const events = position.assign(member.id, new Date());
    if (events.length > 0) {
      await this.positions.save(position, loaded?.version ?? null, positionIntegrationEvents(events, ctx));
    }
    return positionView(position);
  }

  vacate(
    rawType: string,
    rawAreaId: string,
    principal: Principal,
    ctx: RequestContext,
  ): Promise<PositionView> {
    return retryOnConcurrentChange(() => this.vacateOnce(rawType, rawAreaId, principal, ctx));
  }

  private async vacateOnce(
    rawType: string,
    rawAreaId: string,
    principal: Principal,
    ctx: RequestContext,
  ): Promise<PositionView> {
    const type = parsePositionType(rawType);
    const loaded = await this.positions.load(positionId(type, rawAreaId.trim().toUpperCase()));
    if (!loaded) throw new NotFoundError('position', positionId(type, rawAreaId));
    const position = loaded.value;
    assertCan(principal, 'org:write', {
      areaId: position.snapshot.areaId,
      ancestors: position.snapshot.ancestors,
    });
    const event = position.vacate('released', new Date());
    await this.positions.save(position, loaded.version, positionIntegrationEvents([event], ctx));
    return positionView(position);
  }
}
