import { Module } from '@nestjs/common';
import { MembersModule } from '../members/members.module';
import { LAST_ACTIVE_REPOSITORY } from './application/ports/last-active.repository.port';
import { MemberActivityEventController } from './events/member-activity.event-controller';
import { LastActiveRepository } from './infrastructure/last-active.repository';

@Module({
  imports: [MembersModule],
  controllers: [MemberActivityEventController],
  providers: [{ provide: LAST_ACTIVE_REPOSITORY, useClass: LastActiveRepository }],
})
export class ActivityModule {}
