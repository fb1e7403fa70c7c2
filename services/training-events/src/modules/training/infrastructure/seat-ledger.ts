import type { Model } from 'mongoose';
import type { SessionDocument } from './training.schemas';

/**
 * Seats of a session, held in the session document: claiming is one conditional update (session
 * still open, member not yet seated, count below capacity) that pushes the member and increments
 * the count, so two registrations can never take the last seat twice, and a retry after a crash
 * finds the seat it already holds.
 */
export class SeatLedger {
  constructor(private readonly sessions: Model<SessionDocument>) {}

  async claim(sessionId: string, memberId: string, capacity: number | null): Promise<boolean> {
    const filter: Record<string, unknown> = {
      _id: sessionId,
      status: 'scheduled',
      registeredIds: { $ne: memberId },
    };
    if (capacity !== null) filter.registeredCount = { $lt: capacity };
    const claimed = await this.sessions
      .updateOne(filter, { $push: { registeredIds: memberId }, $inc: { registeredCount: 1 } })
      .exec();
    if (claimed.modifiedCount > 0) return true;
    return (await this.sessions.countDocuments({ _id: sessionId, registeredIds: memberId }).exec()) > 0;
  }

  /** Frees the member's seat; true if they held one. */
  async release(sessionId: string, memberId: string): Promise<boolean> {
    const released = await this.sessions
      .updateOne(
        { _id: sessionId, registeredIds: memberId },
        { $pullAll: { registeredIds: [memberId] }, $inc: { registeredCount: -1 } },
      )
      .exec();
    return released.modifiedCount > 0;
  }
}
