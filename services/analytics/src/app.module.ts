import { Module } from '@nestjs/common';
import { ServiceDefaultsModule } from '@sangathan/bootstrap';
import { ANALYTICS_TOPICS } from '@sangathan/contracts';
import { AreaDirectoryModule } from './modules/area-directory/area-directory.module';
import { AreaCreatedConsumer } from './modules/area-directory/events/area-created.consumer';
import { MomentumIngestConsumer } from './modules/momentum/events/momentum-ingest.consumer';
import { PUBLICATIONS_COLLECTION } from './modules/momentum/infrastructure/momentum-publisher';
import { MomentumModule } from './modules/momentum/momentum.module';

@Module({
  imports: [
    ServiceDefaultsModule.forRoot({
      serviceName: 'analytics',
      ownedTopics: ANALYTICS_TOPICS,
      outboxCollections: [PUBLICATIONS_COLLECTION],
      consumer: { groupId: 'analytics', handlers: [AreaCreatedConsumer, MomentumIngestConsumer] },
    }),
    AreaDirectoryModule,
    MomentumModule,
  ],
})
export class AppModule {}
