import { Body, Controller, Get, Module, Param, Post } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { AreaCreatedV1, createEvent, ORG_TOPICS } from '@sangathan/contracts';
import { CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import { NotFoundError, uuidv7 } from '@sangathan/kernel';
import { OutboxRelay, outboxFieldsForInsert, toOutboxEntry } from '@sangathan/messaging';
import type { Connection } from 'mongoose';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ServiceDefaultsModule } from '../src';

class CreateNoteDto extends createZodDto(
  z.object({ text: z.string().min(1).max(50), areaId: z.string().min(1) }),
) {}

/** A minimal service used to test what ServiceDefaultsModule gives every service. */
@Controller('notes')
class NotesController {
  static writes = 0;
  constructor(
    @InjectConnection() private readonly db: Connection,
    private readonly relay: OutboxRelay,
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
    await this.db.collection('notes').insertOne({
      _id: id as never,
      text: body.text,
      ...outboxFieldsForInsert([toOutboxEntry(event, AreaCreatedV1.topic, id)]),
    });
    this.relay.notify();
    return { id, text: body.text };
  }

  @Get(':id')
  @Requires('org:read')
  async get(@Param('id') id: string) {
    const note = await this.db.collection('notes').findOne({ _id: id as never });
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
  ],
  controllers: [NotesController],
})
export class NotesTestModule {}
export { NotesController };
