import { Injectable, Module } from '@nestjs/common';
import { AreaCreatedV1, ORG_TOPICS, type EventEnvelope } from '@sangathan/contracts';
import { PermanentEventError, type IntegrationEventHandler } from '@sangathan/messaging';
import { ServiceDefaultsModule } from '../src';
import { NotesController } from './notes-test.module';

/** Consumes the notes' own events back, so one service exercises relay, consumer and DLQ; `poison` never applies. */
@Injectable()
class NoteEventsConsumer implements IntegrationEventHandler {
  readonly subscribesTo = [AreaCreatedV1];
  async handle(event: EventEnvelope): Promise<void> {
    if ((event.payload as { nameEn: string }).nameEn === 'poison')
      throw new PermanentEventError('poison-note', 'this note can never be applied');
  }
}

/** The notes service with a consumer group, for the metrics test. */
@Module({
  imports: [
    ServiceDefaultsModule.forRoot({
      serviceName: 'notes',
      outboxCollections: ['notes'],
      ownedTopics: ORG_TOPICS,
      consumer: { groupId: 'notes-metrics', handlers: [NoteEventsConsumer] },
    }),
  ],
  controllers: [NotesController],
  providers: [NoteEventsConsumer],
})
export class MeteredNotesModule {}
