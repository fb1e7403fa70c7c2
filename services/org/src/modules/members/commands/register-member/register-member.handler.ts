import { Inject, Injectable } from '@nestjs/common';
import { assertCan, type Principal } from '@sangathan/auth';
import { uuidv7, ValidationError } from '@sangathan/kernel';
import type { RequestContext } from '../../../../common/request-context';
import {
  AREA_REPOSITORY,
  type AreaRepositoryPort,
} from '../../../areas/application/ports/area.repository.port';
import { Member } from '../../domain/member.entity';
import { memberIntegrationEvents } from '../../application/member.integration-events';
import { memberView, type MemberView } from '../../application/member.view';
import { MEMBER_REPOSITORY, type MemberRepositoryPort } from '../../application/ports/member.repository.port';
import type { RegisterMemberDto } from './register-member.dto';

@Injectable()
export class RegisterMemberHandler {
  constructor(
    @Inject(MEMBER_REPOSITORY) private readonly members: MemberRepositoryPort,
    @Inject(AREA_REPOSITORY) private readonly areas: AreaRepositoryPort,
  ) {}

  async execute(body: RegisterMemberDto, principal: Principal, ctx: RequestContext): Promise<MemberView> {
    const home = await this.areas.findById(body.areaId.trim().toUpperCase());
    if (!home)
      throw new ValidationError('UNKNOWN_AREA', `area ${body.areaId} does not exist`, [
        { field: 'areaId', message: 'unknown area' },
      ]);
    assertCan(principal, 'org:write', { areaId: home.id, ancestors: home.ancestors });
    const { member, event } = Member.register({
      id: uuidv7(),
      ...body,
      home: { id: home.id, ancestors: home.ancestors },
      now: new Date(),
      by: principal.sub,
    });
    await this.members.insert(member, memberIntegrationEvents([event], ctx));
    return memberView(member);
  }
}
