import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OrgDirectoryModule } from '../org-directory/org-directory.module';
import { VC_ROOM_REPOSITORY } from './application/ports/vc-room.repository.port';
import { RegisterRoomHttpController } from './commands/register-room/register-room.http.controller';
import { VcRoomRepository } from './infrastructure/vc-room.repository';
import { VcRoomDocument, VcRoomSchema } from './infrastructure/vc-room.schema';
import { ListRoomsHttpController } from './queries/list-rooms/list-rooms.http.controller';

@Module({
  imports: [
    MongooseModule.forFeature([{ name: VcRoomDocument.name, schema: VcRoomSchema }]),
    OrgDirectoryModule,
  ],
  controllers: [RegisterRoomHttpController, ListRoomsHttpController],
  providers: [{ provide: VC_ROOM_REPOSITORY, useClass: VcRoomRepository }],
  exports: [VC_ROOM_REPOSITORY],
})
export class VcRoomsModule {}
