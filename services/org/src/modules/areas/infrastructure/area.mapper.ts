import { Area } from '../domain/area.entity';
import { AreaCode } from '../domain/area-code.value-object';
import { AreaName } from '../domain/area-name.value-object';
import type { AreaDocument } from './area.schema';

export type AreaView = {
  id: string;
  level: string;
  parentId: string | null;
  ancestors: string[];
  nameEn: string;
  nameHi: string | null;
  seatClass: string | null;
  lastMargin: number | null;
};

export const AreaMapper = {
  toDomain(doc: AreaDocument): Area {
    return Area.restore({
      id: AreaCode.of(doc._id),
      level: doc.level,
      parentId: doc.parentId,
      ancestors: doc.ancestors,
      name: AreaName.of(doc.nameEn, doc.nameHi),
      seatClass: doc.seatClass,
      lastMargin: doc.lastMargin,
    });
  },

  toPersistence(area: Area): Omit<AreaDocument, 'outbox' | 'outboxDueAt'> {
    return {
      _id: area.id,
      level: area.level,
      parentId: area.parentId,
      ancestors: area.ancestors,
      nameEn: area.name.en,
      nameHi: area.name.hi,
      seatClass: area.seatClass,
      lastMargin: area.lastMargin,
    };
  },

  toView(area: Area): AreaView {
    const { _id, ...rest } = AreaMapper.toPersistence(area);
    return { id: _id, ...rest };
  },
};
