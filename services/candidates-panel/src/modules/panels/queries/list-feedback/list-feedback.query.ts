import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@sangathan/auth';
import { decodeCursor, encodeCursor, NotFoundError } from '@sangathan/kernel';
import { PanelWorkflow } from '../../application/panel-workflow.service';
import { toFeedbackView } from '../../application/panel-view';
import {
  FEEDBACK_REPOSITORY,
  type FeedbackRepositoryPort,
} from '../../application/ports/feedback.repository.port';
import {
  PROSPECT_REPOSITORY,
  type ProspectRepositoryPort,
} from '../../application/ports/prospect.repository.port';
import type { ListFeedbackDto } from './list-feedback.dto';

@Injectable()
export class ListFeedbackQuery {
  constructor(
    private readonly workflow: PanelWorkflow,
    @Inject(FEEDBACK_REPOSITORY) private readonly feedback: FeedbackRepositoryPort,
    @Inject(PROSPECT_REPOSITORY) private readonly prospects: ProspectRepositoryPort,
  ) {}

  async execute(panelId: string, query: ListFeedbackDto, principal: Principal) {
    const { panel } = await this.workflow.loadFor(panelId, principal, 'read');
    if (query.prospectId) {
      const prospect = await this.prospects.get(query.prospectId);
      if (!prospect || prospect.state.panelId !== panel.id)
        throw new NotFoundError('prospect', query.prospectId);
    }
    const after = query.cursor ? String(decodeCursor(query.cursor).id) : undefined;
    const items = await this.feedback.list(panel.id, {
      prospectId: query.prospectId,
      after,
      limit: query.limit,
    });
    const last = items.at(-1);
    return {
      items: items.map(toFeedbackView),
      nextCursor: items.length === query.limit && last ? encodeCursor({ id: last.id }) : null,
    };
  }
}
