import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { TrainingSessionScheduledV1 } from '@sangathan/contracts';
import { uuidv7 } from '@sangathan/kernel';
import {
  ORG_DIRECTORY,
  type AudienceMember,
  type OrgDirectoryPort,
} from '../../org-directory/application/ports/org-directory.port';
import type { ProgrammeState, SessionState } from '../domain/training-state';
import { InvitationService } from './invitation.service';
import { PROGRAMME_REPOSITORY, type ProgrammeRepositoryPort } from './ports/programme-repository.port';
import {
  SESSION_REPOSITORY,
  type NewSession,
  type SessionRepositoryPort,
} from './ports/session-repository.port';
import { iso, outboxEvent, type RequestContext } from './training.integration-events';

/**
 * Invitations per chunk: one `insertMany` of participants and one invitation batch carrying their
 * events. 500 keeps a batch document well inside a document's size and its acknowledgement quick.
 */
export const INVITATION_CHUNK = 500;
const LEASE_MS = 60_000;

/**
 * Turns a programme's plan into sessions and invitations. Every write is idempotent (sessions,
 * participants and invitation batches have deterministic ids; a duplicate insert is ignored, so
 * its events are written exactly once) and progress is recorded per chunk (`invitedCount`) and per
 * session (`invitations: 'done'`, `sessionsInvited`), so an interrupted run resumes where it
 * stopped: after a crash, the poll below picks up programmes still `pending` once their lease ends.
 */
@Injectable()
export class InvitationMaterialiser implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('InvitationMaterialiser');
  private timer?: NodeJS.Timeout;
  private running = new Map<string, Promise<void>>();
  private stopped = false;

  constructor(
    @Inject(PROGRAMME_REPOSITORY) private readonly programmes: ProgrammeRepositoryPort,
    @Inject(SESSION_REPOSITORY) private readonly sessions: SessionRepositoryPort,
    @Inject(ORG_DIRECTORY) private readonly directory: OrgDirectoryPort,
    private readonly invitations: InvitationService,
  ) {}

  onApplicationBootstrap(): void {
    const interval = Number(process.env.TRAINING_RESUME_INTERVAL_MS ?? 5000);
    this.timer = setInterval(
      () => void this.resumePending().catch((e: Error) => this.logger.warn(`resume failed: ${e.message}`)),
      interval,
    );
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await Promise.allSettled([...this.running.values()]);
  }

  /** Starts (or joins) materialising one programme in the background. */
  start(programmeId: string, ctx: RequestContext): Promise<void> {
    const existing = this.running.get(programmeId);
    if (existing) return existing;
    const run = this.materialise(programmeId, ctx)
      .catch((error: Error) =>
        this.logger.error(`materialising ${programmeId} stopped: ${error.message} (will resume)`),
      )
      .finally(() => this.running.delete(programmeId));
    this.running.set(programmeId, run);
    return run;
  }

  /** Picks up programmes left pending (crash, restart) whose lease has run out. */
  async resumePending(): Promise<void> {
    if (this.stopped) return;
    for (const id of await this.programmes.findResumable(new Date(), 10)) {
      void this.start(id, { actorId: null, correlationId: uuidv7() });
    }
  }

  /** Writes every session of the plan that does not exist yet, each with its `scheduled` event. */
  async ensureSessions(programme: ProgrammeState, ctx: RequestContext): Promise<void> {
    const existing = new Set(await this.sessions.idsOfProgramme(programme._id));
    const missing = programme.plannedSessions.filter((s) => !existing.has(s.sessionId));
    if (missing.length === 0) return;
    const areas = new Map(
      (await this.directory.findAreas(missing.map((s) => s.areaId))).map((a) => [a.areaId, a]),
    );
    const schedule = programme.schedule as {
      capacity: number | null;
      allowWalkIns: boolean;
      venue: string | null;
    };
    const written = missing.map((planned): NewSession => {
      const area = areas.get(planned.areaId);
      if (!area) throw new Error(`area ${planned.areaId} vanished from the directory`);
      const title = `${programme.title} — ${area.nameEn}`;
      const event = outboxEvent(
        TrainingSessionScheduledV1,
        {
          programmeId: programme._id,
          sessionId: planned.sessionId,
          areaId: area.areaId,
          areaLevel: area.level,
          ancestors: area.ancestors,
          title,
          startsAt: iso(planned.startsAt),
          endsAt: iso(planned.endsAt),
          target: planned.target,
          capacity: schedule.capacity,
          allowWalkIns: schedule.allowWalkIns,
          venue: schedule.venue,
        },
        planned.sessionId,
        { areaId: area.areaId, ancestors: area.ancestors },
        ctx,
      );
      const session: SessionState = {
        _id: planned.sessionId,
        programmeId: programme._id,
        areaId: area.areaId,
        areaLevel: area.level,
        ancestors: area.ancestors,
        title,
        startsAt: planned.startsAt,
        endsAt: planned.endsAt,
        venue: schedule.venue,
        target: planned.target,
        capacity: schedule.capacity,
        allowWalkIns: schedule.allowWalkIns,
        passScore: programme.passScore,
        status: 'scheduled',
        registeredCount: 0,
        invitations: 'pending',
        invitedCount: 0,
        turnout: null,
        heldAt: null,
        cancelledAt: null,
        cancelReason: null,
      };
      return { session, events: [event] };
    });
    await this.sessions.insertNew(written);
  }

  private async materialise(programmeId: string, ctx: RequestContext): Promise<void> {
    const claimed = await this.programmes.claimLease(
      programmeId,
      new Date(),
      new Date(Date.now() + LEASE_MS),
    );
    if (!claimed) return;
    await this.ensureSessions(claimed, ctx);
    const pending = await this.sessions.awaitingInvitations(programmeId);
    // One pass over the roster for every pending session (not one query per session).
    const areas = await this.directory.findAreas(pending.map((s) => s.areaId));
    const audience = await this.directory.audienceByArea(
      claimed.audienceTypes,
      await this.directory.coverageMap(areas),
    );
    for (const session of pending) {
      if (this.stopped) return;
      await this.inviteAudience(session, audience.get(session.areaId) ?? [], ctx);
    }
    const done = await this.programmes.markMaterialised(programmeId, new Date());
    if (done)
      this.logger.log(
        `programme ${programmeId}: ${done.sessionsInvited} sessions materialised, ${done.invitedCount} invitations`,
      );
  }

  /** One session's audience in chunks; each chunk renews the lease and shows as progress on the programme. */
  private async inviteAudience(
    session: SessionState,
    audience: readonly AudienceMember[],
    ctx: RequestContext,
  ): Promise<void> {
    for (let start = 0, chunk = 0; start < audience.length; start += INVITATION_CHUNK, chunk++) {
      if (this.stopped) return;
      await this.invitations.invite(
        session,
        audience.slice(start, start + INVITATION_CHUNK),
        `${session._id}#${chunk}`,
        ctx,
      );
      await this.programmes.renewLease(session.programmeId, new Date(Date.now() + LEASE_MS));
    }
    if (await this.sessions.markInvitationsDone(session._id))
      await this.programmes.addSessionInvited(session.programmeId);
  }
}
