import type { Area } from '../domain/area.entity';

/** An area as the HTTP API answers it. */
export type AreaView = {
  id: string;
  level: string;
  parentId: string | null;
  ancestors: string[];
  nameEn: string;
  nameHi: string | null;
  seatClass: string | null;
  lastMargin: number | null;
  lokSabhaId: string | null;
  boothCount: number | null;
  voterCount: number | null;
  beneficiaryCount: number | null;
  socialComposition: Record<string, number> | null;
};

export function areaView(area: Area): AreaView {
  const figures = area.figures;
  return {
    id: area.id,
    level: area.level,
    parentId: area.parentId,
    ancestors: area.ancestors,
    nameEn: area.name.en,
    nameHi: area.name.hi ?? null,
    seatClass: area.seatClass ?? null,
    lastMargin: area.lastMargin ?? null,
    lokSabhaId: area.lokSabhaId ?? null,
    boothCount: figures.boothCount ?? null,
    voterCount: figures.voterCount ?? null,
    beneficiaryCount: figures.beneficiaryCount ?? null,
    socialComposition: figures.socialComposition ?? null,
  };
}
