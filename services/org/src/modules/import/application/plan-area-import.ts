import { hasPermission, isWithinScope, type Principal } from '@sangathan/auth';
import type { AreaLevel } from '@sangathan/contracts';
import { toIntegrationEvents } from '../../areas/application/area.integration-events';
import { Area, type AreaDomainEvent } from '../../areas/domain/area.entity';
import { LEVEL_RANK } from '../../areas/domain/area-hierarchy';
import { AreaCode } from '../../areas/domain/area-code.value-object';
import type { RequestContext } from '../../../common/request-context';
import { areaImportRowSchema, zodRowErrors, type RowError } from '../domain/import-rows';
import { importDigest, rowErrors, type ImportOp, type ImportPlan } from './import-plan';
import type { Versioned } from './ports/import-batch.port';

/** Stored areas by `_id` (the rows themselves, and the parents and Lok Sabha seats they name). */
export type LookUpAreas = (ids: string[]) => Promise<Map<string, Versioned<Area>>>;

type Placed = { id: string; level: AreaLevel; ancestors: string[]; lokSabhaId: string | null };

/**
 * Validates every area row (schema, code, duplicates in the file, parent and Lok Sabha seat in the file or
 * stored, the caller's scope where the area will sit) and plans an insert, an update (upsert by code) or
 * nothing for each valid row, parents before children.
 */
