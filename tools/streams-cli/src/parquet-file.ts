import { ParquetSchema, ParquetWriter } from '@dsnp/parquetjs';
import type { EventRow } from './event-row';

/** Column types of an exported event in Parquet: the area path as a list, the payload as JSON. */
export const EVENT_PARQUET_SCHEMA = new ParquetSchema({
  topic: { type: 'UTF8' },
  partition: { type: 'INT32' },
  offset: { type: 'INT64' },
  timestamp: { type: 'TIMESTAMP_MILLIS' },
  key: { type: 'UTF8', optional: true },
  eventId: { type: 'UTF8' },
  type: { type: 'UTF8' },
  version: { type: 'INT32' },
  occurredAt: { type: 'UTF8' },
  producer: { type: 'UTF8' },
  areaId: { type: 'UTF8' },
  areaPath: { type: 'UTF8', repeated: true },
  payload: { type: 'JSON' },
});

/** Writes rows to a Parquet file (Parquet has no append: the export stages NDJSON and converts at the end). */
export async function writeParquet(
  path: string,
  rows: AsyncIterable<EventRow> | Iterable<EventRow>,
): Promise<number> {
  const writer = await ParquetWriter.openFile(EVENT_PARQUET_SCHEMA, path);
  let count = 0;
  try {
    for await (const row of rows) {
      await writer.appendRow({
        ...row,
        offset: BigInt(row.offset),
        timestamp: new Date(row.timestamp),
        key: row.key ?? undefined,
        areaPath: JSON.parse(row.areaPath) as unknown,
        payload: JSON.parse(row.payload) as unknown,
      });
      count++;
    }
  } finally {
    await writer.close();
  }
  return count;
}
