import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { TrainingParticipantInvitedV1, TrainingSessionScheduledV1, type AreaLevel } from '@sangathan/contracts';
import { uuidv7 } from '@sangathan/kernel';
import { OutboxRelay, outboxFieldsForInsert } from '@sangathan/messaging';
import type { Model } from 'mongoose';
import { DirectoryReader, type AudienceMember } from '../directory/infrastructure/directory.reader';
import { participantIdOf } from './domain/participant.entity';
import { ParticipantDocument, ProgrammeDocument, SessionDocument } from './infrastructure/training.schemas';
import { iso, outboxEvent, type RequestContext } from './training-integration-events';

const CHUNK = 1000;
const LEASE_MS = 60_000;

/**
 * Turns a programme's plan into sessions and invitations. Every write is idempotent (sessions and
 * participants have deterministic ids; a duplicate insert is ignored, so its event is written
 * exactly once) and progress is recorded per session, so an interrupted run resumes where it
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
    @InjectModel(ParticipantDocument.name) private readonly participants: Model<ParticipantDocument>,
    private readonly directory: DirectoryReader,
    private readonly outbox: OutboxRelay,
  ) {}

  onApplicationBootstrap(): void {
    const interval = Number(process.env.TRAINING_RESUME_INTERVAL_MS ?? 5000);
    this.timer = setInterval(() => void this.resumePending().catch((e: Error) => this.logger.warn(`resume failed: ${e.message}`)), interval);
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
      .catch((error: Error) => this.logger.error(`materialising ${programmeId} stopped: ${error.message} (will resume)`))
      .finally(() => this.running.delete(programmeId));
    this.running.set(programmeId, run);
    return run;
  }

  /** Picks up programmes left pending (crash, restart) whose lease has run out. */
  async resumePending(): Promise<void> {
    if (this.stopped) return;
    const due = await this.programmes
      .find({ materialisation: 'pending', $or: [{ leaseUntil: null }, { leaseUntil: { $lt: new Date() } }] }, { _id: 1, createdBy: 1 })
      .limit(10)
      .lean()
      .exec();
    for (const p of due) void this.start(String(p._id), { actorId: null, correlationId: uuidv7() });
  }

  /** Writes every session of the plan that does not exist yet, each with its `scheduled` event. */
  async ensureSessions(programme: ProgrammeDocument, ctx: RequestContext): Promise<void> {
    const existing = new Set(
      (await this.sessions.find({ programmeId: programme._id }, { _id: 1 }).lean().exec()).map((s) => String(s._id)),
    );
    const missing = programme.plannedSessions.filter((s) => !existing.has(s.sessionId));
    const areas = new Map((await this.directory.findAreas(missing.map((s) => s.areaId))).map((a) => [a.areaId, a]));
    for (let i = 0; i < missing.length; i += CHUNK) {
      const docs = [];
      for (const planned of missing.slice(i, i + CHUNK)) {
        const area = areas.get(planned.areaId);
        if (!area) throw new Error(`area ${planned.areaId} vanished from the directory`);
        const title = `${programme.title} — ${area.nameEn}`;
        const schedule = programme.schedule as { capacity: number | null; allowWalkIns: boolean; venue: string | null };
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
        docs.push({
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
        });
      }
      await insertIgnoringDuplicates(this.sessions, docs);
    }
    this.outbox.notify();
  }

  private async materialise(programmeId: string, ctx: RequestContext): Promise<void> {
    const claimed = await this.programmes
      .findOneAndUpdate(
        { _id: programmeId, materialisation: 'pending', $or: [{ leaseUntil: null }, { leaseUntil: { $lt: new Date() } }] },
        { $set: { leaseUntil: new Date(Date.now() + LEASE_MS) } },
        { new: true },
      )
      .lean<ProgrammeDocument>()
      .exec();
    if (!claimed) return;
    await this.ensureSessions(claimed, ctx);
    const pending = await this.sessions
      .find({ programmeId, invitations: 'pending' }, { _id: 1, areaId: 1, ancestors: 1, startsAt: 1, status: 1 })
      .sort({ _id: 1 })
      .lean<SessionDocument[]>()
      .exec();
    // One pass over the roster for every pending session (not one query per session).
    const areas = await this.directory.findAreas(pending.map((s) => s.areaId));
    const audience = await this.directory.audienceByArea(claimed.audienceTypes, await this.directory.coverageMap(areas));
    for (const session of pending) {
      if (this.stopped) return;
      await this.inviteFor(claimed, session, audience.get(session.areaId) ?? [], ctx);
      await this.programmes.updateOne({ _id: programmeId }, { $set: { leaseUntil: new Date(Date.now() + LEASE_MS) } }).exec();
    }
    const invited = await this.participants.countDocuments({ programmeId, walkIn: false }).exec();
    await this.programmes
      .updateOne({ _id: programmeId, materialisation: 'pending' }, { $set: { materialisation: 'done', invitedCount: invited, materialisedAt: new Date(), leaseUntil: null } })
      .exec();
    this.logger.log(`programme ${programmeId}: ${pending.length} sessions materialised, ${invited} invitations`);
  }

  private async inviteFor(programme: ProgrammeDocument, session: SessionDocument, audience: AudienceMember[], ctx: RequestContext): Promise<void> {
    const now = new Date();
    const place = { areaId: session.areaId, ancestors: session.ancestors };
    for (let i = 0; i < audience.length; i += CHUNK) {
      const docs = audience.slice(i, i + CHUNK).map((member) => {
        const participantId = participantIdOf(session._id, member.memberId);
        const event = outboxEvent(
          TrainingParticipantInvitedV1,
          {
            programmeId: programme._id,
            sessionId: session._id,
            areaId: session.areaId,
            participantId,
            memberId: member.memberId,
            positionId: member.positionId,
            memberAreaId: member.positionAreaId,
            startsAt: iso(session.startsAt),
            invitedAt: iso(now),
          },
          participantId,
          place,
          ctx,
          now,
        );
        return {
          _id: participantId,
          sessionId: session._id,
          programmeId: programme._id,
          areaId: session.areaId,
          ancestors: session.ancestors,
          memberId: member.memberId,
          name: member.name,
          nameAlt: member.nameAlt,
          positionId: member.positionId,
          memberAreaId: member.positionAreaId,
          status: 'invited',
          walkIn: false,
          invitedAt: now,
          registeredAt: null,
          waitlistedAt: null,
          declinedAt: null,
          attendedAt: null,
          checkInMethod: null,
          completedAt: null,
          score: null,
          rating: null,
          comment: null,
          feedbackAt: null,
          ...outboxFieldsForInsert([event]),
        };
      });
      await insertIgnoringDuplicates(this.participants, docs);
      this.outbox.notify();
    }
    await this.sessions.updateOne({ _id: session._id, invitations: 'pending' }, { $set: { invitations: 'done', invitedCount: audience.length } }).exec();
  }
}

/** insertMany that treats "already there" as success (a resumed run re-inserting its last chunk). */
export async function insertIgnoringDuplicates<T>(model: Model<T>, docs: unknown[]): Promise<void> {
  if (docs.length === 0) return;
  try {
    await model.collection.insertMany(docs as never[], { ordered: false });
  } catch (error) {
    const e = error as { code?: number; writeErrors?: { code?: number }[]; result?: { writeErrors?: { code?: number }[] } };
    const writeErrors = e.writeErrors ?? e.result?.writeErrors ?? [];
    const onlyDuplicates = e.code === 11000 || (writeErrors.length > 0 && writeErrors.every((w) => w.code === 11000));
    if (!onlyDuplicates) throw error;
  }
}
