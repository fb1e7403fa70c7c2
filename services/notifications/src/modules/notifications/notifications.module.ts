import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OrgDirectoryModule } from '../org-directory/org-directory.module';
import { ActiveRules } from './application/active-rules';
import { DeliveryWorker } from './application/delivery-worker';
import { MemberAccess } from './application/member-access';
import { NotificationIntake } from './application/notification-intake';
import { NotificationPlanner } from './application/notification-planner';
import { ReminderRescheduler } from './application/reminder-rescheduler';
import { CHANNEL_SENDERS } from './application/ports/channel-sender.port';
import { CLOCK_PORT } from './application/ports/clock.port';
import { DIGEST_PORT } from './application/ports/digest.port';
import { MESSAGE_PORT } from './application/ports/message.port';
import { PREFERENCE_PORT } from './application/ports/preference.port';
import { SEND_RATE_PORT } from './application/ports/send-rate.port';
import { MarkReadHandler } from './commands/mark-read/mark-read.handler';
import { MarkReadHttpController } from './commands/mark-read/mark-read.http.controller';
import { RecordDeliveryReceiptHandler } from './commands/record-delivery-receipt/record-delivery-receipt.handler';
import { SmsDeliveryReportHttpController } from './commands/record-delivery-receipt/sms-delivery-report.http.controller';
import { WhatsappWebhookHttpController } from './commands/record-delivery-receipt/whatsapp-webhook.http.controller';
import { ReloadRulesHandler } from './commands/reload-rules/reload-rules.handler';
import { ReloadRulesHttpController } from './commands/reload-rules/reload-rules.http.controller';
import { UpdatePreferencesHandler } from './commands/update-preferences/update-preferences.handler';
import { UpdatePreferencesHttpController } from './commands/update-preferences/update-preferences.http.controller';
import { NotificationTriggerEventController } from './events/notification-trigger.event-controller';
import { DigestRepository } from './infrastructure/digest.repository';
import { DigestDocument, DigestSchema } from './infrastructure/digest.schema';
import { GupshupSmsChannel } from './infrastructure/gupshup-sms.channel';
import { InboxChannel } from './infrastructure/inbox.channel';
import { MemberPreferenceRepository } from './infrastructure/member-preference.repository';
import { MemberPreferenceDocument, MemberPreferenceSchema } from './infrastructure/member-preference.schema';
import { NotificationMessageRepository } from './infrastructure/notification-message.repository';
import {
  NotificationMessageDocument,
  NotificationMessageSchema,
} from './infrastructure/notification-message.schema';
import { SharedSendRate } from './infrastructure/shared-send-rate';
import { SmtpEmailChannel } from './infrastructure/smtp-email.channel';
import { SystemClock } from './infrastructure/system.clock';
import { WhatsappCloudChannel } from './infrastructure/whatsapp-cloud.channel';
import { DryRunHttpController } from './queries/dry-run/dry-run.http.controller';
import { DryRunQuery } from './queries/dry-run/dry-run.query';
import { EventHistoryHttpController } from './queries/event-history/event-history.http.controller';
import { InboxHttpController } from './queries/inbox/inbox.http.controller';
import { InboxQuery } from './queries/inbox/inbox.query';
import { ListRulesHttpController } from './queries/list-rules/list-rules.http.controller';
import { ListRulesQuery } from './queries/list-rules/list-rules.query';
import { MemberHistoryHttpController } from './queries/member-history/member-history.http.controller';
import { PreferencesHttpController } from './queries/preferences/preferences.http.controller';
import { PreferencesQuery } from './queries/preferences/preferences.query';

@Module({
  imports: [
    OrgDirectoryModule,
    MongooseModule.forFeature([
      { name: NotificationMessageDocument.name, schema: NotificationMessageSchema },
      { name: DigestDocument.name, schema: DigestSchema },
      { name: MemberPreferenceDocument.name, schema: MemberPreferenceSchema },
    ]),
  ],
  controllers: [
    NotificationTriggerEventController,
    InboxHttpController,
    MarkReadHttpController,
    PreferencesHttpController,
    UpdatePreferencesHttpController,
    MemberHistoryHttpController,
    EventHistoryHttpController,
    ListRulesHttpController,
    ReloadRulesHttpController,
    DryRunHttpController,
    WhatsappWebhookHttpController,
    SmsDeliveryReportHttpController,
  ],
  providers: [
    ActiveRules,
    NotificationPlanner,
    ReminderRescheduler,
    NotificationIntake,
    DeliveryWorker,
    MemberAccess,
    InboxQuery,
    MarkReadHandler,
    PreferencesQuery,
    UpdatePreferencesHandler,
    ListRulesQuery,
    ReloadRulesHandler,
    RecordDeliveryReceiptHandler,
    DryRunQuery,
    SmtpEmailChannel,
    GupshupSmsChannel,
    WhatsappCloudChannel,
    InboxChannel,
    {
      provide: CHANNEL_SENDERS,
      useFactory: (...senders: unknown[]) => senders,
      inject: [SmtpEmailChannel, GupshupSmsChannel, WhatsappCloudChannel, InboxChannel],
    },
    { provide: MESSAGE_PORT, useClass: NotificationMessageRepository },
    { provide: DIGEST_PORT, useClass: DigestRepository },
    { provide: PREFERENCE_PORT, useClass: MemberPreferenceRepository },
    { provide: CLOCK_PORT, useClass: SystemClock },
    { provide: SEND_RATE_PORT, useClass: SharedSendRate },
  ],
})
export class NotificationsModule {}
