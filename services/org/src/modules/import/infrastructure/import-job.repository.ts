import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import type { ImportCounts, ImportJob, ImportJobPort } from '../application/ports/import-job.port';

/** Import jobs in the `imports` collection, one document per import id. */
@Injectable()
export class ImportJobRepository implements ImportJobPort {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  private get jobs() {
    return this.connection.collection<ImportJob>('imports');
  }

  find(importId: string): Promise<ImportJob | null> {
    return this.jobs.findOne({ _id: importId });
  }

  async start(job: ImportJob): Promise<void> {
    await this.jobs.insertOne(job);
  }

  async recordProgress(importId: string, doneOps: number, counts: ImportCounts): Promise<void> {
    await this.jobs.updateOne({ _id: importId }, { $set: { doneOps, ...counts, updatedAt: new Date() } });
  }

  async finish(importId: string): Promise<void> {
    await this.jobs.updateOne({ _id: importId }, { $set: { status: 'done', finishedAt: new Date() } });
  }
}
