import { Injectable } from '@nestjs/common';
import type { Principal } from '@sangathan/auth';
import type { RequestContext } from '../../../../common/request-context';
import { PanelWorkflow } from '../../application/panel-workflow.service';
import { toPanelView, type PanelView } from '../../application/panel-view';
import type { ReturnPanelDto } from './return-panel.dto';

@Injectable()
export class ReturnPanelHandler {
  constructor(private readonly workflow: PanelWorkflow) {}

  async execute(
    panelId: string,
    body: ReturnPanelDto,
    principal: Principal,
    ctx: RequestContext,
  ): Promise<PanelView> {
    const panel = await this.workflow.change(panelId, principal, 'review', ctx, async (panel, now) => ({
      events: panel.returnWithComments(body.comments.normalize('NFC'), principal.sub, now),
    }));
    return toPanelView(panel.snapshot);
  }
}
