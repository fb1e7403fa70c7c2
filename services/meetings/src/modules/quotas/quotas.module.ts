import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AreasModule } from '../areas/areas.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { RosterModule } from '../roster/roster.module';
import { EvaluateDayHttpController } from './commands/evaluate-day/evaluate-day.http.controller';
import { SetQuotaRuleHttpController } from './commands/set-quota-rule/set-quota-rule.http.controller';
import { QuotaEvaluationDocument, QuotaEvaluationSchema } from './infrastructure/quota-evaluation.schema';
import { QuotaRuleDocument, QuotaRuleSchema } from './infrastructure/quota-rule.schema';
import { DailyQuotaJob } from './jobs/daily-quota.job';
import { ComplianceReportHttpController } from './queries/compliance-report/compliance-report.http.controller';
import { QuotaService } from './quota.service';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: QuotaRuleDocument.name, schema: QuotaRuleSchema },
      { name: QuotaEvaluationDocument.name, schema: QuotaEvaluationSchema },
    ]),
    AreasModule,
    RosterModule,
    MeetingsModule,
  ],
  controllers: [SetQuotaRuleHttpController, EvaluateDayHttpController, ComplianceReportHttpController],
  providers: [QuotaService, DailyQuotaJob],
})
export class QuotasModule {}
