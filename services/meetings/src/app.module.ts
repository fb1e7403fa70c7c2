import { Module } from '@nestjs/common';
import { ServiceDefaultsModule } from '@sangathan/bootstrap';
import { MEETINGS_TOPICS } from '@sangathan/contracts';
import { AreasModule } from './modules/areas/areas.module';
import { AreaCreatedConsumer } from './modules/areas/events/area-created.consumer';
import { PhotoRecheckConsumer } from './modules/meetings/events/photo-recheck.consumer';
import { MeetingsModule } from './modules/meetings/meetings.module';
import { QuotasModule } from './modules/quotas/quotas.module';
import { RosterConsumer } from './modules/roster/events/roster.consumer';
import { RosterModule } from './modules/roster/roster.module';
import { VcRoomsModule } from './modules/vc-rooms/vc-rooms.module';

@Module({
  imports: [
    ServiceDefaultsModule.forRoot({
      serviceName: 'meetings',
      outboxCollections: ['meetings', 'meeting_photos', 'quota_evaluations'],
      ownedTopics: MEETINGS_TOPICS,
      consumer: {
        groupId: 'meetings',
        handlers: [AreaCreatedConsumer, RosterConsumer, PhotoRecheckConsumer],
      },
    }),
    AreasModule,
    RosterModule,
    VcRoomsModule,
    MeetingsModule,
    QuotasModule,
  ],
})
export class AppModule {}
