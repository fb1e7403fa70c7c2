import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { RosterConsumer } from './events/roster.consumer';
import { KnownMemberDocument, KnownMemberSchema } from './infrastructure/known-member.schema';
import { RosterMongo } from './infrastructure/roster.mongo';
import { ROSTER } from './infrastructure/roster.port';

@Module({
  imports: [MongooseModule.forFeature([{ name: KnownMemberDocument.name, schema: KnownMemberSchema }])],
  providers: [RosterConsumer, { provide: ROSTER, useClass: RosterMongo }],
  exports: [ROSTER, RosterConsumer, MongooseModule],
})
export class RosterModule {}
