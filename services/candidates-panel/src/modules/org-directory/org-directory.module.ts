import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ORG_DIRECTORY, ORG_DIRECTORY_WRITER } from './application/ports/org-directory.port';
import { OrgDirectoryEventController } from './events/org-directory.event-controller';
import { OrgDirectoryRepository } from './infrastructure/org-directory.repository';
import {
  DirectoryAreaDocument,
  DirectoryAreaSchema,
  DirectoryMemberDocument,
  DirectoryMemberSchema,
  DirectoryPositionDocument,
  DirectoryPositionSchema,
} from './infrastructure/org-directory.schema';

/** `org-directory`: org's areas, members and positions as this service needs them. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: DirectoryAreaDocument.name, schema: DirectoryAreaSchema },
      { name: DirectoryMemberDocument.name, schema: DirectoryMemberSchema },
      { name: DirectoryPositionDocument.name, schema: DirectoryPositionSchema },
    ]),
  ],
  controllers: [OrgDirectoryEventController],
  providers: [
    OrgDirectoryRepository,
    { provide: ORG_DIRECTORY, useExisting: OrgDirectoryRepository },
    { provide: ORG_DIRECTORY_WRITER, useExisting: OrgDirectoryRepository },
  ],
  exports: [ORG_DIRECTORY],
})
export class OrgDirectoryModule {}
