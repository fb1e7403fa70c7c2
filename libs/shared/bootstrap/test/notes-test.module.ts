import { Body, Controller, Get, Module, Param, Post } from '@nestjs/common';
import { InjectModel, MongooseModule, Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { AreaCreatedV1, createEvent, ORG_TOPICS } from '@sangathan/contracts';
import { CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import { NotFoundError, uuidv7 } from '@sangathan/kernel';
import { OutboxCarrier, OutboxWriter, toOutboxEntry } from '@sangathan/messaging';
import type { Model } from 'mongoose';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ServiceDefaultsModule } from '../src';

class CreateNoteDto extends createZodDto(
  z.object({ text: z.string().min(1).max(50), areaId: z.string().min(1) }),
) {}

@Schema({ collection: 'notes' })
class Note extends OutboxCarrier {
  @Prop({ type: String }) _id!: string;
  @Prop({ type: String, required: true }) text!: string;
}
const NoteSchema = SchemaFactory.createForClass(Note);

/** A minimal service used to test what ServiceDefaultsModule gives every service. */
@Module({
  imports: [MongooseModule.forFeature([{ name: Note.name, schema: NoteSchema }])],
  exports: [MongooseModule],
})
class NotesPersistenceModule {}

@Controller('notes')
class NotesController {
  static writes = 0;
  constructor(
    @InjectModel(Note.name) private readonly notes: Model<Note>,
    private readonly outbox: OutboxWriter,
  ) {}

  @Post()
  @Requires('org:write')
  async create(@Body() body: CreateNoteDto, @CurrentPrincipal() principal: Principal) {
    NotesController.writes++;
    const id = uuidv7();
    const event = createEvent(
      AreaCreatedV1,
      {
        areaId: body.areaId,
        level: 'booth',
        parentId: 'S',
        ancestors: ['IN'],
        nameEn: body.text,
        nameHi: null,
      },
      { producer: 'notes', areaId: body.areaId, areaPath: ['IN'], actorId: principal.sub, correlationId: id },
    );
    await this.outbox.insert(this.notes, { _id: id, text: body.text }, [
      toOutboxEntry(event, AreaCreatedV1.topic, id),
    ]);
    return { id, text: body.text };
  }

  @Get(':id')
  @Requires('org:read')
  async get(@Param('id') id: string) {
    const note = await this.notes.findById(id).lean().exec();
    if (!note) throw new NotFoundError('note', id);
    return { id, text: note.text };
  }
}

@Module({
  imports: [
    ServiceDefaultsModule.forRoot({
      serviceName: 'notes',
      outboxCollections: ['notes'],
      ownedTopics: ORG_TOPICS,
    }),
    NotesPersistenceModule,
  ],
  controllers: [NotesController],
})
export class NotesTestModule {}
export { NotesController, NotesPersistenceModule };
