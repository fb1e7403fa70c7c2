import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OrgDirectoryModule } from '../org-directory/org-directory.module';
import { InvitationMaterialiser } from './application/invitation-materialiser';
import { InvitationService } from './application/invitation.service';
import { CERTIFICATE_RENDERER } from './application/ports/certificate-renderer.port';
import { INVITATION_BATCH_REPOSITORY } from './application/ports/invitation-batch-repository.port';
import { PARTICIPANT_REPOSITORY } from './application/ports/participant-repository.port';
import { PROGRAMME_REPOSITORY } from './application/ports/programme-repository.port';
import { SESSION_REPOSITORY } from './application/ports/session-repository.port';
import { RsvpService } from './application/rsvp.service';
import { TrainingAccess } from './application/training-access';
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
import { RsvpHttpController } from './commands/register/rsvp.http.controller';
import { RescheduleSessionHandler } from './commands/reschedule-session/reschedule-session.handler';
import { RescheduleSessionHttpController } from './commands/reschedule-session/reschedule-session.http.controller';
import { LateInvitationEventController } from './events/late-invitation.event-controller';
import { CertificateRenderer } from './infrastructure/certificate.renderer';
import { InvitationBatchRepository } from './infrastructure/invitation-batch.repository';
import { ParticipantRepository } from './infrastructure/participant.repository';
import { ProgrammeRepository } from './infrastructure/programme.repository';
import { SessionRepository } from './infrastructure/session.repository';
import {
  InvitationBatchDocument,
  InvitationBatchSchema,
  ParticipantDocument,
  ParticipantSchema,
  ProgrammeDocument,
  ProgrammeSchema,
  SessionDocument,
  SessionSchema,
} from './infrastructure/training.schema';
import { CertificateHttpController } from './queries/certificate/certificate.http.controller';
import { CertificateQuery } from './queries/certificate/certificate.query';
import { ParticipantsHttpController } from './queries/participants/participants.http.controller';
import { ParticipantsQuery } from './queries/participants/participants.query';
import { ProgrammesHttpController } from './queries/programmes/programmes.http.controller';
import { ProgrammesQuery } from './queries/programmes/programmes.query';
import { ReportHttpController } from './queries/report/report.http.controller';
import { ReportQuery } from './queries/report/report.query';

@Module({
  imports: [
    OrgDirectoryModule,
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
    LateInvitationEventController,
  ],
  providers: [
    { provide: PROGRAMME_REPOSITORY, useClass: ProgrammeRepository },
    { provide: SESSION_REPOSITORY, useClass: SessionRepository },
    { provide: PARTICIPANT_REPOSITORY, useClass: ParticipantRepository },
    { provide: INVITATION_BATCH_REPOSITORY, useClass: InvitationBatchRepository },
    { provide: CERTIFICATE_RENDERER, useClass: CertificateRenderer },
    TrainingAccess,
    InvitationService,
    RsvpService,
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
    ProgrammesQuery,
    ParticipantsQuery,
    CertificateQuery,
    ReportQuery,
  ],
})
export class TrainingModule {}
