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
import { AreaMongoRepository } from './infrastructure/area.mongo-repository';
import { AREA_REPOSITORY } from './infrastructure/area.repository.port';
import { AreaDocument, AreaSchema } from './infrastructure/area.schema';
import { SubtreeRepather } from './infrastructure/subtree-repather';
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
    SubtreeRepather,
    { provide: AREA_REPOSITORY, useClass: AreaMongoRepository },
  ],
  exports: [AREA_REPOSITORY, MongooseModule],
})
export class AreasModule {}
