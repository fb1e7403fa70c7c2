import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CreateAreaHandler } from './commands/create-area/create-area.handler';
import { CreateAreaHttpController } from './commands/create-area/create-area.http.controller';
import { AreaMongoRepository } from './infrastructure/area.mongo-repository';
import { AREA_REPOSITORY } from './infrastructure/area.repository.port';
import { AreaDocument, AreaSchema } from './infrastructure/area.schema';
import { GetAreaHttpController } from './queries/get-area/get-area.http.controller';

@Module({
  imports: [MongooseModule.forFeature([{ name: AreaDocument.name, schema: AreaSchema }])],
  controllers: [CreateAreaHttpController, GetAreaHttpController],
  providers: [CreateAreaHandler, { provide: AREA_REPOSITORY, useClass: AreaMongoRepository }],
})
export class AreasModule {}
