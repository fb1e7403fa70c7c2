import { Module } from '@nestjs/common';
import { ServiceDefaultsModule } from '@sangathan/bootstrap';
import { NOTIFICATIONS_TOPICS } from '@sangathan/contracts';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { OrgDirectoryModule } from './modules/org-directory/org-directory.module';

@Module({
  imports: [
    ServiceDefaultsModule.forRoot({
      serviceName: 'notifications',
      outboxCollections: ['messages'],
      ownedTopics: NOTIFICATIONS_TOPICS,
      consumer: { groupId: 'notifications' },
    }),
    OrgDirectoryModule,
    NotificationsModule,
  ],
})
export class AppModule {}
