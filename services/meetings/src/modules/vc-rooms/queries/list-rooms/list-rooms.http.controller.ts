import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, scopeFilter, type Principal } from '@sangathan/auth';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  VC_ROOM_REPOSITORY,
  type VcRoomRepositoryPort,
} from '../../application/ports/vc-room.repository.port';
import { VC_ROOM_STATUSES } from '../../domain/vc-room-status';

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
  list(@Query() query: ListRoomsQuery, @CurrentPrincipal() principal: Principal) {
    return this.rooms.list(scopeFilter(principal), query.areaId, query.status);
  }
}
