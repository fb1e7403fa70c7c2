import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ORG_DIRECTORY } from './application/ports/org-directory.port';
import { AreaDirectoryEventController } from './events/area-directory.event-controller';
import { MemberRosterEventController } from './events/member-roster.event-controller';
import { OrgDirectoryRepository } from './infrastructure/org-directory.repository';
import {
  KnownAreaDocument,
  KnownAreaSchema,
  KnownMemberDocument,
  KnownMemberSchema,
  KnownPositionDocument,
  KnownPositionSchema,
} from './infrastructure/org-directory.schema';

/** Training's local read model of org: areas, members and position holders, built from org events. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: KnownAreaDocument.name, schema: KnownAreaSchema },
      { name: KnownMemberDocument.name, schema: KnownMemberSchema },
      { name: KnownPositionDocument.name, schema: KnownPositionSchema },
    ]),
  ],
  controllers: [AreaDirectoryEventController, MemberRosterEventController],
  providers: [{ provide: ORG_DIRECTORY, useClass: OrgDirectoryRepository }],
  exports: [ORG_DIRECTORY],
})
export class OrgDirectoryModule {}