export async function planAreaImport(
  rows: unknown[],
  principal: Principal,
  ctx: RequestContext,
  lookUp: LookUpAreas,
): Promise<ImportPlan<Area>> {
  const errors: RowError[] = [];
  type Parsed = { row: number; input: ReturnType<typeof areaImportRowSchema.parse>; code: string };
  const parsed: Parsed[] = [];
  const seen = new Map<string, number>();
  rows.forEach((raw, i) => {
    const row = i + 1;
    const result = areaImportRowSchema.safeParse(raw);
    if (!result.success) return errors.push(...zodRowErrors(row, result.error.issues));
    let code: string;
    try {
      code = AreaCode.of(result.data.code).value;
    } catch (error) {
      return errors.push(...rowErrors(row, error));
    }
    const first = seen.get(code);
    if (first) return errors.push({ row, field: 'code', message: `duplicate of row ${first}` });
    seen.set(code, row);
    parsed.push({ row, input: result.data, code });
  });

  // Everything the rows refer to that is already stored: the rows themselves, parents and Lok Sabha seats outside the file.
  const inFile = new Set(parsed.map((p) => p.code));
  const referenced = new Set<string>();
  for (const p of parsed) {
    if (p.input.parentId && !inFile.has(p.input.parentId.trim().toUpperCase()))
      referenced.add(p.input.parentId.trim().toUpperCase());
    if (p.input.lokSabhaId && !inFile.has(p.input.lokSabhaId.trim().toUpperCase()))
      referenced.add(p.input.lokSabhaId.trim().toUpperCase());
  }
  const stored = await lookUp([...inFile, ...referenced]);

  const placed = new Map<string, Placed | 'invalid'>();
  for (const { value: area } of stored.values()) {
    if (!inFile.has(area.id))
      placed.set(area.id, {
        id: area.id,
        level: area.level,
        ancestors: area.ancestors,
        lokSabhaId: area.lokSabhaId ?? null,
      });
  }
  const ops: ImportOp<Area>[] = [];
  parsed.sort((a, b) => LEVEL_RANK[a.input.level] - LEVEL_RANK[b.input.level] || a.row - b.row);
  for (const { row, input, code } of parsed) {
    const rowErrs: RowError[] = [];
    const parentId = input.parentId?.trim().toUpperCase() ?? null;
    const parent = parentId ? placed.get(parentId) : null;
    if (parentId && !parent) rowErrs.push({ row, field: 'parentId', message: `unknown parent ${parentId}` });
    if (parent === 'invalid')
      rowErrs.push({ row, field: 'parentId', message: `parent ${parentId} is invalid in this file` });
    const parentRef = parent && parent !== 'invalid' ? parent : null;
    let lokSabhaId: string | null = null;
    if (input.lokSabhaId) {
      const ls = placed.get(input.lokSabhaId.trim().toUpperCase());
      if (!ls || ls === 'invalid' || ls.level !== 'lok-sabha')
        rowErrs.push({ row, field: 'lokSabhaId', message: `${input.lokSabhaId} is not a Lok Sabha seat` });
      else if (input.level !== 'assembly')
        rowErrs.push({ row, field: 'lokSabhaId', message: 'only assembly seats link to a Lok Sabha seat' });
      else lokSabhaId = ls.id;
    }
    const ancestors = parentRef ? [...parentRef.ancestors, parentRef.id] : [];
    // Scope is judged where the area will sit; a row without a valid parent already has its error.
    const placeable = rowErrs.length === 0;
    if (
      placeable &&
      (!hasPermission(principal, 'org:write') || !isWithinScope(principal, { areaId: code, ancestors }))
    ) {
      rowErrs.push({ row, field: 'code', message: `outside your area ${principal.areaId}` });
    }
    let area: Area | null = null;
    let created: AreaDomainEvent | null = null;
    if (rowErrs.length === 0) {
      try {
        const result = Area.create({
          code,
          level: input.level,
          parent: parentRef
            ? {
                id: parentRef.id,
                level: parentRef.level,
                ancestors: parentRef.ancestors,
                lokSabhaId: parentRef.lokSabhaId,
              }
            : null,
          nameEn: input.nameEn,
          nameHi: input.nameHi ?? null,
          seatClass: input.seatClass,
          lastMargin: input.lastMargin,
          lokSabhaId,
          figures: {
            boothCount: input.boothCount ?? null,
            voterCount: input.voterCount ?? null,
            beneficiaryCount: input.beneficiaryCount ?? null,
            socialComposition: input.socialComposition ?? null,
          },
        });
        area = result.area;
        created = result.event;
      } catch (error) {
        rowErrs.push(...rowErrors(row, error));
      }
    }
    const existing = stored.get(code);
    if (area && existing) {
      if (existing.value.level !== area.level)
        rowErrs.push({ row, field: 'level', message: `${code} exists as a ${existing.value.level}` });
      else if ((existing.value.parentId ?? null) !== area.parentId) {
        rowErrs.push({
          row,
          field: 'parentId',
          message: `${code} sits under ${existing.value.parentId}; use POST /areas/${code}/move to move it`,
        });
      }
    }
    if (rowErrs.length > 0 || !area) {
      errors.push(...rowErrs);
      placed.set(code, 'invalid');
      continue;
    }
    placed.set(code, { id: code, level: area.level, ancestors: area.ancestors, lokSabhaId: area.lokSabhaId });
    if (!existing) {
      const newArea = area;
      const event = created!;
      ops.push({
        kind: 'insert',
        id: code,
        build: () => ({ entity: newArea, events: toIntegrationEvents([event], ctx) }),
      });
      continue;
    }
    // Upsert by code: apply the row's names, figures and class to the stored area; no event when nothing changed.
    const current = existing.value;
    const domainEvents: AreaDomainEvent[] = [];
    try {
      const updated = current.update({
        nameEn: area.name.en,
        nameHi: area.name.hi,
        ...(area.level === 'assembly' ? { lokSabhaId: area.lokSabhaId } : {}),
        ...area.figures,
      });
      if (updated) domainEvents.push(updated);
      if (area.level === 'lok-sabha' || area.level === 'assembly') {
        const reclassified = current.reclassify(area.seatClass, area.lastMargin);
        if (reclassified) domainEvents.push(reclassified);
      }
    } catch (error) {
      errors.push(...rowErrors(row, error));
      placed.set(code, 'invalid');
      continue;
    }
    if (domainEvents.length === 0) {
      ops.push({ kind: 'unchanged' });
      continue;
    }
    ops.push({
      kind: 'update',
      id: current.id,
      version: existing.version,
      entity: current,
      events: toIntegrationEvents(domainEvents, ctx),
    });
  }
  return {
    ops,
    errors: errors.sort((a, b) => a.row - b.row),
    total: rows.length,
    digest: importDigest(rows),
  };
}
