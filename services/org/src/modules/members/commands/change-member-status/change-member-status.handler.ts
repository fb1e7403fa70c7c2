import { Inject, Injectable } from '@nestjs/common';
import { assertCan, type Principal } from '@sangathan/auth';
import { NotFoundError, ValidationError, retryOnConcurrentChange } from '@sangathan/kernel';
import type { RequestContext } from '../../../../common/request-context';
import type { Member } from '../../domain/member.entity';
import {
  memberIntegrationEvents,
  positionIntegrationEvents,
} from '../../application/member.integration-events';
import { memberView, type MemberView } from '../../application/member.view';
import {
  MEMBER_REPOSITORY,
  POSITION_REPOSITORY,
  type MemberRepositoryPort,
  type PositionRepositoryPort,
} from '../../application/ports/member.repository.port';
import type { DeactivateMemberDto, ReactivateMemberDto } from './change-member-status.dto';

@Injectable()
export class ChangeMemberStatusHandler {
  constructor(
    @Inject(MEMBER_REPOSITORY) private readonly members: MemberRepositoryPort,
    @Inject(POSITION_REPOSITORY) private readonly positions: PositionRepositoryPort,
  ) {}

  /**
   * Marks a member inactive or replaced and vacates every position they hold. The member and
   * each position are separate documents (no transactions): the member is written first, and
   * calling deactivate again on an inactive member finishes vacating anything left behind.
   */
  deactivate(
    id: string,
    body: DeactivateMemberDto,
    principal: Principal,
    ctx: RequestContext,
  ): Promise<MemberView> {
    return retryOnConcurrentChange(() => this.deactivateOnce(id, body, principal, ctx));
  }

  private async deactivateOnce(
    id: string,
    body: DeactivateMemberDto,
    principal: Principal,
    ctx: RequestContext,
  ): Promise<MemberView> {
    const loaded = await this.load(id, principal);
    const member = loaded.value;
    const now = new Date();
    if (member.status === 'active') {
      if (body.replacedBy) {
        const successor = await this.members.load(body.replacedBy);
        if (!successor || successor.value.status !== 'active') {
          throw new ValidationError(
            'UNKNOWN_REPLACEMENT',
            `replacement ${body.replacedBy} is not an active member`,
            [{ field: 'replacedBy', message: 'must be an active member' }],
          );
        }
      }
      const event = member.deactivate({ ...body, by: principal.sub, now });
      await this.members.update(member, loaded.version, memberIntegrationEvents([event], ctx));
    }
    for (const held of await this.positions.heldBy(member.id)) {
      const vacated = held.value.vacate('deactivated', now);
      await this.positions.save(held.value, held.version, positionIntegrationEvents([vacated], ctx));
    }
    return memberView(member);
  }

  reactivate(
    id: string,
    body: ReactivateMemberDto,
    principal: Principal,
    ctx: RequestContext,
  ): Promise<MemberView> {
    return retryOnConcurrentChange(() => this.reactivateOnce(id, body, principal, ctx));
  }

  private async reactivateOnce(
    id: string,
    body: ReactivateMemberDto,
    principal: Principal,
    ctx: RequestContext,
  ): Promise<MemberView> {
    const loaded = await this.load(id, principal);
    const event = loaded.value.reactivate({ reason: body.reason, by: principal.sub, now: new Date() });
    await this.members.update(loaded.value, loaded.version, memberIntegrationEvents([event], ctx));
    return memberView(loaded.value);
  }

  private async load(id: string, principal: Principal): Promise<{ value: Member; version: number }> {
    const loaded = await this.members.load(id);
    if (!loaded) throw new NotFoundError('member', id);
    assertCan(principal, 'org:write', { areaId: loaded.value.areaId, ancestors: loaded.value.ancestors });
    return loaded;
  }
}
