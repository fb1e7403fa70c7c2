import { Controller } from '@nestjs/common';
import {
  MomentumChangedV1,
  TrainingAttendanceRecordedV1,
  TrainingSessionHeldV1,
  type EventOf,
} from '@sangathan/contracts';
import { OnEvent } from '@sangathan/messaging';
import { AnalystPublisher } from '../application/analyst-publisher';
import { Pseudonymiser } from '../domain/pseudonymiser';
import { redactMomentumChanged } from '../domain/redact-momentum';
import { redactAttendanceRecorded, redactSessionHeld } from '../domain/redact-training-events';

/** training's turnout and check-ins, and analytics' momentum scores, for analysts. */
@Controller()
export class RedactTrainingEventController {
  constructor(
    private readonly publisher: AnalystPublisher,
    private readonly pseudonyms: Pseudonymiser,
  ) {}

  @OnEvent(TrainingSessionHeldV1)
  async onSessionHeld(event: EventOf<typeof TrainingSessionHeldV1>): Promise<void> {
    await this.publisher.publish(event, redactSessionHeld(event));
  }

  @OnEvent(TrainingAttendanceRecordedV1)
  async onAttendanceRecorded(event: EventOf<typeof TrainingAttendanceRecordedV1>): Promise<void> {
    await this.publisher.publish(event, redactAttendanceRecorded(event, this.pseudonyms));
  }

  @OnEvent(MomentumChangedV1)
  async onMomentumChanged(event: EventOf<typeof MomentumChangedV1>): Promise<void> {
    await this.publisher.publish(event, redactMomentumChanged(event));
  }
}
