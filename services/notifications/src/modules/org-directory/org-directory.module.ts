import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ORG_DIRECTORY_WRITER_PORT } from './application/ports/org-directory-writer.port';
import { ORG_DIRECTORY_PORT } from './application/ports/org-directory.port';
import { OrgDirectoryEventController } from './events/org-directory.event-controller';
import { OrgDirectoryRepository } from './infrastructure/org-directory.repository';
import {
  OrgDirectoryArea,
  OrgDirectoryAreaSchema,
  OrgDirectoryMember,
  OrgDirectoryMemberSchema,
  OrgDirectoryPosition,
  OrgDirectoryPositionSchema,
} from './infrastructure/org-directory.schema';

/** Notifications' read model of org (areas, members, position holders), built from org's events. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: OrgDirectoryArea.name, schema: OrgDirectoryAreaSchema },
      { name: OrgDirectoryMember.name, schema: OrgDirectoryMemberSchema },
      { name: OrgDirectoryPosition.name, schema: OrgDirectoryPositionSchema },
    ]),
  ],
  controllers: [OrgDirectoryEventController],
  providers: [
    OrgDirectoryRepository,
    { provide: ORG_DIRECTORY_PORT, useExisting: OrgDirectoryRepository },
    { provide: ORG_DIRECTORY_WRITER_PORT, useExisting: OrgDirectoryRepository },
  ],
  exports: [ORG_DIRECTORY_PORT],
})
export class OrgDirectoryModule {}
