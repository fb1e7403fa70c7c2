import { Inject, Injectable } from '@nestjs/common';
import { assertCan, type Principal } from '@sangathan/auth';
import { NotFoundError, ValidationError, retryOnConcurrentChange } from '@sangathan/kernel';
import type { RequestContext } from '../../../../common/request-context';
import {
  AREA_REPOSITORY,
  type AreaRepositoryPort,
} from '../../../areas/application/ports/area.repository.port';
import { memberIntegrationEvents } from '../../application/member.integration-events';
import { memberView, type MemberView } from '../../application/member.view';
import { MEMBER_REPOSITORY, type MemberRepositoryPort } from '../../application/ports/member.repository.port';
import type { UpdateMemberDto } from './update-member.dto';

@Injectable()
export class UpdateMemberHandler {
  constructor(
    @Inject(MEMBER_REPOSITORY) private readonly members: MemberRepositoryPort,
    @Inject(AREA_REPOSITORY) private readonly areas: AreaRepositoryPort,
  ) {}

  execute(id: string, body: UpdateMemberDto, principal: Principal, ctx: RequestContext): Promise<MemberView> {
    return retryOnConcurrentChange(() => this.executeOnce(id, body, principal, ctx));
  }

  private async executeOnce(
    id: string,
    body: UpdateMemberDto,
    principal: Principal,
    ctx: RequestContext,
  ): Promise<MemberView> {
    const loaded = await this.members.load(id);
    if (!loaded) throw new NotFoundError('member', id);
    const member = loaded.value;
    assertCan(principal, 'org:write', { areaId: member.areaId, ancestors: member.ancestors });
    let home: { id: string; ancestors: string[] } | undefined;
    if (body.areaId) {
      const area = await this.areas.findById(body.areaId.trim().toUpperCase());
      if (!area)
        throw new ValidationError('UNKNOWN_AREA', `area ${body.areaId} does not exist`, [
          { field: 'areaId', message: 'unknown area' },
        ]);
      assertCan(principal, 'org:write', { areaId: area.id, ancestors: area.ancestors });
      home = { id: area.id, ancestors: area.ancestors };
    }
    const event = member.update({ ...body, home });
    if (event) {
      await this.members.update(member, loaded.version, memberIntegrationEvents([event], ctx));
    }
    return memberView(member);
  }
}
