import { Inject, Injectable } from '@nestjs/common';
import { assertCan, type Principal } from '@sangathan/auth';
import { uuidv7, ValidationError } from '@sangathan/kernel';
import { OutboxRelay } from '@sangathan/messaging';
import type { RequestContext } from '../../../../common/request-context';
import { AREA_REPOSITORY, type AreaRepository } from '../../../areas/infrastructure/area.repository.port';
import { Member } from '../../domain/member.entity';
import { memberIntegrationEvents } from '../../member-integration-events';
import { MemberMapper, type MemberView } from '../../infrastructure/member.mapper';
import { MEMBER_REPOSITORY, type MemberRepository } from '../../infrastructure/member.repository.port';
import type { RegisterMemberDto } from './register-member.dto';

@Injectable()
export class RegisterMemberHandler {
  constructor(
    @Inject(MEMBER_REPOSITORY) private readonly members: MemberRepository,
    @Inject(AREA_REPOSITORY) private readonly areas: AreaRepository,
    private readonly outbox: OutboxRelay,
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
    this.outbox.notify('members', member.id);
    return MemberMapper.toView(member);
  }
}
