import { Controller, Module } from '@nestjs/common';
import { AreaCreatedV1, ORG_TOPICS, type EventOf } from '@sangathan/contracts';
import { OnEvent, PermanentEventError } from '@sangathan/messaging';
import { ServiceDefaultsModule } from '../src';
import { NotesController, NotesPersistenceModule } from './notes-test.module';

/** Consumes the notes' own events back, so one service exercises relay, consumer and DLQ; `poison` never applies. */
@Controller()
class NoteEventsController {
  @OnEvent(AreaCreatedV1)
  async onNote(event: EventOf<typeof AreaCreatedV1>): Promise<void> {
    if (event.payload.nameEn === 'poison')
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
      consumer: { groupId: 'notes-metrics' },
    }),
    NotesPersistenceModule,
  ],
  controllers: [NotesController, NoteEventsController],
})
export class MeteredNotesModule {}
