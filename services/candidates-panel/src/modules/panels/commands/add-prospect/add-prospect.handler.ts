import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@sangathan/auth';
import { ForbiddenError, uuidv7, ValidationError } from '@sangathan/kernel';
import {
  ORG_DIRECTORY,
  type OrgDirectoryPort,
} from '../../../org-directory/application/ports/org-directory.port';
import { PanelWorkflow } from '../../application/panel-workflow.service';
import { toProspectView } from '../../application/panel-view';
import { CLOCK, type ClockPort } from '../../application/ports/clock.port';
import {
  PROSPECT_REPOSITORY,
  type ProspectRepositoryPort,
} from '../../application/ports/prospect.repository.port';
import { Prospect } from '../../domain/prospect.entity';
import type { AddProspectDto } from './add-prospect.dto';

@Injectable()
export class AddProspectHandler {
  constructor(
    private readonly workflow: PanelWorkflow,
    @Inject(PROSPECT_REPOSITORY) private readonly prospects: ProspectRepositoryPort,
    @Inject(ORG_DIRECTORY) private readonly directory: OrgDirectoryPort,
    @Inject(CLOCK) private readonly clock: ClockPort,
  ) {}

  async execute(panelId: string, body: AddProspectDto, principal: Principal) {
    const { panel } = await this.workflow.loadFor(panelId, principal, 'manage');
    panel.assertAcceptsProspects();
    const common = {
      id: uuidv7(),
      panelId: panel.id,
      profile: body.profile,
      pastResults: body.pastResults,
      addedBy: principal.sub,
      addedAt: this.clock.now(),
    };
    let prospect: Prospect;
    if (body.kind === 'member' && body.memberId) {
      const member = await this.directory.member(body.memberId);
      if (!member || member.status !== 'active')
        throw new ValidationError(
          'UNKNOWN_MEMBER',
          `member ${body.memberId} does not exist or is not active`,
          [{ field: 'memberId', message: 'an active org member' }],
        );
      const zoneId = panel.snapshot.zoneId;
      if (member.areaId !== zoneId && !member.ancestors.includes(zoneId))
        throw new ForbiddenError('OUT_OF_SCOPE', `member ${body.memberId} is outside the panel's zone`, [
          { field: 'memberId', message: "inside the panel's zone" },
        ]);
      prospect = Prospect.member({ ...common, memberId: member.memberId, name: member.name });
    } else {
      prospect = Prospect.outsider({ ...common, name: body.name ?? '', phone: body.phone ?? '' });
    }
    await this.prospects.add(prospect);
    return toProspectView(prospect);
  }
}
