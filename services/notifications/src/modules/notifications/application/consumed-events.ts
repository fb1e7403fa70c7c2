import {
  AreaAlertedV1,
  CandidatesPanelReturnedV1,
  CandidatesPanelSubmittedV1,
  QuotaMissedV1,
  TaskAssignedV1,
  TaskCancelledV1,
  TaskCompletedV1,
  TaskOverdueV1,
  TaskReviewedV1,
  TrainingParticipantDeclinedV1,
  TrainingParticipantInvitedV1,
  TrainingSessionCancelledV1,
  TrainingSessionRescheduledV1,
  type EventDefinition,
} from '@sangathan/contracts';

/** Events rules may name: each has an `@OnEvent` method in NotificationTriggerEventController. */
export const CONSUMED_EVENTS: readonly EventDefinition[] = [
  TrainingParticipantInvitedV1,
  TrainingParticipantDeclinedV1,
  TrainingSessionCancelledV1,
  TrainingSessionRescheduledV1,
  QuotaMissedV1,
  TaskAssignedV1,
  TaskReviewedV1,
  TaskOverdueV1,
  TaskCompletedV1,
  TaskCancelledV1,
  AreaAlertedV1,
  CandidatesPanelSubmittedV1,
  CandidatesPanelReturnedV1,
] as EventDefinition[];
