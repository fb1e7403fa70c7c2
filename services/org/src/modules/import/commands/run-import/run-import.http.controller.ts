import { Controller, Get, HttpCode, Injectable, Logger, Param, Post, Query, Req } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { assertCan, CurrentPrincipal, Requires, type Principal } from '@sangathan/auth';
import { NotFoundError } from '@sangathan/kernel';
import { OutboxRelay } from '@sangathan/messaging';
import type { Request } from 'express';
import type { Connection } from 'mongoose';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { requestContext } from '../../../../common/request-context';
import { BulkImporter, type ImportKind, type ImportReport } from '../../infrastructure/bulk-importer';
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

/** Nest face of the bulk importer: one per app, on the service's own database. */
@Injectable()
export class ImportService {
  private readonly logger = new Logger('Import');
  private instance?: BulkImporter;

  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly outbox: OutboxRelay,
  ) {}

  /** Built on first use: the connection's `db` exists only once it is open. */
  get importer(): BulkImporter {
    this.instance ??= new BulkImporter(this.connection.db!, (message) => this.logger.log(message));
    return this.instance;
  }

  /** Progress of an import, for whoever started it, or a writer whose subtree holds the starter's area. */
  async progress(id: string, principal: Principal): Promise<Record<string, unknown>> {
    const job = await this.importer.progress(id);
    if (!job) throw new NotFoundError('import', id);
    // Jobs written before the scope was recorded have none: only their starter reads them.
    if (job.by !== principal.sub) {
      assertCan(principal, 'org:write', { areaId: job.areaId ?? '', ancestors: job.ancestors ?? [] });
    }
    const { _id, digest: _d, ...rest } = job;
    return { importId: _id, ...rest };
  }

  async run(
    kind: ImportKind,
    rows: unknown[],
    query: ImportQueryDto,
    principal: Principal,
    req: Request,
  ): Promise<ImportReport> {
    const options = {
      principal,
      ctx: requestContext(principal, req),
      mode: query.mode,
      importId: query.importId,
      // Each written chunk is handed to the relay by `_id`, so its events go out while the import goes on.
      onWritten: (collection: string, ids: string[]) => this.outbox.notify(collection, ids),
    };
    return kind === 'areas'
      ? this.importer.importAreas(rows, options)
      : this.importer.importMembers(rows, options);
  }
}

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
    return this.imports.run('areas', await readImportRows(req), query, principal, req);
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
    return this.imports.run('members', await readImportRows(req), query, principal, req);
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
