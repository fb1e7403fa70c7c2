import { Inject, Injectable } from '@nestjs/common';
import { assertCan, type Permission, type Principal } from '@sangathan/auth';
import { ConflictError, NotFoundError } from '@sangathan/kernel';
import type { Meeting } from '../domain/meeting.entity';
import { KeyedMutex } from './keyed-mutex';
import { toIntegrationEvents, type RequestContext } from './meeting.integration-events';
import { PhotoReverifier } from './photo-reverifier';
import { MEETING_REPOSITORY, type MeetingRepositoryPort } from './ports/meeting.repository.port';

export type MutationContext = { principal: Principal; correlationId: string };

/**
 * Load → check scope → apply a domain operation → save with its events in one conditional
 * (version-guarded) single-document write. A concurrent change makes the save miss; the operation
 * is then re-run on the fresh state (a few times), so two QR check-ins at once both land and
 * nothing is half-written. Writes to one meeting are also queued in this process (KeyedMutex): the
 * guard alone would be correct, but 20 simultaneous check-ins would mostly miss and retry; queued,
 * each lands on its first attempt. The guard is what protects writes from other replicas.
 *
 * When the write moves the meeting's window (held, rescheduled), its photos are judged again
 * (PhotoReverifier): the held event carries the counts after that, and the changed verdicts are
 * saved right after the meeting (and again, durably, by PhotoRecheckEventController from the write's event).
 */
@Injectable()
export class MeetingWriter {
  private readonly mutex = new KeyedMutex();

  constructor(
    @Inject(MEETING_REPOSITORY) private readonly meetings: MeetingRepositoryPort,
    private readonly reverifier: PhotoReverifier,
  ) {}

  async mutate<R>(
    id: string,
    ctx: MutationContext,
    operation: (meeting: Meeting) => Promise<R> | R,
    options: { permission?: Permission | null } = {},
  ): Promise<{ meeting: Meeting; result: R }> {
    return this.mutex.run(id, () => this.mutateNow(id, ctx, operation, options));
  }

  private async mutateNow<R>(
    id: string,
    ctx: MutationContext,
    operation: (meeting: Meeting) => Promise<R> | R,
    options: { permission?: Permission | null },
  ): Promise<{ meeting: Meeting; result: R }> {
    const permission = options.permission === undefined ? 'meetings:write' : options.permission;
    for (let attempt = 0; attempt < 8; attempt++) {
      const meeting = await this.meetings.findById(id);
      if (!meeting) throw new NotFoundError('meeting', id);
      if (permission)
        assertCan(ctx.principal, permission, { areaId: meeting.areaId, ancestors: meeting.ancestors });
      const result = await operation(meeting);
      const domainEvents = meeting.pullEvents();
      const rejudged = domainEvents.some((e) => e.kind === 'held' || e.kind === 'rescheduled')
        ? await this.reverifier.plan(meeting)
        : null;
      const request: RequestContext = { actorId: ctx.principal.sub, correlationId: ctx.correlationId };
      const entries = toIntegrationEvents(meeting, domainEvents, request, rejudged?.counts);
      if (await this.meetings.save(meeting, entries)) {
        // A crash here is completed by PhotoRecheckEventController when this write's own event comes back.
        if (rejudged?.changed.length) await this.reverifier.apply(rejudged, request);
        // An upload was between attaching a photo and recording it: if it recorded the photo before
        // seeing this write, judge it now; if after, the upload sees this write and judges it itself.
        if (rejudged?.pending) await this.reverifier.recheck(meeting, request);
        return { meeting, result };
      }
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * (attempt + 1)));
    }
    throw new ConflictError(
      'CONCURRENT_MODIFICATION',
      'the meeting kept changing under this request; retry',
      [{ message: 'retry' }],
    );
  }
}
