import { Controller, Get, Param } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { assertCan, CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import { NotFoundError } from '@sangathan/kernel';
import type { Model } from 'mongoose';
import { KnownAreaDocument } from '../../infrastructure/known-area.schema';

@ApiTags('areas')
@Controller('areas')
export class GetKnownAreaHttpController {
  constructor(@InjectModel(KnownAreaDocument.name) private readonly areas: Model<KnownAreaDocument>) {}

  @Get(':id')
  @Requires('analytics:read')
  @ApiOperation({ summary: 'An area as analytics knows it (from org events)' })
  async get(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    const area = await this.areas.findById(id.toUpperCase()).lean().exec();
    if (!area) throw new NotFoundError('area', id);
    assertCan(principal, 'analytics:read', { areaId: area._id, ancestors: area.ancestors });
    const { _id, ...rest } = area;
    return { id: _id, ...rest };
  }
}
