import { Body, Controller, Inject, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { assertCan, CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import { ValidationError } from '@sangathan/kernel';
import {
  AREA_DIRECTORY,
  type AreaDirectoryPort,
} from '../../../org-directory/application/ports/area-directory.port';
import {
  VC_ROOM_REPOSITORY,
  type VcRoomRepositoryPort,
  type VcRoomView,
} from '../../application/ports/vc-room.repository.port';
import { RegisterRoomDto, VcRoomViewDto } from './register-room.dto';

@ApiTags('vc-rooms')
@Controller('vc-rooms')
export class RegisterRoomHttpController {
  constructor(
    @Inject(VC_ROOM_REPOSITORY) private readonly rooms: VcRoomRepositoryPort,
    @Inject(AREA_DIRECTORY) private readonly areas: AreaDirectoryPort,
  ) {}

  @Put(':areaId')
  @Requires('meetings:write')
  @ApiOperation({
    summary:
      'Register or update the video-conference room of a district office (status planned/connected/out-of-service)',
  })
  @ApiOkResponse({ type: VcRoomViewDto, description: 'The room as stored' })
  async register(
    @Param('areaId') areaId: string,
    @Body() body: RegisterRoomDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<VcRoomView> {
    const area = await this.areas.findById(areaId);
    if (!area)
      throw new ValidationError('UNKNOWN_AREA', `area ${areaId} is unknown`, [
        { field: 'areaId', message: 'unknown area' },
      ]);
    if (area.level !== 'district') {
      throw new ValidationError(
        'NOT_A_DISTRICT',
        `rooms belong to district offices; ${area.id} is a ${area.level}`,
        [{ field: 'areaId', message: 'must be a district' }],
      );
    }
    assertCan(principal, 'meetings:write', { areaId: area.id, ancestors: area.ancestors });
    return this.rooms.upsert({
      areaId: area.id,
      ancestors: area.ancestors,
      name: body.name,
      status: body.status,
      note: body.note,
    });
  }
}
