import { Module } from '@nestjs/common';
import { ServiceDefaultsModule } from '@sangathan/bootstrap';
import { MEETINGS_TOPICS } from '@sangathan/contracts';
import { AreasModule } from './modules/areas/areas.module';
import { AreaCreatedConsumer } from './modules/areas/events/area-created.consumer';
import { MeetingsModule } from './modules/meetings/meetings.module';
import { RosterModule } from './modules/roster/roster.module';
import { VcRoomsModule } from './modules/vc-rooms/vc-rooms.module';

@Module({
  imports: [
    ServiceDefaultsModule.forRoot({
      serviceName: 'meetings',
      outboxCollections: ['meetings', 'meeting_photos'],
      ownedTopics: MEETINGS_TOPICS,
      consumer: { groupId: 'meetings', handlers: [AreaCreatedConsumer] },
    }),
    AreasModule,
    RosterModule,
    VcRoomsModule,
    MeetingsModule,
  ],
})
export class AppModule {}
