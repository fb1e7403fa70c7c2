import {
  CandidatesPanelAnnouncedV1,
  CandidatesPanelCollectingStartedV1,
  CandidatesPanelDecidedV1,
  CandidatesPanelDeadlineMissedV1,
  CandidatesPanelFeedbackRecordedV1,
  CandidatesPanelOpenedV1,
  CandidatesPanelProposedV1,
  CandidatesPanelReturnedV1,
  CandidatesPanelSubmittedV1,
  createEvent,
  type EventContext,
  type EventDefinition,
} from '@sangathan/contracts';
import { toOutboxEntry, type OutboxEntry } from '@sangathan/messaging';
import { PANEL_SERVICE, type RequestContext } from '../../../common/request-context';
import type { FeedbackState } from '../domain/feedback';
import type { PanelEvent, PanelState } from '../domain/panel.entity';

function context(panel: Readonly<PanelState>, ctx: RequestContext | null, at: Date): EventContext {
  return {
    producer: PANEL_SERVICE,
    areaId: panel.seatId,
    areaPath: [...panel.seatAncestors],
    actorId: ctx?.actorId ?? null,
    correlationId: ctx?.correlationId ?? panel.id,
    occurredAt: at,
  };
}

const ref = (panel: Readonly<PanelState>) => ({
  panelId: panel.id,
  cycleId: panel.cycleId,
  seatId: panel.seatId,
  seatLevel: panel.seatLevel,
  zoneId: panel.zoneId,
});

function entry<P>(
  definition: EventDefinition<P>,
  payload: P,
  panel: Readonly<PanelState>,
  ctx: RequestContext | null,
  at: Date,
): OutboxEntry {
  return toOutboxEntry(createEvent(definition, payload, context(panel, ctx, at)), definition.topic, panel.id);
}

/**
 * Maps a panel's domain events to `candidates.panel.*` events: ids, seat, status, counts and dates only.
 * `chosenName` is read only for `announced`, the one event that publishes a name.
 */
export function panelIntegrationEvents(
  panel: Readonly<PanelState>,
  events: readonly PanelEvent[],
  ctx: RequestContext | null,
  extra: { feedbackCount?: number; chosenName?: string } = {},
): OutboxEntry[] {
  return events.map((event) => {
    const at = event.at.toISOString();
    switch (event.kind) {
      case 'opened':
        return entry(
          CandidatesPanelOpenedV1,
          { ...ref(panel), deadline: panel.deadline.toISOString(), openedAt: at },
          panel,
          ctx,
          event.at,
        );
      case 'collecting-started':
        return entry(
          CandidatesPanelCollectingStartedV1,
          { ...ref(panel), collectorCount: event.collectorCount, at },
          panel,
          ctx,
          event.at,
        );
      case 'proposed':
        return entry(
          CandidatesPanelProposedV1,
          { ...ref(panel), prospectCount: event.prospectCount, proposedAt: at },
          panel,
          ctx,
          event.at,
        );
      case 'submitted':
        return entry(
          CandidatesPanelSubmittedV1,
          {
            ...ref(panel),
            prospectCount: event.prospectCount,
            feedbackCount: extra.feedbackCount ?? 0,
            openedAt: panel.history[0].at.toISOString(),
            submittedAt: at,
            deadline: panel.deadline.toISOString(),
            onTime: event.onTime,
            returnCount: panel.returnCount,
          },
          panel,
          ctx,
          event.at,
        );
      case 'returned':
        return entry(
          CandidatesPanelReturnedV1,
          { ...ref(panel), returnCount: event.returnCount, returnedAt: at },
          panel,
          ctx,
          event.at,
        );
      case 'decided':
        return entry(CandidatesPanelDecidedV1, { ...ref(panel), decidedAt: at }, panel, ctx, event.at);
      case 'announced':
        if (!extra.chosenName) throw new Error('announcing a panel needs the chosen name');
        return entry(
          CandidatesPanelAnnouncedV1,
          { ...ref(panel), chosenName: extra.chosenName, announcedAt: at },
          panel,
          ctx,
          event.at,
        );
      case 'deadline-missed':
        return entry(
          CandidatesPanelDeadlineMissedV1,
          { ...ref(panel), deadline: panel.deadline.toISOString(), status: event.status, detectedAt: at },
          panel,
          ctx,
          event.at,
        );
    }
  });
}

/** The event of one piece of feedback: which prospect and the source, never the ratings or the text. */
export function feedbackIntegrationEvent(
  panel: Readonly<PanelState>,
  feedback: FeedbackState,
  ctx: RequestContext,
): OutboxEntry {
  return entry(
    CandidatesPanelFeedbackRecordedV1,
    {
      ...ref(panel),
      feedbackId: feedback.id,
      prospectId: feedback.prospectId,
      source: feedback.source,
      recordedAt: feedback.recordedAt.toISOString(),
    },
    panel,
    ctx,
    feedback.recordedAt,
  );
}
