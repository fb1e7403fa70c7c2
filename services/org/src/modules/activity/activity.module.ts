import { Module } from '@nestjs/common';
import { MembersModule } from '../members/members.module';
import { MemberActivityConsumer } from './events/member-activity.consumer';
import { LastActiveRepository } from './infrastructure/last-active.repository';

@Module({
  imports: [MembersModule],
  providers: [MemberActivityConsumer, LastActiveRepository],
  exports: [MemberActivityConsumer],
})
export class ActivityModule {}
