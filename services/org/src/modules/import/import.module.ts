import { Module } from '@nestjs/common';
import { AreasModule } from '../areas/areas.module';
import { MembersModule } from '../members/members.module';
import { ImportService, RunImportHttpController } from './commands/run-import/run-import.http.controller';

@Module({
  imports: [AreasModule, MembersModule],
  controllers: [RunImportHttpController],
  providers: [ImportService],
})
export class ImportModule {}
