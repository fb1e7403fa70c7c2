import type { JournalPiece } from './ports/momentum-state.port';

type Waiter = { pieces: readonly JournalPiece[]; resolve: () => void; reject: (error: unknown) => void };

/**
 * Group commit for the journal: batches of other partitions that arrive while a write is in flight go
 * together into the next write, so the single database connection does one round trip per group instead
 * of one per partition batch. Each caller's promise settles with the write that carried its pieces.
 */
export class JournalGroupWriter {
  private waiting: Waiter[] = [];
  private writing = false;

  constructor(private readonly write: (pieces: readonly JournalPiece[]) => Promise<void>) {}

  append(pieces: readonly JournalPiece[]): Promise<void> {
    if (pieces.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ pieces, resolve, reject });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.writing) return;
    this.writing = true;
    try {
      while (this.waiting.length > 0) {
        const group = this.waiting;
        this.waiting = [];
        try {
          await this.write(group.flatMap((w) => w.pieces));
          for (const w of group) w.resolve();
        } catch (error) {
          for (const w of group) w.reject(error);
        }
      }
    } finally {
      this.writing = false;
    }
  }
}
