import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, scopeFilter, type Principal } from '@sangathan/auth';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { VcRoomDirectory } from '../../infrastructure/vc-room-directory';
import { VC_ROOM_STATUSES } from '../../infrastructure/vc-room.schema';
import { RoomListDto } from './list-rooms.dto';

const listRoomsSchema = z.object({
  areaId: z.string().trim().toUpperCase().optional().describe('Subtree root (default: your area)'),
  status: z.enum(VC_ROOM_STATUSES).optional(),
});
class ListRoomsQuery extends createZodDto(listRoomsSchema) {}

@ApiTags('vc-rooms')
@Controller('vc-rooms')
export class ListRoomsHttpController {
  constructor(private readonly rooms: VcRoomDirectory) {}

  @Get()
  @Requires('meetings:read')
  @ApiOperation({
    summary: 'Video-conference rooms in your subtree, with how many are planned, connected, out of service',
  })
  @ApiOkResponse({ type: RoomListDto, description: 'The rooms and a count per status' })
  list(@Query() query: ListRoomsQuery, @CurrentPrincipal() principal: Principal) {
    return this.rooms.list(scopeFilter(principal), query.areaId, query.status);
  }
}
