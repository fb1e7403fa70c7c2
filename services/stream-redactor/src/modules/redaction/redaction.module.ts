import { Logger, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AnalystPublisher } from './application/analyst-publisher';
import { REDACTIONS_PORT } from './application/ports/redactions.port';
import { parsePseudonymKeys, Pseudonymiser } from './domain/pseudonymiser';
import { RedactMeetingsEventController } from './events/redact-meetings.event-controller';
import { RedactOrgEventController } from './events/redact-org.event-controller';
import { RedactTrainingEventController } from './events/redact-training.event-controller';
import { RedactionRepository } from './infrastructure/redaction.repository';
import { Redaction, RedactionSchema } from './infrastructure/redaction.schema';

/** A key anyone can read in this file: only for development and tests, refused in production. */
const DEVELOPMENT_KEYS = 'dev@2020-01-01:sangathan-development-only-pseudonym-key';

function pseudonymiserFromEnv(env: NodeJS.ProcessEnv = process.env): Pseudonymiser {
  const configured = env.ANALYST_PSEUDONYM_KEYS;
  if (!configured) {
    if (env.NODE_ENV === 'production') throw new Error('ANALYST_PSEUDONYM_KEYS must be set in production');
    new Logger('Pseudonymiser').warn('ANALYST_PSEUDONYM_KEYS is not set: using the development key');
  }
  return new Pseudonymiser(parsePseudonymKeys(configured ?? DEVELOPMENT_KEYS));
}

@Module({
  imports: [MongooseModule.forFeature([{ name: Redaction.name, schema: RedactionSchema }])],
  controllers: [RedactOrgEventController, RedactMeetingsEventController, RedactTrainingEventController],
  providers: [
    AnalystPublisher,
    { provide: REDACTIONS_PORT, useClass: RedactionRepository },
    { provide: Pseudonymiser, useFactory: () => pseudonymiserFromEnv() },
  ],
})
export class RedactionModule {}
