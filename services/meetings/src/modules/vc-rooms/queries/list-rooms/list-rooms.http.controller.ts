import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, scopeFilter, type Principal } from '@sangathan/auth';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  VC_ROOM_REPOSITORY,
  type VcRoomRepositoryPort,
} from '../../application/ports/vc-room.repository.port';
import { VC_ROOM_STATUSES } from '../../domain/vc-room-status';
import { RoomListDto } from './list-rooms.dto';

const listRoomsSchema = z.object({
  areaId: z.string().trim().toUpperCase().optional().describe('Subtree root (default: your area)'),
  status: z.enum(VC_ROOM_STATUSES).optional(),
});
class ListRoomsQuery extends createZodDto(listRoomsSchema) {}

@ApiTags('vc-rooms')
@Controller('vc-rooms')
export class ListRoomsHttpController {
  constructor(@Inject(VC_ROOM_REPOSITORY) private readonly rooms: VcRoomRepositoryPort) {}

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
