import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { MeetingsModule } from '../meetings/meetings.module';
import { OrgDirectoryModule } from '../org-directory/org-directory.module';
import { QUOTA_EVALUATION_REPOSITORY } from './application/ports/quota-evaluation.repository.port';
import { QUOTA_RULE_REPOSITORY } from './application/ports/quota-rule.repository.port';
import { QuotaService } from './application/quota.service';
import { EvaluateDayHttpController } from './commands/evaluate-day/evaluate-day.http.controller';
import { SetQuotaRuleHttpController } from './commands/set-quota-rule/set-quota-rule.http.controller';
import { QuotaEvaluationRepository } from './infrastructure/quota-evaluation.repository';
import { QuotaEvaluationDocument, QuotaEvaluationSchema } from './infrastructure/quota-evaluation.schema';
import { QuotaRuleRepository } from './infrastructure/quota-rule.repository';
import { QuotaRuleDocument, QuotaRuleSchema } from './infrastructure/quota-rule.schema';
import { DailyQuotaJob } from './jobs/daily-quota.job';
import { ComplianceReportHttpController } from './queries/compliance-report/compliance-report.http.controller';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: QuotaRuleDocument.name, schema: QuotaRuleSchema },
      { name: QuotaEvaluationDocument.name, schema: QuotaEvaluationSchema },
    ]),
    OrgDirectoryModule,
    MeetingsModule,
  ],
  controllers: [SetQuotaRuleHttpController, EvaluateDayHttpController, ComplianceReportHttpController],
  providers: [
    QuotaService,
    DailyQuotaJob,
    { provide: QUOTA_RULE_REPOSITORY, useClass: QuotaRuleRepository },
    { provide: QUOTA_EVALUATION_REPOSITORY, useClass: QuotaEvaluationRepository },
  ],
})
export class QuotasModule {}
