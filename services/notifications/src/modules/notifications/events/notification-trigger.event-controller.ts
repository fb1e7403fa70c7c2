import { Controller } from '@nestjs/common';
import {
  CandidatesPanelReturnedV1,
  CandidatesPanelSubmittedV1,
  AreaAlertedV1,
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
  type EventOf,
  type PayloadOf,
} from '@sangathan/contracts';
import { OnEvent, OnEventBatch, type DeliveredEvent } from '@sangathan/messaging';
import { NotificationIntake } from '../application/notification-intake';

/**
 * Every event a rule may name (application/consumed-events.ts lists the same), handed to the intake, which
 * applies the rules in force. An event no rule can resolve is logged and skipped there, never retried.
 */
@Controller()
export class NotificationTriggerEventController {
  constructor(private readonly intake: NotificationIntake) {}

  /** Invitations come by the thousand when a programme is created: a poll is planned and queued at once. */
  @OnEventBatch(TrainingParticipantInvitedV1)
  async onInvited(events: DeliveredEvent<PayloadOf<typeof TrainingParticipantInvitedV1>>[]): Promise<void> {
    await this.intake.handleBatch(events.map((delivered) => delivered.event));
  }

  @OnEvent(TrainingParticipantDeclinedV1)
  async onDeclined(event: EventOf<typeof TrainingParticipantDeclinedV1>): Promise<void> {
    await this.intake.handle(event);
  }

  @OnEvent(TrainingSessionCancelledV1)
  async onSessionCancelled(event: EventOf<typeof TrainingSessionCancelledV1>): Promise<void> {
    await this.intake.handle(event);
  }

  @OnEvent(TrainingSessionRescheduledV1)
  async onSessionRescheduled(event: EventOf<typeof TrainingSessionRescheduledV1>): Promise<void> {
    await this.intake.handle(event);
  }

  @OnEvent(QuotaMissedV1)
  async onQuotaMissed(event: EventOf<typeof QuotaMissedV1>): Promise<void> {
    await this.intake.handle(event);
  }

  @OnEvent(TaskAssignedV1)
  async onTaskAssigned(event: EventOf<typeof TaskAssignedV1>): Promise<void> {
    await this.intake.handle(event);
  }

  @OnEvent(TaskReviewedV1)
  async onTaskReviewed(event: EventOf<typeof TaskReviewedV1>): Promise<void> {
    await this.intake.handle(event);
  }

  @OnEvent(TaskOverdueV1)
  async onTaskOverdue(event: EventOf<typeof TaskOverdueV1>): Promise<void> {
    await this.intake.handle(event);
  }

  @OnEvent(TaskCompletedV1)
  async onTaskCompleted(event: EventOf<typeof TaskCompletedV1>): Promise<void> {
    await this.intake.handle(event);
  }

  @OnEvent(TaskCancelledV1)
  async onTaskCancelled(event: EventOf<typeof TaskCancelledV1>): Promise<void> {
    await this.intake.handle(event);
  }

  @OnEvent(AreaAlertedV1)
  async onAreaAlerted(event: EventOf<typeof AreaAlertedV1>): Promise<void> {
    await this.intake.handle(event);
  }

  /** Names never travel in panel events: the notice says a seat's panel moved, not who is on it. */
  @OnEvent(CandidatesPanelSubmittedV1)
  async onPanelSubmitted(event: EventOf<typeof CandidatesPanelSubmittedV1>): Promise<void> {
    await this.intake.handle(event);
  }

  @OnEvent(CandidatesPanelReturnedV1)
  async onPanelReturned(event: EventOf<typeof CandidatesPanelReturnedV1>): Promise<void> {
    await this.intake.handle(event);
  }
}
