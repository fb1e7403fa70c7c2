import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CreateAreaHandler } from './commands/create-area/create-area.handler';
import { CreateAreaHttpController } from './commands/create-area/create-area.http.controller';
import { MoveAreaHandler } from './commands/move-area/move-area.handler';
import { MoveAreaHttpController } from './commands/move-area/move-area.http.controller';
import { ReclassifyAreaHandler } from './commands/reclassify-area/reclassify-area.handler';
import { ReclassifyAreaHttpController } from './commands/reclassify-area/reclassify-area.http.controller';
import { UpdateAreaHandler } from './commands/update-area/update-area.handler';
import { UpdateAreaHttpController } from './commands/update-area/update-area.http.controller';
import { AREA_REPOSITORY } from './application/ports/area.repository.port';
import { AreaRepository } from './infrastructure/area.repository';
import { AreaDocument, AreaSchema } from './infrastructure/area.schema';
import { SubtreeRepathRepository } from './infrastructure/subtree-repath.repository';
import { AreaCountsHttpController } from './queries/area-counts/area-counts.http.controller';
import { GetAreaHttpController } from './queries/get-area/get-area.http.controller';
import { ListAreasHandler } from './queries/list-areas/list-areas.handler';
import { ListAreasHttpController } from './queries/list-areas/list-areas.http.controller';

@Module({
  imports: [MongooseModule.forFeature([{ name: AreaDocument.name, schema: AreaSchema }])],
  controllers: [
    CreateAreaHttpController,
    ListAreasHttpController,
    GetAreaHttpController,
    AreaCountsHttpController,
    UpdateAreaHttpController,
    ReclassifyAreaHttpController,
    MoveAreaHttpController,
  ],
  providers: [
    CreateAreaHandler,
    UpdateAreaHandler,
    ReclassifyAreaHandler,
    MoveAreaHandler,
    ListAreasHandler,
    SubtreeRepathRepository,
    { provide: AREA_REPOSITORY, useClass: AreaRepository },
  ],
  exports: [AREA_REPOSITORY, MongooseModule],
})
export class AreasModule {}
