import { Module } from '@nestjs/common';
import { AreasModule } from '../areas/areas.module';
import { MembersModule } from '../members/members.module';
import { ManageBoothHandler } from './commands/manage-booth/manage-booth.handler';
import { ManageBoothHttpController } from './commands/manage-booth/manage-booth.http.controller';
import { BOOTH_REPOSITORY } from './application/ports/booth.repository.port';
import { BoothRepository } from './infrastructure/booth.repository';
import { BoothCoverageHttpController } from './queries/booth-coverage/booth-coverage.http.controller';

@Module({
  imports: [AreasModule, MembersModule],
  controllers: [ManageBoothHttpController, BoothCoverageHttpController],
  providers: [ManageBoothHandler, { provide: BOOTH_REPOSITORY, useClass: BoothRepository }],
})
export class BoothsModule {}
