// The source tarballs DocumentDB and its companions are built from: found, checked against their
// sha256 and unpacked. SANGATHAN_VENDOR_DIR may name another folder (e.g. upstream tarballs of the
// same tags); a SHA256SUMS file there (sha256sum format) then replaces the sums below.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { InfraError, vendorDir } from './config.mjs';
import { runStep } from './util.mjs';

export const SOURCES = {
  documentdb: {
    file: 'documentdb-b2e220c4.tar.gz',
    sha256: 'dd4bc6a0733842ca1f5331629e23b7e50517bd6e2eb8571f0b3b5b697fe47570',
  },
  libbson: {
    file: 'mongo-c-driver-1.28.0.tar.gz',
    sha256: '88e6d484fdf715eb4786b6776fd441a8a09da994ba446db0d22cad79fcb918e8',
    version: '1.28.0',
  },
  pgCron: {
    file: 'pg_cron-1.6.3.tar.gz',
    sha256: '3580f4034021e62e459f9f7ab1f625774bfc534a9256844545da85d6f99c2f5b',
  },
  pgvector: {
    file: 'pgvector-0.8.0.tar.gz',
    sha256: '93df40ccdaaaa267d1275c1e6e773004a0e5ff8e14227934a4ec7e8205d0f608',
  },
};

function expectedSums(dir) {
  const sums = Object.fromEntries(Object.values(SOURCES).map((s) => [s.file, s.sha256]));
  const file = path.join(dir, 'SHA256SUMS');
  if (process.env.SANGATHAN_VENDOR_DIR && fs.existsSync(file)) {
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      const match = /^([0-9a-f]{64})\s+\*?(.+)$/.exec(line.trim());
      if (match) sums[match[2]] = match[1];
    }
  }
  return sums;
}

/** Every tarball present with its expected sha256, or one line naming what is missing or wrong. */
export function checkSources() {
  const dir = vendorDir();
  const sums = expectedSums(dir);
  const found = {};
  for (const [key, source] of Object.entries(SOURCES)) {
    const file = path.join(dir, source.file);
    if (!fs.existsSync(file)) {
      throw new InfraError(
        `sangathan infra: ${source.file} is missing in ${dir}; set SANGATHAN_VENDOR_DIR to the folder holding the DocumentDB, libbson, pg_cron and pgvector source tarballs`,
        2,
      );
    }
    const actual = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    if (actual !== sums[source.file]) {
      throw new InfraError(
        `sangathan infra: ${file} has sha256 ${actual}, expected ${sums[source.file]}; refusing to build from it`,
        2,
      );
    }
    found[key] = { ...source, path: file, sha256: actual };
  }
  return found;
}

/** Unpacks a tarball into `into` and returns the one top-level folder it holds. */
export async function unpack(tarball, into) {
  fs.rmSync(into, { recursive: true, force: true });
  fs.mkdirSync(into, { recursive: true });
  await runStep(`unpacking ${path.basename(tarball)}`, 'tar', ['-xzf', tarball, '-C', into]);
  const entries = fs
    .readdirSync(into)
    .filter((name) => !name.startsWith('.') && name !== 'pax_global_header');
  if (entries.length !== 1)
    throw new InfraError(`sangathan infra: ${tarball} does not hold exactly one top-level folder`);
  return path.join(into, entries[0]);
}
