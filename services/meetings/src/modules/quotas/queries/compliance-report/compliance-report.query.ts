import type { HolderCompliance } from '../../domain/compliance';

/** A holder as the report's lists name them (from the roster, so the lists can be acted on without a lookup). */
const person = (h: HolderCompliance) => ({
  memberId: h.memberId,
  name: h.name ?? null,
  positionType: h.positionType,
  areaId: h.areaId,
});

/** The report's summary and its three lists (met, fell short, sent no photos) from each holder's compliance. */
export function complianceReport(holders: readonly HolderCompliance[]) {
  const met = holders.filter((h) => h.metQuota);
  const short = holders.filter((h) => !h.metQuota);
  const noPhotos = holders.filter((h) => h.sentNoPhotos);
  return {
    summary: {
      holders: holders.length,
      metQuota: met.length,
      fellShort: short.length,
      sentNoPhotos: noPhotos.length,
    },
    metQuota: met.map(person),
    fellShort: short.map(person),
    sentNoPhotos: noPhotos.map(person),
    holders: [...holders],
  };
}
