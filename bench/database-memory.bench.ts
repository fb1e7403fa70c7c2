// Idle memory of the local database of one profile: FerretDB plus the PostgreSQL server and its backends.
//   npm run bench -- database-memory [--idle-seconds 10]
// Proportional set size (PSS) counts shared pages once across the processes, so the sum is what the database
// costs the machine; RSS double-counts PostgreSQL's shared buffers in every backend.
import { readFileSync } from 'node:fs';
import { argNumber, report, runBench } from './bench-utils';
import { databasePids } from './database-processes';

function kib(pid: number, field: 'Pss' | 'Rss'): number {
  try {
    return Number(
      new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(
        readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'),
      )?.[1] ?? 0,
    );
  } catch {
    return 0;
  }
}

async function main(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, argNumber('idle-seconds', 10) * 1000));
  const pids = databasePids();
  if (pids.length === 0) throw new Error('no local FerretDB serves MONGODB_URI (external infrastructure?)');
  const mib = (field: 'Pss' | 'Rss') =>
    (pids.reduce((sum, pid) => sum + kib(pid, field), 0) / 1024).toFixed(1);
  report('database idle memory (FerretDB + PostgreSQL, one profile)', {
    processes: pids.length,
    'PSS, MiB (shared pages counted once)': mib('Pss'),
    'RSS, MiB (shared pages counted per process)': mib('Rss'),
  });
}

runBench(main);
