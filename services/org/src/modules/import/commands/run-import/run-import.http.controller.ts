import { Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import type { Request } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { requestContext } from '../../../../common/request-context';
import type { ImportReport } from '../../application/import-plan';
import { ImportService } from '../../application/import.service';
import { readImportRows } from './import-body';
import { ImportProgressDto, ImportReportDto } from './run-import.dto';

export const importQuerySchema = z.object({
  mode: z
    .enum(['strict', 'partial'])
    .default('strict')
    .describe(
      'strict: nothing is written unless every row is valid; partial: valid rows are written, the rest reported',
    ),
  importId: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,64}$/)
    .optional()
    .describe('Re-send the same file with the same id to resume an interrupted import'),
});
export class ImportQueryDto extends createZodDto(importQuerySchema) {}

@ApiTags('import')
@Controller('imports')
export class RunImportHttpController {
  constructor(private readonly imports: ImportService) {}

  @Post('areas')
  @HttpCode(200)
  @Requires('org:write')
  @ApiConsumes('text/csv', 'application/x-ndjson', 'application/json')
  @ApiBody({
    description:
      'Columns: code, level, parentId, nameEn, nameHi, seatClass, lastMargin, lokSabhaId, boothCount, voterCount, beneficiaryCount, socialComposition',
  })
  @ApiOperation({
    summary:
      'Import areas (upsert by code; parents first or already stored); every row validated before anything is written',
  })
  @ApiOkResponse({
    type: ImportReportDto,
    description:
      'Counts created/updated/unchanged and row errors; org.area.created / updated / reclassified are published',
  })
  async areas(
    @Query() query: ImportQueryDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<ImportReport> {
    return this.imports.importAreas(await readImportRows(req), {
      principal,
      ctx: requestContext(principal, req),
      ...query,
    });
  }

  @Post('members')
  @HttpCode(200)
  @Requires('org:write')
  @ApiConsumes('text/csv', 'application/x-ndjson', 'application/json')
  @ApiBody({ description: 'Columns: phone, name, nameAlt, kind, areaId' })
  @ApiOperation({
    summary: 'Import members (upsert by phone, E.164); every row validated before anything is written',
  })
  @ApiOkResponse({
    type: ImportReportDto,
    description: 'Counts and row errors; org.member.joined / updated are published',
  })
  async members(
    @Query() query: ImportQueryDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<ImportReport> {
    return this.imports.importMembers(await readImportRows(req), {
      principal,
      ctx: requestContext(principal, req),
      ...query,
    });
  }

  @Get(':id')
  @Requires('org:read')
  @ApiOperation({ summary: 'Progress of an import: operations written so far, counts, status' })
  @ApiOkResponse({ type: ImportProgressDto, description: 'The job as written so far' })
  async progress(
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Record<string, unknown>> {
    return this.imports.progress(id, principal);
  }
}
