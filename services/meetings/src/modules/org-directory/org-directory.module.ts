import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AREA_DIRECTORY } from './application/ports/area-directory.port';
import { AREA_REPATHER } from './application/ports/area-repather.port';
import { ROSTER } from './application/ports/roster.port';
import { SetAreaGeoHttpController } from './commands/set-area-geo/set-area-geo.http.controller';
import { AreaDirectoryEventController } from './events/area-directory.event-controller';
import { RosterEventController } from './events/roster.event-controller';
import { AreaDirectoryRepository } from './infrastructure/area-directory.repository';
import { AreaRepatherRepository } from './infrastructure/area-repather.repository';
import { KnownAreaDocument, KnownAreaSchema } from './infrastructure/known-area.schema';
import { KnownMemberDocument, KnownMemberSchema } from './infrastructure/known-member.schema';
import { RosterRepository } from './infrastructure/roster.repository';
import { GetAreaHttpController } from './queries/get-area/get-area.http.controller';

/** The org-directory: org's areas and members as this service reads them, kept from org's events. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: KnownAreaDocument.name, schema: KnownAreaSchema },
      { name: KnownMemberDocument.name, schema: KnownMemberSchema },
    ]),
  ],
  controllers: [
    GetAreaHttpController,
    SetAreaGeoHttpController,
    AreaDirectoryEventController,
    RosterEventController,
  ],
  providers: [
    { provide: AREA_DIRECTORY, useClass: AreaDirectoryRepository },
    { provide: AREA_REPATHER, useClass: AreaRepatherRepository },
    { provide: ROSTER, useClass: RosterRepository },
  ],
  exports: [AREA_DIRECTORY, ROSTER],
})
export class OrgDirectoryModule {}
