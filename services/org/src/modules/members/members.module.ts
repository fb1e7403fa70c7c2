import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AreasModule } from '../areas/areas.module';
import { AssignPositionHandler } from './commands/assign-position/assign-position.handler';
import { AssignPositionHttpController } from './commands/assign-position/assign-position.http.controller';
import { ChangeMemberStatusHandler } from './commands/change-member-status/change-member-status.handler';
import { ChangeMemberStatusHttpController } from './commands/change-member-status/change-member-status.http.controller';
import { RegisterMemberHandler } from './commands/register-member/register-member.handler';
import { RegisterMemberHttpController } from './commands/register-member/register-member.http.controller';
import { UpdateMemberHandler } from './commands/update-member/update-member.handler';
import { UpdateMemberHttpController } from './commands/update-member/update-member.http.controller';
import { MEMBER_REPOSITORY, POSITION_REPOSITORY } from './application/ports/member.repository.port';
import { MemberRepository } from './infrastructure/member.repository';
import { PositionRepository } from './infrastructure/position.repository';
import {
  MemberDocument,
  MemberSchema,
  PositionDocument,
  PositionSchema,
} from './infrastructure/member.schema';
import { GetMemberHttpController } from './queries/get-member/get-member.http.controller';
import { ListMembersHandler } from './queries/list-members/list-members.handler';
import { ListMembersHttpController } from './queries/list-members/list-members.http.controller';
import { PositionsHttpController } from './queries/positions/positions.http.controller';

@Module({
  imports: [
    AreasModule,
    MongooseModule.forFeature([
      { name: MemberDocument.name, schema: MemberSchema },
      { name: PositionDocument.name, schema: PositionSchema },
    ]),
  ],
  controllers: [
    RegisterMemberHttpController,
    ListMembersHttpController,
    GetMemberHttpController,
    UpdateMemberHttpController,
    ChangeMemberStatusHttpController,
    PositionsHttpController,
    AssignPositionHttpController,
  ],
  providers: [
    RegisterMemberHandler,
    UpdateMemberHandler,
    ChangeMemberStatusHandler,
    AssignPositionHandler,
    ListMembersHandler,
    { provide: MEMBER_REPOSITORY, useClass: MemberRepository },
    { provide: POSITION_REPOSITORY, useClass: PositionRepository },
  ],
  exports: [MEMBER_REPOSITORY, POSITION_REPOSITORY, MongooseModule],
})
export class MembersModule {}
