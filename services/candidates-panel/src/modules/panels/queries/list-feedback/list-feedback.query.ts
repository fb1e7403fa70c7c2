import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@sangathan/auth';
import { decodeCursor, encodeCursor } from '@sangathan/kernel';
import { PanelWorkflow } from '../../application/panel-workflow.service';
import { toFeedbackView } from '../../application/panel-view';
import {
  FEEDBACK_REPOSITORY,
  type FeedbackRepositoryPort,
} from '../../application/ports/feedback.repository.port';
import type { ListFeedbackDto } from './list-feedback.dto';

@Injectable()
export class ListFeedbackQuery {
  constructor(
    private readonly workflow: PanelWorkflow,
    @Inject(FEEDBACK_REPOSITORY) private readonly feedback: FeedbackRepositoryPort,
  ) {}

  async execute(panelId: string, query: ListFeedbackDto, principal: Principal) {
    const { panel } = await this.workflow.loadFor(panelId, principal, 'read');
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
