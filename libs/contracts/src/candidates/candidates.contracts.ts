import { z } from 'zod';
import type { TopicDefinition } from '../catalog/topic-definition';
import { defineEvent, type EventDefinition } from '../envelope/event-definition';

/*
 * Candidate panels (गुपचुप panels of 2-3 names per seat) are confidential: these events carry ids,
 * the seat, status, counts and dates only, never a prospect's name, phone, rationale or feedback text.
 * The one exception is `candidates.panel.announced`, which publishes the chosen name and nothing else
 * about the panel. Every event of a panel (its feedback included) is keyed by the panel id.
 */

export const CANDIDATES_PANEL_TOPIC = {
  name: 'candidates.panel.events',
  description:
    'Lifecycle of confidential candidate panels per seat (opened, collecting, feedback recorded, proposed, submitted, returned, decided, announced, deadline missed): ids, counts and dates only (key: panelId).',
  key: 'panelId',
  partitions: 3,
  retentionMs: -1,
  cleanupPolicy: 'delete',
  owner: 'candidates-panel',
} as const satisfies TopicDefinition;

const isoDateTime = z.iso.datetime({ offset: true });

/** Where a panel sits; every panel event carries it so a consumer folds an event without a lookup. */
const panelRef = z.object({
  /** Panel id (UUIDv7); also the message key. */
  panelId: z.string().min(1),
  /** Election cycle the panel is for, e.g. `LS-2029`. */
  cycleId: z.string().min(1),
  /** The seat (org area id of a Lok Sabha or assembly seat). */
  seatId: z.string().min(1),
  /** Level of the seat. */
  seatLevel: z.enum(['lok-sabha', 'assembly']),
  /** Zone holding the seat, whose coordinator owns the panel. */
  zoneId: z.string().min(1),
});

/** Panel statuses, in lifecycle order (`returned` goes back to `proposed`). */
export const PANEL_STATUSES = [
  'open',
  'collecting',
  'proposed',
  'submitted',
  'returned',
  'decided',
  'announced',
] as const;
export const panelStatusSchema = z.enum(PANEL_STATUSES);
export type PanelStatus = z.infer<typeof panelStatusSchema>;

/** Where a piece of feedback came from. */
export const FEEDBACK_SOURCES = ['worker', 'local-leader', 'public-meeting', 'survey'] as const;
export const feedbackSourceSchema = z.enum(FEEDBACK_SOURCES);
export type FeedbackSource = z.infer<typeof feedbackSourceSchema>;

export const CandidatesPanelOpenedV1 = defineEvent({
  type: 'candidates.panel.opened',
  version: 1,
  topic: CANDIDATES_PANEL_TOPIC.name,
  description: 'A panel was opened for a seat of an election cycle, with its deadline.',
  payload: panelRef.extend({
    /** When the panel must be submitted (ISO-8601). */
    deadline: isoDateTime,
    /** When it was opened (ISO-8601). */
    openedAt: isoDateTime,
  }),
});

export const CandidatesPanelCollectingStartedV1 = defineEvent({
  type: 'candidates.panel.collecting-started',
  version: 1,
  topic: CANDIDATES_PANEL_TOPIC.name,
  description: 'The coordinator designated feedback collectors; the panel is collecting feedback.',
  payload: panelRef.extend({
    /** How many collectors are designated now. */
    collectorCount: z.number().int().nonnegative(),
    /** When (ISO-8601). */
    at: isoDateTime,
  }),
});

export const CandidatesPanelFeedbackRecordedV1 = defineEvent({
  type: 'candidates.panel.feedback-recorded',
  version: 1,
  topic: CANDIDATES_PANEL_TOPIC.name,
  description:
    'One piece of structured feedback on a prospect was recorded (no ratings, no text: only that it was).',
  payload: panelRef.extend({
    /** Feedback id (UUIDv7). */
    feedbackId: z.string().min(1),
    /** Prospect the feedback is about (an id only). */
    prospectId: z.string().min(1),
    source: feedbackSourceSchema,
    /** When it was recorded (ISO-8601). */
    recordedAt: isoDateTime,
  }),
});

