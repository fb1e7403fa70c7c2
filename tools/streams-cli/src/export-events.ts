import {
  createReadStream,
  existsSync,
  openSync,
  closeSync,
  ftruncateSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { createInterface } from 'node:readline';
import { Presets, SingleBar } from 'cli-progress';
import { stringify } from 'csv-stringify/sync';
import type { Broker } from './broker';
import { matches, type EventFilter } from './event-filter';
import { envelopeOf, ROW_COLUMNS, toRow, type EventRow } from './event-row';
import {
  readCheckpoint,
  removeCheckpoint,
  sameRequest,
  writeCheckpoint,
  type ExportCheckpoint,
} from './export-checkpoint';
import { writeParquet } from './parquet-file';
import { planRead, plannedCount, readPlan, type ReadMessage } from './topic-reader';

export type ExportFormat = 'csv' | 'ndjson' | 'parquet';

export type ExportRequest = {
  topic: string;
  fromMs: number;
  toMs: number;
  format: ExportFormat;
  out: string;
  filter: EventFilter;
  /** Default `<out>.checkpoint.json`. */
  checkpoint?: string;
  progress?: boolean;
  /** Stops (as an interruption would) once this many messages were read; for tests of resuming. */
  stopAfter?: number;
};

export type ExportResult = { rows: number; read: number; resumed: boolean; complete: boolean };

/**
 * Exports one topic's events of a time range to a file, resumably: rows are appended to `<out>.partial` (NDJSON
 * rows for Parquet, converted when the range is read), and after every batch the checkpoint records the next
 * offset of each partition and the partial file's length. Run again with the same arguments to resume: the partial
 * file is cut back to the length the checkpoint accounts for, and reading continues from its offsets.
 */
export async function exportEvents(broker: Broker, request: ExportRequest): Promise<ExportResult> {
  const checkpointPath = request.checkpoint ?? `${request.out}.checkpoint.json`;
  const partialPath = `${request.out}.partial`;
  const asked: ExportCheckpoint['request'] = {
    topic: request.topic,
    fromMs: request.fromMs,
    toMs: request.toMs,
    format: request.format,
    types: [...(request.filter.types ?? [])],
    area: request.filter.area ?? null,
  };
  const previous = readCheckpoint(checkpointPath);
  if (previous && !sameRequest(previous.request, asked))
    throw new Error(
      `${checkpointPath} belongs to another export (${JSON.stringify(previous.request)}); remove it or use --checkpoint`,
    );
  const resumed = previous !== undefined && existsSync(partialPath);
  const checkpoint: ExportCheckpoint = resumed
    ? previous
    : {
        version: 1,
        request: asked,
        plan: await planRead(broker, [request.topic], { fromMs: request.fromMs, toMs: request.toMs }),
        bytes: 0,
        rows: 0,
        read: 0,
      };

  const fd = openSync(partialPath, resumed ? 'r+' : 'w');
  let position = checkpoint.bytes;
  ftruncateSync(fd, position);
  const write = (text: string) => {
    position += writeSync(fd, text, position, 'utf8');
  };
  if (!resumed && request.format === 'csv') write(stringify([ROW_COLUMNS as string[]]));
  checkpoint.bytes = position;
  writeCheckpoint(checkpointPath, checkpoint);

  const bar = new SingleBar(
    {
      format: 'exporting {bar} {percentage}% | {value}/{total} messages | {rows} rows | ETA {eta_formatted}',
      stream: process.stderr,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  const total = plannedCount(checkpoint.plan) + checkpoint.read;
  if (request.progress) bar.start(total, checkpoint.read, { rows: checkpoint.rows });

  const stop = new AbortController();
  try {
    await readPlan(
      broker,
      checkpoint.plan,
      async (messages: ReadMessage[]) => {
        for (const message of messages) {
          const envelope = envelopeOf(message);
          if (envelope && matches(envelope, message.timestamp, request.filter)) {
            write(formatRow(request.format, message, toRow(message, envelope)));
            checkpoint.rows++;
          }
        }
        const last = messages[messages.length - 1];
        checkpoint.plan[last.topic][last.partition].start = String(BigInt(last.offset) + 1n);
        checkpoint.read += messages.length;
        checkpoint.bytes = position;
        writeCheckpoint(checkpointPath, checkpoint);
        if (request.progress) bar.update(checkpoint.read, { rows: checkpoint.rows });
        if (request.stopAfter !== undefined && checkpoint.read >= request.stopAfter) stop.abort();
      },
      stop.signal,
    );
  } finally {
    closeSync(fd);
    if (request.progress) bar.stop();
  }
  if (stop.signal.aborted) return { rows: checkpoint.rows, read: checkpoint.read, resumed, complete: false };

  if (request.format === 'parquet') {
    await writeParquet(request.out, stagedRows(partialPath));
    rmSync(partialPath);
  } else {
    renameSync(partialPath, request.out);
  }
  removeCheckpoint(checkpointPath);
  return { rows: checkpoint.rows, read: checkpoint.read, resumed, complete: true };
}

function formatRow(format: ExportFormat, message: ReadMessage, row: EventRow): string {
  if (format === 'csv') return stringify([ROW_COLUMNS.map((column) => row[column] ?? '')]);
  // NDJSON is the event as published; Parquet stages rows as NDJSON until the range is read.
  return `${format === 'ndjson' ? message.value : JSON.stringify(row)}\n`;
}

async function* stagedRows(path: string): AsyncGenerator<EventRow> {
  if (statSync(path).size === 0) return;
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) if (line) yield JSON.parse(line) as EventRow;
}
