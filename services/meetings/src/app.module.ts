import { Module } from '@nestjs/common';
import { ServiceDefaultsModule } from '@sangathan/bootstrap';
import { MEETINGS_TOPICS } from '@sangathan/contracts';
import { MeetingsModule } from './modules/meetings/meetings.module';
import { OrgDirectoryModule } from './modules/org-directory/org-directory.module';
import { QuotasModule } from './modules/quotas/quotas.module';
import { VcRoomsModule } from './modules/vc-rooms/vc-rooms.module';

@Module({
  imports: [
    ServiceDefaultsModule.forRoot({
      serviceName: 'meetings',
      outboxCollections: ['meetings', 'meeting_photos', 'quota_evaluations'],
      ownedTopics: MEETINGS_TOPICS,
      consumer: { groupId: 'meetings' },
    }),
    OrgDirectoryModule,
    VcRoomsModule,
    MeetingsModule,
    QuotasModule,
  ],
})
export class AppModule {}