export const CandidatesPanelProposedV1 = defineEvent({
  type: 'candidates.panel.proposed',
  version: 1,
  topic: CANDIDATES_PANEL_TOPIC.name,
  description: 'The coordinator set (or changed) the ranked proposal of the panel.',
  payload: panelRef.extend({
    /** How many names the proposal holds (1 to 3). */
    prospectCount: z.number().int().min(1).max(3),
    /** When (ISO-8601). */
    proposedAt: isoDateTime,
  }),
});

export const CandidatesPanelSubmittedV1 = defineEvent({
  type: 'candidates.panel.submitted',
  version: 1,
  topic: CANDIDATES_PANEL_TOPIC.name,
  description: 'The coordinator submitted the panel (2 or 3 ranked names) to leadership.',
  payload: panelRef.extend({
    /** How many names were submitted (2 or 3). */
    prospectCount: z.number().int().min(2).max(3),
    /** Feedback recorded on the panel's prospects so far. */
    feedbackCount: z.number().int().nonnegative(),
    /** When the panel was opened (ISO-8601): lets a consumer date progress with the panel it belongs to. */
    openedAt: isoDateTime,
    /** When it was submitted (ISO-8601). */
    submittedAt: isoDateTime,
    /** The panel's deadline (ISO-8601). */
    deadline: isoDateTime,
    /** Submitted at or before the deadline. */
    onTime: z.boolean(),
    /** How many times leadership had returned it before this submission. */
    returnCount: z.number().int().nonnegative(),
  }),
});

export const CandidatesPanelReturnedV1 = defineEvent({
  type: 'candidates.panel.returned',
  version: 1,
  topic: CANDIDATES_PANEL_TOPIC.name,
  description: 'Leadership returned the submitted panel with comments (the comments stay in the service).',
  payload: panelRef.extend({
    /** How many times it has been returned, this time included. */
    returnCount: z.number().int().min(1),
    /** When (ISO-8601). */
    returnedAt: isoDateTime,
  }),
});

export const CandidatesPanelDecidedV1 = defineEvent({
  type: 'candidates.panel.decided',
  version: 1,
  topic: CANDIDATES_PANEL_TOPIC.name,
  description: 'The president sealed one name of the panel (which one stays secret until announced).',
  payload: panelRef.extend({
    /** When (ISO-8601). */
    decidedAt: isoDateTime,
  }),
});

export const CandidatesPanelAnnouncedV1 = defineEvent({
  type: 'candidates.panel.announced',
  version: 1,
  topic: CANDIDATES_PANEL_TOPIC.name,
  description: "The seat's candidate was announced: the chosen name, and nothing else about the panel.",
  payload: panelRef.extend({
    /** The chosen candidate's name, as the party announces it. */
    chosenName: z.string().min(1),
    /** When (ISO-8601). */
    announcedAt: isoDateTime,
  }),
});

export const CandidatesPanelDeadlineMissedV1 = defineEvent({
  type: 'candidates.panel.deadline-missed',
  version: 1,
  topic: CANDIDATES_PANEL_TOPIC.name,
  description: 'The deadline passed before the panel was submitted (raised once per panel).',
  payload: panelRef.extend({
    /** The deadline (ISO-8601). */
    deadline: isoDateTime,
    /** Status when the miss was noticed. */
    status: panelStatusSchema,
    /** When the miss was noticed (ISO-8601). */
    detectedAt: isoDateTime,
  }),
});

/** Topics owned by the candidates-panel service. */
export const CANDIDATES_TOPICS: TopicDefinition[] = [CANDIDATES_PANEL_TOPIC];

/** Integration events of the candidates-panel service. */
export const CANDIDATES_EVENTS: EventDefinition[] = [
  CandidatesPanelOpenedV1,
  CandidatesPanelCollectingStartedV1,
  CandidatesPanelFeedbackRecordedV1,
  CandidatesPanelProposedV1,
  CandidatesPanelSubmittedV1,
  CandidatesPanelReturnedV1,
  CandidatesPanelDecidedV1,
  CandidatesPanelAnnouncedV1,
  CandidatesPanelDeadlineMissedV1,
] as EventDefinition[];
