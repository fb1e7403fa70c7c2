import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { DirectoryModule } from '../directory/directory.module';
import { CancelSessionHandler } from './commands/cancel-session/cancel-session.handler';
import { CancelSessionHttpController } from './commands/cancel-session/cancel-session.http.controller';
import { CheckInHandler } from './commands/check-in/check-in.handler';
import { CheckInHttpController } from './commands/check-in/check-in.http.controller';
import { CompleteHandler } from './commands/complete/complete.handler';
import { CompleteHttpController } from './commands/complete/complete.http.controller';
import { CreateProgrammeHandler } from './commands/create-programme/create-programme.handler';
import { CreateProgrammeHttpController } from './commands/create-programme/create-programme.http.controller';
import { DeclineHandler } from './commands/decline/decline.handler';
import { GiveFeedbackHandler } from './commands/give-feedback/give-feedback.handler';
import { GiveFeedbackHttpController } from './commands/give-feedback/give-feedback.http.controller';
import { HoldSessionHandler } from './commands/hold-session/hold-session.handler';
import { HoldSessionHttpController } from './commands/hold-session/hold-session.http.controller';
import { RegisterHandler } from './commands/register/register.handler';
import { RsvpHttpController } from './commands/register/register.http.controller';
import { RescheduleSessionHandler } from './commands/reschedule-session/reschedule-session.handler';
import { RescheduleSessionHttpController } from './commands/reschedule-session/reschedule-session.http.controller';
import { TrainingStore } from './infrastructure/training.store';
import { InvitationWriter } from './infrastructure/invitation-writer';
import { ParticipantOutbox } from './infrastructure/participant-outbox';
import { RsvpWriter } from './infrastructure/rsvp-writer';
import {
  InvitationBatchDocument,
  InvitationBatchSchema,
  ParticipantDocument,
  ParticipantSchema,
  ProgrammeDocument,
  ProgrammeSchema,
  SessionDocument,
  SessionSchema,
} from './infrastructure/training.schemas';
import { PositionAssignedConsumer } from './events/position-assigned.consumer';
import { InvitationMaterialiser } from './invitation-materialiser';
import { CertificateHttpController } from './queries/certificate/certificate.http.controller';
import { ParticipantsHttpController } from './queries/participants/participants.http.controller';
import { ProgrammesHttpController } from './queries/programmes/programmes.http.controller';
import { ReportHttpController } from './queries/report/report.http.controller';

@Module({
  imports: [
    DirectoryModule,
    MongooseModule.forFeature([
      { name: ProgrammeDocument.name, schema: ProgrammeSchema },
      { name: SessionDocument.name, schema: SessionSchema },
      { name: ParticipantDocument.name, schema: ParticipantSchema },
      { name: InvitationBatchDocument.name, schema: InvitationBatchSchema },
    ]),
  ],
  controllers: [
    CreateProgrammeHttpController,
    RescheduleSessionHttpController,
    CancelSessionHttpController,
    HoldSessionHttpController,
    RsvpHttpController,
    CheckInHttpController,
    CompleteHttpController,
    GiveFeedbackHttpController,
    ProgrammesHttpController,
    ParticipantsHttpController,
    CertificateHttpController,
    ReportHttpController,
  ],
  providers: [
    TrainingStore,
    InvitationWriter,
    ParticipantOutbox,
    RsvpWriter,
    InvitationMaterialiser,
    CreateProgrammeHandler,
    RescheduleSessionHandler,
    CancelSessionHandler,
    HoldSessionHandler,
    RegisterHandler,
    DeclineHandler,
    CheckInHandler,
    CompleteHandler,
    GiveFeedbackHandler,
    PositionAssignedConsumer,
  ],
  exports: [PositionAssignedConsumer],
})
export class TrainingModule {}
