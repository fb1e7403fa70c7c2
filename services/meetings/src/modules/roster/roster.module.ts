import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { KnownMemberDocument, KnownMemberSchema } from './infrastructure/known-member.schema';
import { RosterMongo } from './infrastructure/roster.mongo';
import { ROSTER } from './infrastructure/roster.port';

@Module({
  imports: [MongooseModule.forFeature([{ name: KnownMemberDocument.name, schema: KnownMemberSchema }])],
  providers: [{ provide: ROSTER, useClass: RosterMongo }],
  exports: [ROSTER, MongooseModule],
})
export class RosterModule {}
