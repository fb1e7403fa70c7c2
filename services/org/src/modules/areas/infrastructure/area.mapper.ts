import { searchKey } from '@sangathan/kernel';
import { Area } from '../domain/area.entity';
import { AreaCode } from '../domain/area-code.value-object';
import { AreaName } from '../domain/area-name.value-object';
import type { AreaDocument } from './area.schema';

export type AreaRow = Omit<AreaDocument, 'outbox' | 'outboxDueAt' | 'booth' | 'repath' | 'version'>;

export const AreaMapper = {
  toDomain(doc: AreaRow): Area {
    return Area.restore({
      id: AreaCode.of(doc._id),
      level: doc.level,
      parentId: doc.parentId,
      ancestors: doc.ancestors,
      name: AreaName.of(doc.nameEn, doc.nameHi),
      seatClass: doc.seatClass ?? null,
      lastMargin: doc.lastMargin ?? null,
      lokSabhaId: doc.lokSabhaId ?? null,
      figures: {
        boothCount: doc.boothCount ?? null,
        voterCount: doc.voterCount ?? null,
        beneficiaryCount: doc.beneficiaryCount ?? null,
        socialComposition: doc.socialComposition ?? null,
      },
    });
  },

  toPersistence(area: Area): AreaRow {
    return {
      _id: area.id,
      level: area.level,
      parentId: area.parentId,
      ancestors: area.ancestors,
      nameEn: area.name.en,
      nameHi: area.name.hi,
      nameKeys: nameKeys(area.name.en, area.name.hi),
      seatClass: area.seatClass,
      lastMargin: area.lastMargin,
      lokSabhaId: area.lokSabhaId,
      ...area.figures,
    };
  },
};

/** Folded names for prefix search; both scripts, deduplicated. */
export function nameKeys(...names: (string | null | undefined)[]): string[] {
  return [...new Set(names.filter((n): n is string => !!n).map(searchKey))];
}
