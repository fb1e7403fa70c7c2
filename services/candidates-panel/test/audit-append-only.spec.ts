import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = join(__dirname, '..', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

const WRITES_OTHER_THAN_INSERT =
  /\b(update|updateOne|updateMany|findOneAndUpdate|findByIdAndUpdate|replaceOne|findOneAndReplace|deleteOne|deleteMany|findOneAndDelete|findByIdAndDelete|remove|bulkWrite|drop)\s*\(/;

describe('the audit log is append-only', () => {
  const files = sources(SRC);
  const touching = files.filter((file) =>
    /AuditEntryDocument|panel_audit|AUDIT_LOG|AuditLogPort/.test(readFileSync(file, 'utf8')),
  );

  it('finds the files that touch the audit log (so the scan below means something)', () => {
    expect(touching.map((f) => relative(SRC, f)).sort()).toEqual(
      expect.arrayContaining([
        'modules/panels/infrastructure/audit-log.repository.ts',
        'modules/panels/infrastructure/audit-entry.schema.ts',
        'modules/panels/application/ports/audit-log.port.ts',
      ]),
    );
  });

  it('has no update, replace or delete on the audit model or collection anywhere in the service', () => {
    const offenders = touching.filter((file) => WRITES_OTHER_THAN_INSERT.test(readFileSync(file, 'utf8')));
    expect(offenders.map((f) => relative(SRC, f))).toEqual([]);
    // Nothing else reaches the collection by name.
    const byName = files.filter(
      (file) => !touching.includes(file) && readFileSync(file, 'utf8').includes("collection('panel_audit')"),
    );
    expect(byName).toEqual([]);
  });

  it('exposes only append and list on the port', () => {
    const port = readFileSync(join(SRC, 'modules/panels/application/ports/audit-log.port.ts'), 'utf8');
    const body = port.slice(port.indexOf('export interface AuditLogPort'));
    const methods = [...body.slice(0, body.indexOf('}')).matchAll(/^\s+(\w+)\(/gm)].map((m) => m[1]);
    expect(methods).toEqual(['append', 'list']);
  });

  it('has no HTTP route that changes or removes entries', () => {
    const dir = join(SRC, 'modules/panels/queries/audit-log');
    for (const file of readdirSync(dir))
      expect(readFileSync(join(dir, file), 'utf8')).not.toMatch(/@(Put|Patch|Delete|Post)\(/);
  });
});
