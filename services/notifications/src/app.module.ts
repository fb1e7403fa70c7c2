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
      // Partitions in parallel: a programme's invitations arrive by the thousand on all of them. Safe, as
      // messages are deduplicated by a unique key and a member's digest counts with one atomic update.
      // A fetch of at most 1 MiB bounds what is planned at once (each event becomes several messages).
      consumer: { groupId: 'notifications', partitionsConcurrently: 3, fetchMaxBytes: 1024 * 1024 },
    }),
    OrgDirectoryModule,
    NotificationsModule,
  ],
})
export class AppModule {}
