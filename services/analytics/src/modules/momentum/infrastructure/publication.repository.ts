import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { OutboxWriter, type OutboxEntry } from '@sangathan/messaging';
import type { Model } from 'mongoose';
import type { Publication, PublicationPort } from '../application/ports/publication.port';
import { PublicationDocument } from './publication.schema';

/** Bulks of this many areas: journal writes queued behind one wait a fraction of a second, not seconds. */
const BULK_SIZE = 100;

@Injectable()
export class PublicationRepository implements PublicationPort {
  constructor(
    @InjectModel(PublicationDocument.name) private readonly publications: Model<PublicationDocument>,
    private readonly outbox: OutboxWriter,
  ) {}

  async loadAll(): Promise<Publication[]> {
    return this.publications.find({}, { outbox: 0 }).lean<Publication[]>().exec();
  }

  async saveAll(writes: readonly { publication: Publication; events: OutboxEntry[] }[]): Promise<void> {
    for (let i = 0; i < writes.length; i += BULK_SIZE) {
      await this.outbox.bulk(
        this.publications,
        writes.slice(i, i + BULK_SIZE).map(({ publication: { _id, ...fields }, events }) => ({
          filter: { _id },
          update: { $set: fields },
          events,
          upsert: true,
        })),
      );
    }
  }
}
