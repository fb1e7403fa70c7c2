import { Module } from '@nestjs/common';
import { AreasModule } from '../areas/areas.module';
import { MembersModule } from '../members/members.module';
import { ImportService } from './application/import.service';
import { IMPORT_BATCH } from './application/ports/import-batch.port';
import { IMPORT_JOBS } from './application/ports/import-job.port';
import { RunImportHttpController } from './commands/run-import/run-import.http.controller';
import { ImportBatchRepository } from './infrastructure/import-batch.repository';
import { ImportJobRepository } from './infrastructure/import-job.repository';

@Module({
  imports: [AreasModule, MembersModule],
  controllers: [RunImportHttpController],
  providers: [
    ImportService,
    { provide: IMPORT_BATCH, useClass: ImportBatchRepository },
    { provide: IMPORT_JOBS, useClass: ImportJobRepository },
  ],
})
export class ImportModule {}
