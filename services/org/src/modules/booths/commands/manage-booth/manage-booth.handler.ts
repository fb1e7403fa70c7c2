import { Inject, Injectable } from '@nestjs/common';
import { assertCan, type Principal } from '@sangathan/auth';
import { isCleanText, ValidationError, retryOnConcurrentChange } from '@sangathan/kernel';
import type { RequestContext } from '../../../../common/request-context';
import {
  MEMBER_REPOSITORY,
  type MemberRepositoryPort,
} from '../../../members/application/ports/member.repository.port';
import { boothIntegrationEvents } from '../../application/booth.integration-events';
import type { Booth, BoothEvent } from '../../domain/booth.entity';
import { BOOTH_REPOSITORY, type BoothRepositoryPort } from '../../application/ports/booth.repository.port';
import type { SetCommitteeDto, SetWhatsappGroupsDto } from './manage-booth.dto';

export type BoothView = ReturnType<typeof boothView>;

export function boothView(booth: Booth) {
  const s = booth.snapshot;
  return {
    boothId: s.boothId,
    ancestors: s.ancestors,
    lokSabhaId: s.lokSabhaId,
    committeeMemberIds: s.committeeMemberIds,
    committeeFormedAt: s.committeeFormedAt ? new Date(s.committeeFormedAt).toISOString() : null,
    volunteerIds: s.volunteerIds,
    whatsappGroups: s.whatsappGroups,
    ...booth.coverage,
  };
}

@Injectable()
export class ManageBoothHandler {
  constructor(
    @Inject(BOOTH_REPOSITORY) private readonly booths: BoothRepositoryPort,
    @Inject(MEMBER_REPOSITORY) private readonly members: MemberRepositoryPort,
  ) {}

  setCommittee(
    boothId: string,
    body: SetCommitteeDto,
    principal: Principal,
    ctx: RequestContext,
  ): Promise<BoothView> {
    return this.change(boothId, principal, ctx, async (booth) => {
      await this.checkMembers(booth, body.memberIds, 'memberIds');
      return booth.setCommittee(body.memberIds, body.requiredSize, new Date());
    });
  }

  addVolunteer(
    boothId: string,
    memberId: string,
    principal: Principal,
    ctx: RequestContext,
  ): Promise<BoothView> {
    return this.change(boothId, principal, ctx, async (booth) => {
      await this.checkMembers(booth, [memberId], 'memberId');
      return booth.addVolunteer(memberId);
    });
  }

  removeVolunteer(
    boothId: string,
    memberId: string,
    principal: Principal,
    ctx: RequestContext,
  ): Promise<BoothView> {
    return this.change(boothId, principal, ctx, async (booth) => booth.removeVolunteer(memberId));
  }

  setWhatsappGroups(
    boothId: string,
    body: SetWhatsappGroupsDto,
    principal: Principal,
    ctx: RequestContext,
  ): Promise<BoothView> {
    return this.change(boothId, principal, ctx, async (booth) => {
      body.groups.forEach((g, i) => {
        if (!isCleanText(g.name))
          throw new ValidationError('INVALID_TEXT', 'group name is not valid text', [
            { field: `groups[${i}].name`, message: 'invalid characters' },
          ]);
      });
      return booth.setWhatsappGroups(
        body.groups.map((g) => ({
          name: g.name.normalize('NFC').trim(),
          inviteLink: g.inviteLink,
          memberCount: g.memberCount,
        })),
      );
    });
  }

  async get(boothId: string, principal: Principal): Promise<BoothView> {
    const { booth } = await this.booths.load(boothId.trim().toUpperCase());
    assertCan(principal, 'org:read', { areaId: booth.snapshot.boothId, ancestors: booth.snapshot.ancestors });
    return boothView(booth);
  }

  private change(
    rawId: string,
    principal: Principal,
    ctx: RequestContext,
    apply: (booth: Booth) => Promise<BoothEvent[]>,
  ): Promise<BoothView> {
    return retryOnConcurrentChange(() => this.changeOnce(rawId, principal, ctx, apply));
  }

  private async changeOnce(
    rawId: string,
    principal: Principal,
    ctx: RequestContext,
    apply: (booth: Booth) => Promise<BoothEvent[]>,
  ): Promise<BoothView> {
    const { booth, version } = await this.booths.load(rawId.trim().toUpperCase());
    assertCan(principal, 'org:write', {
      areaId: booth.snapshot.boothId,
      ancestors: booth.snapshot.ancestors,
    });
    const events = await apply(booth);
    if (events.length > 0) {
      await this.booths.save(booth, version, boothIntegrationEvents(events, ctx));
    }
    return boothView(booth);
  }

  /** Committee members and volunteers are active members living in the booth's assembly seat. */
  private async checkMembers(booth: Booth, memberIds: string[], field: string): Promise<void> {
    // booth > sector > mandal > assembly: the assembly is the third ancestor from the end.
    const ancestors = booth.snapshot.ancestors;
    const assemblyId = ancestors[ancestors.length - 3] ?? booth.snapshot.boothId;
    const problems: { field: string; message: string }[] = [];
    await Promise.all(
      memberIds.map(async (id, i) => {
        const name = memberIds.length > 1 || field === 'memberIds' ? `${field}[${i}]` : field;
        const loaded = await this.members.load(id);
        if (!loaded) problems.push({ field: name, message: `unknown member ${id}` });
        else if (loaded.value.status !== 'active')
          problems.push({ field: name, message: `member ${id} is ${loaded.value.status}` });
        else if (!loaded.value.livesWithin(assemblyId))
          problems.push({ field: name, message: `member ${id} lives outside assembly ${assemblyId}` });
      }),
    );
    if (problems.length > 0) {
      throw new ValidationError(
        'INVALID_MEMBERS',
        `${problems.length} member(s) cannot serve this booth`,
        problems.sort((a, b) => a.field.localeCompare(b.field)),
      );
    }
  }
}
