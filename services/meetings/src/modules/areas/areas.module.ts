import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { SetAreaGeoHttpController } from './commands/set-area-geo/set-area-geo.http.controller';
import { AreaCreatedConsumer } from './events/area-created.consumer';
import { AREA_DIRECTORY } from './infrastructure/area-directory.port';
import { AreaRepather } from './infrastructure/area-repather';
import { AreaDirectoryMongo } from './infrastructure/area-directory.mongo';
import { KnownAreaDocument, KnownAreaSchema } from './infrastructure/known-area.schema';
import { GetAreaHttpController } from './queries/get-area/get-area.http.controller';

@Module({
  imports: [MongooseModule.forFeature([{ name: KnownAreaDocument.name, schema: KnownAreaSchema }])],
  controllers: [GetAreaHttpController, SetAreaGeoHttpController],
  providers: [AreaCreatedConsumer, AreaRepather, { provide: AREA_DIRECTORY, useClass: AreaDirectoryMongo }],
  exports: [AreaCreatedConsumer, AREA_DIRECTORY],
})
export class AreasModule {}
