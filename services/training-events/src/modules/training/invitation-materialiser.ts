import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { TrainingSessionScheduledV1, type AreaLevel } from '@sangathan/contracts';
import { uuidv7 } from '@sangathan/kernel';
import { OutboxRelay, outboxFieldsForInsert } from '@sangathan/messaging';
import type { Model } from 'mongoose';
import { DirectoryReader, type AudienceMember } from '../directory/infrastructure/directory.reader';
import { InvitationWriter } from './infrastructure/invitation-writer';
import { ProgrammeDocument, SessionDocument } from './infrastructure/training.schemas';
import { iso, outboxEvent, type RequestContext } from './training-integration-events';
import { insertIgnoringDuplicates } from '@sangathan/persistence';

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
    @InjectModel(ProgrammeDocument.name) private readonly programmes: Model<ProgrammeDocument>,
    @InjectModel(SessionDocument.name) private readonly sessions: Model<SessionDocument>,
    private readonly directory: DirectoryReader,
    private readonly invitations: InvitationWriter,
    private readonly outbox: OutboxRelay,
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
    const pending = await this.programmes
      .find(
        { materialisation: 'pending', $or: [{ leaseUntil: null }, { leaseUntil: { $lt: new Date() } }] },
        { _id: 1 },
      )
      .limit(10)
      .lean<Pick<ProgrammeDocument, '_id'>[]>()
      .exec();
    for (const p of pending) {
      void this.start(String(p._id), { actorId: null, correlationId: uuidv7() });
    }
  }

  /** Writes every session of the plan that does not exist yet, each with its `scheduled` event. */
  async ensureSessions(programme: ProgrammeDocument, ctx: RequestContext): Promise<void> {
    const existing = new Set(
      (await this.sessions.find({ programmeId: programme._id }, { _id: 1 }).lean().exec()).map((s) =>
        String(s._id),
      ),
    );
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
    const docs = missing.map((planned) => {
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
      return {
        _id: planned.sessionId,
        programmeId: programme._id,
        areaId: area.areaId,
        areaLevel: area.level as AreaLevel,
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
        registeredIds: [],
        registeredCount: 0,
        invitations: 'pending',
        invitedCount: 0,
        turnout: null,
        heldAt: null,
        cancelledAt: null,
        cancelReason: null,
        ...outboxFieldsForInsert([event]),
      };
    });
    const { duplicates } = await insertIgnoringDuplicates(this.sessions.collection, docs);
    const written = new Set(duplicates.map((i) => docs[i]._id));
    this.outbox.notify(
      this.sessions.collection.collectionName,
      docs.map((d) => d._id).filter((id) => !written.has(id)),
    );
  }

  private async materialise(programmeId: string, ctx: RequestContext): Promise<void> {
    const claimed = await this.programmes
      .findOneAndUpdate(
        {
          _id: programmeId,
          materialisation: 'pending',
          $or: [{ leaseUntil: null }, { leaseUntil: { $lt: new Date() } }],
        },
        { $set: { leaseUntil: new Date(Date.now() + LEASE_MS) } },
        { new: true },
      )
      .lean<ProgrammeDocument>()
      .exec();
    if (!claimed) return;
    await this.ensureSessions(claimed, ctx);
    const pending = (
      await this.sessions
        .find(
          { programmeId, invitations: 'pending' },
          { _id: 1, programmeId: 1, areaId: 1, ancestors: 1, startsAt: 1 },
        )
        .lean<SessionDocument[]>()
        .exec()
    ).sort((a, b) => (a._id < b._id ? -1 : 1));
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
    const done = await this.programmes
      .findOneAndUpdate(
        { _id: programmeId, materialisation: 'pending' },
        { $set: { materialisation: 'done', materialisedAt: new Date(), leaseUntil: null } },
        { new: true },
      )
      .lean<ProgrammeDocument>()
      .exec();
    if (done)
      this.logger.log(
        `programme ${programmeId}: ${done.sessionsInvited} sessions materialised, ${done.invitedCount} invitations`,
      );
  }

  /** One session's audience in chunks; each chunk renews the lease and shows as progress on the programme. */
  private async inviteAudience(
    session: SessionDocument,
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
      await this.programmes
        .updateOne({ _id: session.programmeId }, { $set: { leaseUntil: new Date(Date.now() + LEASE_MS) } })
        .exec();
    }
    const marked = await this.sessions
      .updateOne({ _id: session._id, invitations: 'pending' }, { $set: { invitations: 'done' } })
      .exec();
    if (marked.modifiedCount > 0)
      await this.programmes.updateOne({ _id: session.programmeId }, { $inc: { sessionsInvited: 1 } }).exec();
  }
}
