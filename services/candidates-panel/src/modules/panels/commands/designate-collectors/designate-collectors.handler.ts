import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@sangathan/auth';
import { ForbiddenError, ValidationError } from '@sangathan/kernel';
import type { RequestContext } from '../../../../common/request-context';
import {
  ORG_DIRECTORY,
  type OrgDirectoryPort,
} from '../../../org-directory/application/ports/org-directory.port';
import { PanelWorkflow } from '../../application/panel-workflow.service';
import { toPanelView, type PanelView } from '../../application/panel-view';
import type { DesignateCollectorsDto } from './designate-collectors.dto';

@Injectable()
export class DesignateCollectorsHandler {
  constructor(
    private readonly workflow: PanelWorkflow,
    @Inject(ORG_DIRECTORY) private readonly directory: OrgDirectoryPort,
  ) {}

  async execute(
    panelId: string,
    body: DesignateCollectorsDto,
    principal: Principal,
    ctx: RequestContext,
  ): Promise<PanelView> {
    const panel = await this.workflow.change(panelId, principal, 'manage', ctx, async (panel, now) => {
      const zoneId = panel.snapshot.zoneId;
      for (const [i, memberId] of body.memberIds.entries()) {
        const member = await this.directory.member(memberId);
        if (!member || member.status !== 'active')
          throw new ValidationError('UNKNOWN_MEMBER', `member ${memberId} does not exist or is not active`, [
            { field: `memberIds.${i}`, message: 'an active org member' },
          ]);
        if (member.areaId !== zoneId && !member.ancestors.includes(zoneId))
          throw new ForbiddenError('OUT_OF_SCOPE', `member ${memberId} is outside the panel's zone`, [
            { field: `memberIds.${i}`, message: "inside the panel's zone" },
          ]);
      }
      return { events: panel.designateCollectors(body.memberIds, principal.sub, now) };
    });
    return toPanelView(panel.snapshot);
  }
}
