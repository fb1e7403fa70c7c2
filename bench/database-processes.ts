import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Pids of the local database serving MONGODB_URI: its FerretDB process and the PostgreSQL processes (server and
 * backends) working in the same profile's data folder, to attribute CPU between the service and the database.
 */
export function databasePids(): number[] {
  const port = /:(\d+)\/?(?:\?|$)/.exec(process.env.MONGODB_URI ?? '')?.[1];
  const processes = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map((d) => {
      try {
        return {
          pid: Number(d),
          comm: readFileSync(`/proc/${d}/comm`, 'utf8').trim(),
          cmdline: readFileSync(`/proc/${d}/cmdline`, 'utf8'),
          cwd: readlinkSync(`/proc/${d}/cwd`),
        };
      } catch {
        return null;
      }
    })
    .filter((p) => p !== null);
  const ferret = processes.find((p) => p.comm === 'ferretdb' && port && p.cmdline.includes(`:${port}`));
  if (!ferret) return [];
  const dataDir = join(dirname(ferret.cwd), 'postgres', 'data');
  return [
    ferret.pid,
    ...processes.filter((p) => p.comm === 'postgres' && p.cwd === dataDir).map((p) => p.pid),
  ];
}

/** CPU seconds the local database has used so far: live processes plus the server's exited backends. */
export function databaseCpuSeconds(): number {
  let total = 0;
  for (const pid of databasePids()) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      total += (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / 100;
    } catch {
      // exited meanwhile: its time is in the server's children time
    }
  }
  return total;
}
