import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OrgAreaConsumer } from './events/org-area.consumer';
import { OrgMemberConsumer } from './events/org-member.consumer';
import {
  KnownAreaDocument,
  KnownAreaSchema,
  KnownMemberDocument,
  KnownMemberSchema,
  KnownPositionDocument,
  KnownPositionSchema,
} from './infrastructure/directory.schemas';
import { DirectoryReader } from './infrastructure/directory.reader';

/** Training's local read model of org: areas, members and position holders, built from org events. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: KnownAreaDocument.name, schema: KnownAreaSchema },
      { name: KnownMemberDocument.name, schema: KnownMemberSchema },
      { name: KnownPositionDocument.name, schema: KnownPositionSchema },
    ]),
  ],
  providers: [OrgAreaConsumer, OrgMemberConsumer, DirectoryReader],
  exports: [OrgAreaConsumer, OrgMemberConsumer, DirectoryReader],
})
export class DirectoryModule {}
