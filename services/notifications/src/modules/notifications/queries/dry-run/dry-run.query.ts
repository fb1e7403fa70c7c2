import { Inject, Injectable } from '@nestjs/common';
import { assertCan, type Principal } from '@sangathan/auth';
import { definitionKey, type EventEnvelope } from '@sangathan/contracts';
import { uuidv7, ValidationError } from '@sangathan/kernel';
import { ActiveRules } from '../../application/active-rules';
import { CONSUMED_EVENTS } from '../../application/consumed-events';
import { NotificationPlanner } from '../../application/notification-planner';
import { CLOCK_PORT, type ClockPort } from '../../application/ports/clock.port';
import type { DryRunDto, DryRunRequestDto } from './dry-run.dto';

/** Which recipients and which texts an event would produce now, without queueing anything. */
@Injectable()
export class DryRunQuery {
  constructor(
    private readonly rules: ActiveRules,
    private readonly planner: NotificationPlanner,
    @Inject(CLOCK_PORT) private readonly clock: ClockPort,
  ) {}

  async run(request: DryRunRequestDto, principal: Principal): Promise<DryRunDto> {
    const definition = CONSUMED_EVENTS.find(
      (d) => definitionKey(d.type, d.version) === definitionKey(request.type, request.version),
    );
    if (!definition)
      throw new ValidationError(
        'UNKNOWN_EVENT_TYPE',
        `no rule can name ${request.type} v${request.version}`,
        [{ field: 'type', message: `one of ${CONSUMED_EVENTS.map((d) => d.type).join(', ')}` }],
      );
    const parsed = definition.payload.safeParse(request.payload);
    if (!parsed.success)
      throw new ValidationError(
        'INVALID_PAYLOAD',
        `the payload does not match ${request.type} v${request.version}`,
        parsed.error.issues.map((i) => ({ field: ['payload', ...i.path].join('.'), message: i.message })),
      );
    const payload = parsed.data as Record<string, unknown>;
    const areaId = typeof payload.areaId === 'string' ? payload.areaId : principal.areaId;
    const ancestors = Array.isArray(payload.ancestors) ? (payload.ancestors as string[]) : [];
    assertCan(principal, 'notifications:write', { areaId, ancestors });
    const event: EventEnvelope = {
      eventId: uuidv7(),
      type: request.type,
      version: request.version,
      occurredAt: this.clock.now().toISOString(),
      producer: 'dry-run',
      areaId,
      areaPath: ancestors,
      actorId: principal.sub,
      correlationId: 'dry-run',
      causationId: null,
      payload,
    };
    const book = this.rules.current;
    const plan = await this.planner.plan(book, event, this.clock.now());
    return {
      rules: book.rulesFor(request.type, request.version).map((r) => r.id),
      messages: plan.messages.map((m) => ({
        ruleId: m.ruleId,
        memberId: m.memberId,
        language: m.language,
        channels: m.channels,
        dueAt: m.dueAt.toISOString(),
        subject: m.content.subject,
        body: m.content.body,
        digestAfter: m.digest?.after ?? null,
      })),
      skipped: plan.skipped,
    };
  }
}
