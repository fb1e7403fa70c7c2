// The org service's import use case on a database of its own, outside Nest: the same service, repositories and
// outbox writer the HTTP import uses. No relay runs in a benchmark, so nothing is told about the written events.
import { OutboxRelay, OutboxWriter } from '@sangathan/messaging';
import mongoose from 'mongoose';
// The benchmarks measure the org service's own importer.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { AreaDocument, AreaSchema } from '../services/org/src/modules/areas/infrastructure/area.schema';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { ImportService } from '../services/org/src/modules/import/application/import.service';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { ImportBatchRepository } from '../services/org/src/modules/import/infrastructure/import-batch.repository';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { ImportJobRepository } from '../services/org/src/modules/import/infrastructure/import-job.repository';
// eslint-disable-next-line @nx/enforce-module-boundaries
import {
  MemberDocument,
  MemberSchema,
} from '../services/org/src/modules/members/infrastructure/member.schema';

/** A relay that is never started and keeps no hints (an import of a million documents would keep them all). */
class IdleRelay extends OutboxRelay {
  constructor() {
    super(() => undefined, undefined as never, { collections: [] });
  }
  override notify(): void {}
  override notifyWritten(): void {}
}

export type OrgImporter = { importer: ImportService; close(): Promise<void> };

/** The import service on database `dbName` (indexes are the caller's: the connection builds none). */
export async function orgImporter(uri: string, dbName: string): Promise<OrgImporter> {
  const connection = await mongoose.createConnection(uri, { dbName, autoIndex: false }).asPromise();
  const batches = new ImportBatchRepository(
    connection.model(AreaDocument.name, AreaSchema),
    connection.model(MemberDocument.name, MemberSchema),
    new OutboxWriter(new IdleRelay()),
  );
  return {
    importer: new ImportService(batches, new ImportJobRepository(connection)),
    close: () => connection.close(),
  };
}
