import { Module } from '@nestjs/common';
import { ServiceDefaultsModule } from '@sangathan/bootstrap';
import { ANALYST_TOPICS } from '@sangathan/contracts';
import { REDACTIONS_COLLECTION } from './modules/redaction/infrastructure/redaction.schema';
import { RedactionModule } from './modules/redaction/redaction.module';

@Module({
  imports: [
    ServiceDefaultsModule.forRoot({
      serviceName: 'stream-redactor',
      ownedTopics: ANALYST_TOPICS,
      outboxCollections: [REDACTIONS_COLLECTION],
      // A new deployment redacts the whole retained history, so analysts see it from the start.
      consumer: { groupId: 'stream-redactor', fromBeginning: true },
    }),
    RedactionModule,
  ],
})
export class AppModule {}
