import { Logger } from '@nestjs/common';
import type { Admin, Consumer } from 'kafkajs';

/** Holding back is an optimisation, never a stall: after a rebalance the lead partitions may be another member's. */
const MAX_HOLD_MS = 5 * 60_000;

/**
 * `leadTopics` of a KafkaEventConsumer (broker topic names here): on the first group join, before anything is
 * fetched, pauses every other topic; resumes them once every lead partition this member reads has been handled
 * up to the end it had at that moment (or after MAX_HOLD_MS).
 */
export class LeadTopicsGate {
  private readonly logger = new Logger('KafkaEventConsumer');
  /** Lead partitions (`<topic>:<partition>`) with a backlog at the first join, and the last offset of it. */
  private ends?: Map<string, number>;
  /** Last offset handled per lead partition while the others are held back. */
  private readonly progress = new Map<string, number>();
  private heldBack: string[] = [];
  private joined = false;
  private consumer?: Consumer;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly lead: readonly string[],
    private readonly others: readonly string[],
    private readonly admin: () => Promise<Admin>,
    private readonly groupId: string,
  ) {}

  /** From the GROUP_JOIN listener (kafkajs emits it before the first fetch). Acts on the first join only. */
  onJoin(consumer: Consumer, assignment: Record<string, number[]>): void {
    this.consumer = consumer;
    if (this.joined || this.lead.length === 0 || this.others.length === 0) return;
    this.joined = true;
    try {
      consumer.pause(this.others.map((topic) => ({ topic })));
    } catch (error) {
      this.logger.warn(`cannot hold back ${this.others.join(', ')}: ${(error as Error).message}`);
      return; // everything is read at once, as without lead topics
    }
    this.heldBack = [...this.others];
    this.timer = setTimeout(
      () => this.resume(`lead topics not read within ${MAX_HOLD_MS / 60_000} minutes`),
      MAX_HOLD_MS,
    );
    this.timer.unref();
    void this.backlogEnds(assignment).then(
      (ends) => {
        this.ends = ends;
        this.logger.log(
          `reading ${this.lead.join(', ')} to the end (${ends.size} partitions with a backlog) before ${this.others.length} other topics`,
        );
        this.resumeIfRead();
      },
      (error: Error) => this.resume(`cannot read the ends of the lead topics (${error.message})`),
    );
  }

  /** After each handled chunk. */
  onHandled(topic: string, partition: number, offset: string): void {
    if (this.heldBack.length === 0 || !this.lead.includes(topic)) return;
    const key = `${topic}:${partition}`;
    this.progress.set(key, Math.max(this.progress.get(key) ?? -1, Number(offset)));
    this.resumeIfRead();
  }

  /** Last offset to read per assigned lead partition that has anything left to read. */
  private async backlogEnds(assignment: Record<string, number[]>): Promise<Map<string, number>> {
    const ends = new Map<string, number>();
    const admin = await this.admin();
    const committed = await admin.fetchOffsets({ groupId: this.groupId, topics: [...this.lead] });
    for (const topic of this.lead) {
      const next = new Map(
        committed.find((c) => c.topic === topic)?.partitions.map((p) => [p.partition, Number(p.offset)]) ??
          [],
      );
      for (const { partition, high, low } of await admin.fetchTopicOffsets(topic)) {
        if (!assignment[topic]?.includes(partition)) continue; // another member reads it
        const committedNext = next.get(partition) ?? -1;
        const from = committedNext >= 0 ? committedNext : Number(low);
        if (from < Number(high)) ends.set(`${topic}:${partition}`, Number(high) - 1);
      }
    }
    return ends;
  }

  private resumeIfRead(): void {
    if (!this.ends || this.heldBack.length === 0) return;
    for (const [key, end] of this.ends) if ((this.progress.get(key) ?? -1) < end) return;
    this.resume('lead topics read');
  }

  private resume(why: string): void {
    clearTimeout(this.timer);
    if (this.heldBack.length === 0) return;
    const topics = this.heldBack;
    this.heldBack = [];
    this.logger.log(`${why}; fetching ${topics.length} other topics`);
    try {
      this.consumer?.resume(topics.map((topic) => ({ topic })));
    } catch (error) {
      // A consumer stopped meanwhile has nothing to resume; a restarted one starts unpaused.
      this.logger.warn(`cannot resume ${topics.join(', ')}: ${(error as Error).message}`);
    }
  }
}
