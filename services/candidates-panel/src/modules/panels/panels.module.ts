import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OrgDirectoryModule } from '../org-directory/org-directory.module';
import { PanelAccess } from './application/panel-access.service';
import { PanelAuditInterceptor } from './application/panel-audit.interceptor';
import { PanelWorkflow } from './application/panel-workflow.service';
import { AUDIT_LOG } from './application/ports/audit-log.port';
import { CLOCK } from './application/ports/clock.port';
import { DECISION_CLAIMS } from './application/ports/decision-claims.port';
import { FEEDBACK_REPOSITORY } from './application/ports/feedback.repository.port';
import { PANEL_REPOSITORY } from './application/ports/panel.repository.port';
import { PROSPECT_REPOSITORY } from './application/ports/prospect.repository.port';
import { AddProspectHandler } from './commands/add-prospect/add-prospect.handler';
import { AddProspectHttpController } from './commands/add-prospect/add-prospect.http.controller';
import { AnnouncePanelHandler } from './commands/announce-panel/announce-panel.handler';
import { AnnouncePanelHttpController } from './commands/announce-panel/announce-panel.http.controller';
import { DecidePanelHandler } from './commands/decide-panel/decide-panel.handler';
import { DecidePanelHttpController } from './commands/decide-panel/decide-panel.http.controller';
import { DesignateCollectorsHandler } from './commands/designate-collectors/designate-collectors.handler';
import { DesignateCollectorsHttpController } from './commands/designate-collectors/designate-collectors.http.controller';
import { OpenPanelHandler } from './commands/open-panel/open-panel.handler';
import { OpenPanelHttpController } from './commands/open-panel/open-panel.http.controller';
import { ProposePanelHandler } from './commands/propose-panel/propose-panel.handler';
import { ProposePanelHttpController } from './commands/propose-panel/propose-panel.http.controller';
import { RecordFeedbackHandler } from './commands/record-feedback/record-feedback.handler';
import { RecordFeedbackHttpController } from './commands/record-feedback/record-feedback.http.controller';
import { ReturnPanelHandler } from './commands/return-panel/return-panel.handler';
import { ReturnPanelHttpController } from './commands/return-panel/return-panel.http.controller';
import { SubmitPanelHandler } from './commands/submit-panel/submit-panel.handler';
import { SubmitPanelHttpController } from './commands/submit-panel/submit-panel.http.controller';
import { AuditEntryDocument, AuditEntrySchema } from './infrastructure/audit-entry.schema';
import { AuditLogRepository } from './infrastructure/audit-log.repository';
import { DecisionClaimRepository } from './infrastructure/decision-claim.repository';
import { DecisionClaimDocument, DecisionClaimSchema } from './infrastructure/decision-claim.schema';
import { encryptionKeysFromEnv } from './infrastructure/encryption-keys';
import { FeedbackRepository } from './infrastructure/feedback.repository';
import { FeedbackDocument, FeedbackSchema } from './infrastructure/feedback.schema';
import { FIELD_CIPHER, FieldCipher } from './infrastructure/field-cipher';
import { PanelRepository } from './infrastructure/panel.repository';
import { PanelDocument, PanelSchema } from './infrastructure/panel.schema';
import { ProspectRepository } from './infrastructure/prospect.repository';
import { ProspectDocument, ProspectSchema } from './infrastructure/prospect.schema';
import { SystemClock } from './infrastructure/system-clock';
import { DeadlineSweepJob } from './jobs/deadline-sweep.job';
import { AuditLogHttpController } from './queries/audit-log/audit-log.http.controller';
import { AuditLogQuery } from './queries/audit-log/audit-log.query';
import { GetPanelHttpController } from './queries/get-panel/get-panel.http.controller';
import { GetPanelQuery } from './queries/get-panel/get-panel.query';
import { GetProspectHttpController } from './queries/get-prospect/get-prospect.http.controller';
import { GetProspectQuery } from './queries/get-prospect/get-prospect.query';
import { LeadershipOverviewHttpController } from './queries/leadership-overview/leadership-overview.http.controller';
import { LeadershipOverviewQuery } from './queries/leadership-overview/leadership-overview.query';
import { ListFeedbackHttpController } from './queries/list-feedback/list-feedback.http.controller';
import { ListFeedbackQuery } from './queries/list-feedback/list-feedback.query';
import { PanelAggregatesHttpController } from './queries/panel-aggregates/panel-aggregates.http.controller';
import { PanelAggregatesQuery } from './queries/panel-aggregates/panel-aggregates.query';

@Module({
  imports: [
    OrgDirectoryModule,
    MongooseModule.forFeature([
      { name: PanelDocument.name, schema: PanelSchema },
      { name: ProspectDocument.name, schema: ProspectSchema },
      { name: FeedbackDocument.name, schema: FeedbackSchema },
      { name: AuditEntryDocument.name, schema: AuditEntrySchema },
      { name: DecisionClaimDocument.name, schema: DecisionClaimSchema },
    ]),
  ],
  controllers: [
    LeadershipOverviewHttpController,
    AuditLogHttpController,
    OpenPanelHttpController,
    GetPanelHttpController,
    GetProspectHttpController,
    ListFeedbackHttpController,
    PanelAggregatesHttpController,
    AddProspectHttpController,
    DesignateCollectorsHttpController,
    ProposePanelHttpController,
    SubmitPanelHttpController,
    ReturnPanelHttpController,
    DecidePanelHttpController,
    AnnouncePanelHttpController,
    RecordFeedbackHttpController,
  ],
  providers: [
    PanelAccess,
    PanelWorkflow,
    PanelAuditInterceptor,
    OpenPanelHandler,
    AddProspectHandler,
    DesignateCollectorsHandler,
    ProposePanelHandler,
    SubmitPanelHandler,
    ReturnPanelHandler,
    DecidePanelHandler,
    AnnouncePanelHandler,
    RecordFeedbackHandler,
    GetPanelQuery,
    GetProspectQuery,
    ListFeedbackQuery,
    PanelAggregatesQuery,
    LeadershipOverviewQuery,
    AuditLogQuery,
    DeadlineSweepJob,
    { provide: FIELD_CIPHER, useFactory: () => new FieldCipher(encryptionKeysFromEnv()) },
    { provide: CLOCK, useClass: SystemClock },
    { provide: PANEL_REPOSITORY, useClass: PanelRepository },
    { provide: PROSPECT_REPOSITORY, useClass: ProspectRepository },
    { provide: FEEDBACK_REPOSITORY, useClass: FeedbackRepository },
    { provide: AUDIT_LOG, useClass: AuditLogRepository },
    { provide: DECISION_CLAIMS, useClass: DecisionClaimRepository },
  ],
})
export class PanelsModule {}
