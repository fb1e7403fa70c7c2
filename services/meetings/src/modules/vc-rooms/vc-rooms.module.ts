import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AreasModule } from '../areas/areas.module';
import { RegisterRoomHttpController } from './commands/register-room/register-room.http.controller';
import { VcRoomDirectory } from './infrastructure/vc-room-directory';
import { VcRoomDocument, VcRoomSchema } from './infrastructure/vc-room.schema';
import { ListRoomsHttpController } from './queries/list-rooms/list-rooms.http.controller';

@Module({
  imports: [MongooseModule.forFeature([{ name: VcRoomDocument.name, schema: VcRoomSchema }]), AreasModule],
  controllers: [RegisterRoomHttpController, ListRoomsHttpController],
  providers: [VcRoomDirectory],
  exports: [VcRoomDirectory],
})
export class VcRoomsModule {}
