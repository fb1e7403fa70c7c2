import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AreaCreatedConsumer } from './events/area-created.consumer';
import { KnownAreaDocument, KnownAreaSchema } from './infrastructure/known-area.schema';
import { GetKnownAreaHttpController } from './queries/get-known-area/get-known-area.http.controller';

@Module({
  imports: [MongooseModule.forFeature([{ name: KnownAreaDocument.name, schema: KnownAreaSchema }])],
  controllers: [GetKnownAreaHttpController],
  providers: [AreaCreatedConsumer],
  exports: [AreaCreatedConsumer],
})
export class AreaDirectoryModule {}
