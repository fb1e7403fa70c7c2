import type { Panel, PanelState, PanelStatus } from '../domain/panel.entity';
import { Panel as PanelEntity } from '../domain/panel.entity';
import type { FieldCipher } from './field-cipher';
import type { PanelDocument } from './panel.schema';

type StoredPanel = Omit<PanelDocument, 'outbox' | 'outboxDueAt'>;

const rationaleAad = (panelId: string, prospectId: string) =>
  `panels:${panelId}:proposal.${prospectId}.rationale`;
const commentsAad = (panelId: string) => `panels:${panelId}:returnComments`;

/** Panel ↔ stored document; seals and opens the confidential fields. */
export class PanelMapper {
  static toDocument(panel: Panel, cipher: FieldCipher, version: number): StoredPanel {
    const s = panel.snapshot;
    return {
      _id: s.id,
      cycleId: s.cycleId,
      seatId: s.seatId,
      seatLevel: s.seatLevel,
      seatAncestors: [...s.seatAncestors],
      areaId: s.zoneId,
      ancestors: [...s.zoneAncestors],
      ownerId: s.ownerId,
      deadline: s.deadline,
      status: s.status,
      collectorIds: [...s.collectorIds],
      proposal: s.proposal.map((entry) => ({
        prospectId: entry.prospectId,
        rationale: cipher.seal(entry.rationale, rationaleAad(s.id, entry.prospectId)),
      })),
      returnCount: s.returnCount,
      returnComments: cipher.sealNullable(s.returnComments, commentsAad(s.id)),
      submittedAt: s.submittedAt,
      submittedOnTime: s.submittedOnTime,
      decision: s.decision,
      announcedAt: s.announcedAt,
      deadlineMissedAt: s.deadlineMissedAt,
      history: s.history.map((t) => ({ ...t })),
      version,
      sealedWith: cipher.currentKeyId,
    };
  }

  static toDomain(doc: StoredPanel, cipher: FieldCipher): Panel {
    const state: PanelState = {
      id: doc._id,
      cycleId: doc.cycleId,
      seatId: doc.seatId,
      seatLevel: doc.seatLevel as PanelState['seatLevel'],
      seatAncestors: doc.seatAncestors,
      zoneId: doc.areaId,
      zoneAncestors: doc.ancestors,
      ownerId: doc.ownerId ?? null,
      deadline: new Date(doc.deadline),
      status: doc.status as PanelStatus,
      collectorIds: doc.collectorIds ?? [],
      proposal: (doc.proposal ?? []).map((entry) => ({
        prospectId: entry.prospectId,
        rationale: cipher.open(entry.rationale, rationaleAad(doc._id, entry.prospectId)),
      })),
      returnCount: doc.returnCount ?? 0,
      returnComments: cipher.openNullable(doc.returnComments, commentsAad(doc._id)),
      submittedAt: doc.submittedAt ? new Date(doc.submittedAt) : null,
      submittedOnTime: doc.submittedOnTime ?? null,
      decision: doc.decision ? { ...doc.decision, at: new Date(doc.decision.at) } : null,
      announcedAt: doc.announcedAt ? new Date(doc.announcedAt) : null,
      deadlineMissedAt: doc.deadlineMissedAt ? new Date(doc.deadlineMissedAt) : null,
      history: (doc.history ?? []).map((t) => ({
        from: t.from as PanelStatus | null,
        to: t.to as PanelStatus,
        by: t.by,
        at: new Date(t.at),
      })),
    };
    return PanelEntity.restore(state);
  }

  /** Re-seals a stored panel's confidential fields with the current key (key rotation). */
  static reseal(doc: StoredPanel, cipher: FieldCipher): Pick<StoredPanel, 'proposal' | 'returnComments'> {
    return {
      proposal: (doc.proposal ?? []).map((entry) => {
        const aad = rationaleAad(doc._id, entry.prospectId);
        return {
          prospectId: entry.prospectId,
          rationale: cipher.seal(cipher.open(entry.rationale, aad), aad),
        };
      }),
      returnComments: cipher.sealNullable(
        cipher.openNullable(doc.returnComments, commentsAad(doc._id)),
        commentsAad(doc._id),
      ),
    };
  }
}
