import { Module } from '@nestjs/common';
import { ServiceDefaultsModule } from '@sangathan/bootstrap';
import { ORG_TOPICS } from '@sangathan/contracts';
import { ActivityModule } from './modules/activity/activity.module';
import { AreasModule } from './modules/areas/areas.module';
import { BoothsModule } from './modules/booths/booths.module';
import { ImportModule } from './modules/import/import.module';
import { MembersModule } from './modules/members/members.module';
import { TasksModule } from './modules/tasks/tasks.module';

@Module({
  imports: [
    ServiceDefaultsModule.forRoot({
      serviceName: 'org',
      outboxCollections: ['areas', 'members', 'positions', 'tasks'],
      ownedTopics: ORG_TOPICS,
      consumer: { groupId: 'org' },
    }),
    AreasModule,
    MembersModule,
    BoothsModule,
    TasksModule,
    ActivityModule,
    ImportModule,
  ],
})
export class AppModule {}
