import { Inject, Injectable } from '@nestjs/common';
import { assertCan, type Permission, type Principal } from '@sangathan/auth';
import { ConflictError, NotFoundError } from '@sangathan/kernel';
import { OutboxRelay } from '@sangathan/messaging';
import type { Meeting } from './domain/meeting.entity';
import { KeyedMutex } from './infrastructure/keyed-mutex';
import { MEETING_REPOSITORY, type MeetingRepository } from './infrastructure/meeting.repository.port';
import { toIntegrationEvents, type PhotoCounts, type RequestContext } from './meeting-integration-events';

export type MutationContext = { principal: Principal; correlationId: string };

/**
 * Load → check scope → apply a domain operation → save with its events in one conditional
 * single-document write. A concurrent change makes the save miss; the operation is then re-run on
 * the fresh state (a few times), so two QR check-ins at once both land and nothing is half-written.
 */
@Injectable()
export class MeetingWriter {
  private readonly mutex = new KeyedMutex();

  constructor(
    @Inject(MEETING_REPOSITORY) private readonly meetings: MeetingRepository,
    private readonly outbox: OutboxRelay,
  ) {}

  async mutate<R>(
    id: string,
    ctx: MutationContext,
    operation: (meeting: Meeting) => Promise<R> | R,
    options: { permission?: Permission | null; photos?: (meeting: Meeting) => Promise<PhotoCounts> } = {},
  ): Promise<{ meeting: Meeting; result: R }> {
    return this.mutex.run(id, () => this.mutateNow(id, ctx, operation, options));
  }

  private async mutateNow<R>(
    id: string,
    ctx: MutationContext,
    operation: (meeting: Meeting) => Promise<R> | R,
    options: { permission?: Permission | null; photos?: (meeting: Meeting) => Promise<PhotoCounts> },
  ): Promise<{ meeting: Meeting; result: R }> {
    const permission = options.permission === undefined ? 'meetings:write' : options.permission;
    for (let attempt = 0; attempt < 8; attempt++) {
      const meeting = await this.meetings.findById(id);
      if (!meeting) throw new NotFoundError('meeting', id);
      if (permission) assertCan(ctx.principal, permission, { areaId: meeting.areaId, ancestors: meeting.ancestors });
      const result = await operation(meeting);
      const domainEvents = meeting.pullEvents();
      const photos = options.photos && domainEvents.some((e) => e.kind === 'held') ? await options.photos(meeting) : undefined;
      const request: RequestContext = { actorId: ctx.principal.sub, correlationId: ctx.correlationId };
      const entries = toIntegrationEvents(meeting, domainEvents, request, photos);
      if (await this.meetings.save(meeting, entries)) {
        if (entries.length) this.outbox.notify();
        return { meeting, result };
      }
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * (attempt + 1)));
    }
    throw new ConflictError('CONCURRENT_MODIFICATION', 'the meeting kept changing under this request; retry', [{ message: 'retry' }]);
  }
}
