import { Module } from '@nestjs/common';
import { ServiceDefaultsModule } from '@sangathan/bootstrap';
import { ANALYTICS_TOPICS } from '@sangathan/contracts';
import { FETCH_MAX_BYTES, MOMENTUM_LEAD_TOPICS } from './modules/momentum/application/momentum-settings';
import { PUBLICATIONS_COLLECTION } from './modules/momentum/infrastructure/publication.schema';
import { MomentumModule } from './modules/momentum/momentum.module';

@Module({
  imports: [
    ServiceDefaultsModule.forRoot({
      serviceName: 'analytics',
      ownedTopics: ANALYTICS_TOPICS,
      outboxCollections: [PUBLICATIONS_COLLECTION],
      // Momentum folds every activity stream: three partitions at once let one batch's journal write overlap the
      // folding of another (MomentumService.ingest), and bigger chunks mean fewer journal documents. A backlog
      // reads the hierarchy first, so activity finds its areas instead of waiting parked for them.
      consumer: {
        groupId: 'analytics',
        chunkSize: 2000,
        partitionsConcurrently: 3,
        fetchMaxBytes: FETCH_MAX_BYTES,
        leadTopics: MOMENTUM_LEAD_TOPICS,
      },
    }),
    MomentumModule,
  ],
})
export class AppModule {}
