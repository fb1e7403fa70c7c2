import { hasPermission, isWithinScope, type Principal } from '@sangathan/auth';
import { uuidv7 } from '@sangathan/kernel';
import type { RequestContext } from '../../../common/request-context';
import { memberIntegrationEvents } from '../../members/application/member.integration-events';
import { Member } from '../../members/domain/member.entity';
import { PhoneNumber } from '../../members/domain/phone-number.value-object';
import { memberImportRowSchema, zodRowErrors, type RowError } from '../domain/import-rows';
import { importDigest, rowErrors, type ImportOp, type ImportPlan } from './import-plan';
import type { Versioned } from './ports/import-batch.port';

/** What member rows refer to: the home areas' paths, and the members already stored under the rows' phones. */
export type MemberImportLookups = {
  areaPaths(ids: string[]): Promise<Map<string, string[]>>;
  membersByPhone(phones: string[]): Promise<Map<string, Versioned<Member>>>;
};

/**
 * Validates every member row (schema, phone, duplicates in the file, home area stored and inside the caller's
 * scope) and plans an insert, an update (upsert by phone) or nothing for each valid row.
 */
export async function planMemberImport(
  rows: unknown[],
  principal: Principal,
  ctx: RequestContext,
  lookUp: MemberImportLookups,
  now: Date = new Date(),
): Promise<ImportPlan<Member>> {
  const errors: RowError[] = [];
  type Parsed = {
    row: number;
    input: ReturnType<typeof memberImportRowSchema.parse>;
    phone: string;
    areaId: string;
  };
  const parsed: Parsed[] = [];
  const seen = new Map<string, number>();
  rows.forEach((raw, i) => {
    const row = i + 1;
    const result = memberImportRowSchema.safeParse(raw);
    if (!result.success) return errors.push(...zodRowErrors(row, result.error.issues));
    let phone: string;
    try {
      phone = PhoneNumber.of(result.data.phone).value;
    } catch (error) {
      return errors.push(...rowErrors(row, error));
    }
    const first = seen.get(phone);
    if (first) return errors.push({ row, field: 'phone', message: `same phone as row ${first}` });
    seen.set(phone, row);
    parsed.push({ row, input: result.data, phone, areaId: result.data.areaId.trim().toUpperCase() });
  });
  const homes = await lookUp.areaPaths([...new Set(parsed.map((p) => p.areaId))]);
  const existing = await lookUp.membersByPhone(parsed.map((p) => p.phone));

  const ops: ImportOp<Member>[] = [];
  for (const { row, input, phone, areaId } of parsed) {
    const ancestors = homes.get(areaId);
    if (!ancestors) {
      errors.push({ row, field: 'areaId', message: `unknown area ${areaId}` });
      continue;
    }
    if (!hasPermission(principal, 'org:write') || !isWithinScope(principal, { areaId, ancestors })) {
      errors.push({ row, field: 'areaId', message: `outside your area ${principal.areaId}` });
      continue;
    }
    const stored = existing.get(phone);
    try {
      if (!stored) {
        const { member, event } = Member.register({
          id: uuidv7(),
          phone,
          name: input.name,
          nameAlt: input.nameAlt ?? null,
          kind: input.kind ?? 'worker',
          home: { id: areaId, ancestors },
          now,
          by: principal.sub,
        });
        ops.push({
          kind: 'insert',
          id: member.id,
          build: () => ({ entity: member, events: memberIntegrationEvents([event], ctx) }),
        });
        continue;
      }
      const member = stored.value;
      const changes: Parameters<Member['update']>[0] = {
        name: input.name,
        nameAlt: input.nameAlt ?? null,
        home: { id: areaId, ancestors },
      };
      if (input.kind) changes.kind = input.kind;
      const event = member.update(changes);
      if (!event) {
        ops.push({ kind: 'unchanged' });
        continue;
      }
      ops.push({
        kind: 'update',
        id: member.id,
        version: stored.version,
        entity: member,
        events: memberIntegrationEvents([event], ctx),
      });
    } catch (error) {
      errors.push(...rowErrors(row, error));
    }
  }
  return {
    ops,
    errors: errors.sort((a, b) => a.row - b.row),
    total: rows.length,
    digest: importDigest(rows),
  };
}
